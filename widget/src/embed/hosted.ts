import type { CheckoutSession, SessionRef } from '../api';

// The hosted checkout's address book: what the page was opened for, where it survives a reload, and
// where the buyer goes next. Pure, so each rule is tested on its own.

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

/**
 * Where to send the buyer: `url` with every literal `{CHECKOUT_SESSION_ID}` replaced by the session id
 * (as Stripe does), or null unless it is an http(s) address.
 */
export function redirectTarget(url: string | null, sessionId: string): string | null {
  if (!url) return null;
  try {
    const { protocol } = new URL(url);
    if (protocol !== 'https:' && protocol !== 'http:') return null;
  } catch {
    return null;
  }
  return url.split('{CHECKOUT_SESSION_ID}').join(encodeURIComponent(sessionId));
}

/** The heading and sentence for a session that can no longer be paid. */
export function endedNotice(session: Pick<CheckoutSession, 'status' | 'paymentStatus'>): {
  title: string;
  text: string;
} {
  const title = session.status === 'cancelled' ? 'This checkout was cancelled' : 'This checkout expired';
  const late = 'Your payment arrived after your tickets were released, so it';
  if (session.paymentStatus === 'refunded') return { title, text: `${late} has been refunded.` };
  if (session.paymentStatus === 'refund_pending') return { title, text: `${late} is being refunded.` };
  return {
    title,
    text:
      session.status === 'cancelled'
        ? 'Your tickets were released. You have not been charged.'
        : 'Your tickets were held for a limited time and have been released. You have not been charged.',
  };
}
