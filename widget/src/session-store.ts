import type { SessionRef } from './api';
import type { KeyValue } from './idempotency';

// The open session a tab is paying, kept in sessionStorage under a name, so that a reload (or the
// return from a payment method that redirects) finds it again instead of reserving twice.

const SESSION_ID = /^cs_[0-9a-z]+$/;

/** sessionStorage name of the session one widget holds; `scope` tells widgets on one page apart. */
export const widgetSessionName = (scope: string) => `entryrate:session:${scope}`;

/** Keeps `{ id, secret }` under `name`; storage that refuses is no reason to stop the buyer paying. */
export function rememberSession(store: KeyValue, name: string, ref: SessionRef): void {
  try {
    store.setItem(name, JSON.stringify({ id: ref.id, secret: ref.clientSecret }));
  } catch {
    // Full or blocked: a reload starts again, but this page still works.
  }
}

/** Forgets the stored session once it cannot be paid any more. */
export const forgetSession = (store: KeyValue, name: string) => store.removeItem(name);

/** The session kept under `name`, or null. */
export function recallSession(store: KeyValue, name: string): SessionRef | null {
  try {
    const saved = JSON.parse(store.getItem(name) ?? 'null');
    if (typeof saved?.id === 'string' && SESSION_ID.test(saved.id) && typeof saved.secret === 'string') {
      return { id: saved.id, clientSecret: saved.secret };
    }
  } catch {
    // An unreadable record is as good as none.
  }
  return null;
}
