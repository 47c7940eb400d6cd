import type { SessionRef } from '../api';

// The hosted checkout's address book: what the page was opened for, and where it survives a reload.
// Pure, so each rule is tested on its own. Where the buyer goes next is the checkout flow's
// (flow/machine.ts, redirectTarget).

/** What embed.html shows: a promoter's server-side session, one event's checkout (iframe mode), or nothing. */
export type PageMode =
  | { kind: 'session'; ref: SessionRef }
  | { kind: 'event'; query: URLSearchParams }
  | { kind: 'none' };

const SESSION_ID = /^cs_[0-9a-z]+$/;

/** The session in a hosted checkout URL's fragment (`#session=cs_…&secret=cs_…_secret_…`), or null. */
export function readHash(hash: string): SessionRef | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const id = params.get('session') ?? '';
  const clientSecret = params.get('secret') ?? '';
  return SESSION_ID.test(id) && clientSecret ? { id, clientSecret } : null;
}

/** sessionStorage key of the session this tab is paying, so a reload finds it after the fragment is gone. */
export const SESSION_KEY = 'entryrate:hosted-session';

/**
 * Decides what the page is for. A fragment naming a session wins (a fresh link from a promoter);
 * then `?event=` (the iframe mode); then the session this tab was already paying (a reload, or the
 * return from a payment method that redirects).
 */
export function chooseMode(hash: string, search: string, stored: SessionRef | null): PageMode {
  const fromHash = readHash(hash);
  if (fromHash) return { kind: 'session', ref: fromHash };
  const query = new URLSearchParams(search);
  if (query.get('event')) return { kind: 'event', query };
  if (/(^#|&)session=/.test(hash)) return { kind: 'none' };
  return stored ? { kind: 'session', ref: stored } : { kind: 'none' };
}
