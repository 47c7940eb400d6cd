import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FlowState } from '../flow/machine';
import type { CheckoutFlow } from '../flow/types';
import type { Theme } from '../options';

const darkQuery = () => matchMedia('(prefers-color-scheme: dark)');

/** Whether to draw the dark theme; `auto` follows prefers-color-scheme, live. */
export function useDark(theme: Theme): boolean {
  const [dark, setDark] = useState(theme === 'auto' ? darkQuery().matches : theme === 'dark');
  useEffect(() => {
    if (theme !== 'auto') return;
    const query = darkQuery();
    const onChange = () => setDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [theme]);
  return dark;
}

/**
 * A ref whose element takes focus when it first renders: when a step replaces the one the buyer was
 * on, keyboard and screen-reader users land on its heading instead of at the top of the page.
 */
export function useFocusOnMount<T extends HTMLElement>(): RefObject<T> {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

/** The flow's state, rendering again on every transition. */
export function useFlow(flow: CheckoutFlow): FlowState {
  const [state, setState] = useState(flow.state);
  useEffect(() => flow.subscribe(setState), [flow]);
  return state;
}

/**
 * A step that loads something and may fail: `attempt` changes on each retry (an effect's
 * dependency), `failed` says whether to show the "Try again" button, and `retry` is its action.
 */
export function useRetry() {
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  return {
    attempt,
    failed,
    fail: () => setFailed(true),
    retry: () => {
      setFailed(false);
      setAttempt(attempt + 1);
    },
  };
}
