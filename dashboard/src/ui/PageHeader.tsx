import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';

/** The page's one h1, its document title, and the actions beside it. */
export function PageHeader({
  title,
  children,
  back,
}: {
  title: string;
  children?: ComponentChildren;
  back?: { href: string; label: string };
}) {
  useEffect(() => {
    document.title = `${title} · EntryRate`;
  }, [title]);
  return (
    <header class="page-header">
      {back && (
        <a class="back-link" href={back.href}>
          ← {back.label}
        </a>
      )}
      <div class="page-header-row">
        <h1>{title}</h1>
        {children && <div class="page-actions">{children}</div>}
      </div>
    </header>
  );
}
