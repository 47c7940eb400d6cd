import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Loading } from '../ui/index.ts';

/** Replaces the current address with `href` (after render, as routing is a side effect). */
export function Redirect({ href }: { href: string }) {
  const { route } = useLocation();
  useEffect(() => route(href, true), [href, route]);
  return <Loading />;
}
