import type { ApiError, CheckoutSession, Order, SessionRef, WidgetEvent } from '../api';
import { clockOffset } from '../clock';

// The checkout's states and transitions, pure: `transition(state, event)` is the one place the
// flow moves. Its effects (the API, storage, DOM events, navigation) live in checkout-flow.ts, which
// feeds their results back in as events.

/** Where the buyer is. */
export type Step =
  | { at: 'loading' }
  /** The event or the session could not be loaded. */
  | { at: 'failed'; error: ApiError }
  /** Choosing tiers and an email; with `held`, changing the tickets already held. */
  | { at: 'select' }
  /** Paying `held`: the card form, or "Get tickets" when it costs nothing. */
  | { at: 'pay' }
  /** Waiting for the server to complete the session (Stripe's webhook, or a free order). */
  | { at: 'confirming'; session: SessionRef }
  /** Confirmation is taking longer than the poll waits. */
  | { at: 'slow'; session: SessionRef }
  | { at: 'done'; session: SessionRef; order: Order; ticketsUrl: string | null }
  /** The seats went back: the hold ran out or the session was cancelled; `paid` if a payment was under way. */
  | { at: 'ended'; session: CheckoutSession; paid: boolean }
  /** On the way to the promoter's successUrl (`paid`) or cancelUrl. */
  | { at: 'leaving'; url: string; paid: boolean };

/** Something the buyer is told beside what failed. */
export type Problem = Pick<ApiError, 'message'> & { param?: string | undefined };

export interface FlowState {
  step: Step;
  data: WidgetEvent | null;
  /** Server clock minus browser clock, in ms. */
  offset: number;
  /** The open session whose seats are held: paid at `pay`, changed or released from `select`. */
  held: CheckoutSession | null;
  quantities: Record<string, number>;
  email: string;
  /** A request the buyer started is under way. */
  busy: boolean;
  error: Problem | null;
}

export type FlowEvent =
  | { type: 'load' }
  | { type: 'failed'; error: ApiError }
  | { type: 'loaded'; data: WidgetEvent; step: Step; held: CheckoutSession | null; tier: string | null }
  | { type: 'refreshed'; data: WidgetEvent }
  | { type: 'quantity'; tierId: string; quantity: number }
  | { type: 'email'; email: string }
  | { type: 'busy' }
  | { type: 'problem'; error: Problem }
  | { type: 'held'; session: CheckoutSession }
  | { type: 'released' }
  | { type: 'change' }
  | { type: 'paid'; session: SessionRef }
  | { type: 'polled'; session: CheckoutSession | null; ref: SessionRef }
  | { type: 'check' }
  | { type: 'ended'; session: CheckoutSession; paid: boolean }
  | { type: 'restart' }
  | { type: 'leave'; url: string; paid: boolean };

export const initialState: FlowState = {
  step: { at: 'loading' },
  data: null,
  offset: 0,
  held: null,
  quantities: {},
  email: '',
  busy: false,
  error: null,
};

/** Each tier's availability for this buyer: what is left plus what they already hold. */
export const withHeld = (data: WidgetEvent, held: CheckoutSession | null): WidgetEvent =>
  held
    ? {
        ...data,
        tiers: data.tiers.map((t) => ({
          ...t,
          available: t.available + (held.items.find((i) => i.tierId === t.id)?.quantity ?? 0),
        })),
      }
    : data;

/**
 * Where a page load finds a stored (or linked) session: being paid, already paid (or paid by a method
 * that redirected back, `redirected`), or gone, which is the start again for a widget and the end
 * for a hosted page (`hosted`), whose session is the promoter's.
 */
export function resumeStep(s: CheckoutSession | null, redirected: boolean, hosted: boolean): Step {
  if (s?.status === 'complete' || (s?.status === 'open' && redirected))
    return { at: 'confirming', session: s };
  if (s?.status === 'open') return { at: 'pay' };
  return s && hosted ? { at: 'ended', session: s, paid: false } : { at: 'select' };
}

/** The state after `e`. */
export function transition(s: FlowState, e: FlowEvent): FlowState {
  const { step } = s;
  switch (e.type) {
    case 'load':
      return { ...s, step: { at: 'loading' }, busy: false, error: null };
    case 'failed':
      return { ...s, step: { at: 'failed', error: e.error } };
    case 'loaded': {
      const { data, held, tier } = e;
      const quantities: Record<string, number> = {};
      if (held) for (const i of held.items) quantities[i.tierId] = i.quantity;
      const preselected = data.tiers.find((t) => t.slug === tier && t.available > 0);
      if (e.step.at === 'select' && preselected) quantities[preselected.id] = 1;
      const email = held?.customerEmail ?? '';
      return { ...s, step: e.step, data, offset: clockOffset(data.serverTime), held, quantities, email };
    }
    case 'refreshed': {
      // Stock may have dropped since the buyer chose: keep choices within what is left.
      const quantities: Record<string, number> = {};
      for (const t of withHeld(e.data, s.held).tiers) {
        quantities[t.id] = Math.min(s.quantities[t.id] ?? 0, t.available, t.maxPerOrder);
      }
      return { ...s, data: e.data, offset: clockOffset(e.data.serverTime), quantities };
    }
    case 'quantity':
      return { ...s, quantities: { ...s.quantities, [e.tierId]: e.quantity } };
    case 'email':
      return { ...s, email: e.email };
    case 'busy':
      return { ...s, busy: true, error: null };
    case 'problem':
      return { ...s, busy: false, error: e.error };
    case 'held':
      return { ...s, busy: false, held: e.session, step: { at: 'pay' } };
    case 'released':
      return { ...s, held: null };
    case 'change':
      return step.at === 'pay' ? { ...s, error: null, step: { at: 'select' } } : s;
    case 'paid':
      return { ...s, busy: false, step: { at: 'confirming', session: e.session } };
    case 'polled': {
      const p = e.session;
      if (p?.status === 'complete' && p.order) {
        // The purchase is over: a new one starts from nothing.
        const next = {
          at: 'done',
          session: e.ref,
          order: p.order,
          ticketsUrl: p.ticketsUrl ?? null,
        } as const;
        return { ...s, held: null, quantities: {}, step: next };
      }
      if (p?.status === 'expired' || p?.status === 'cancelled') {
        return { ...s, held: null, step: { at: 'ended', session: p, paid: true } };
      }
      return { ...s, step: { at: 'slow', session: e.ref } };
    }
    case 'check':
      return step.at === 'slow' ? { ...s, step: { at: 'confirming', session: step.session } } : s;
    case 'ended':
      return { ...s, busy: false, held: null, step: { at: 'ended', session: e.session, paid: e.paid } };
    case 'restart':
      return { ...s, error: null, step: { at: 'select' } };
    case 'leave':
      return { ...s, busy: false, step: { at: 'leaving', url: e.url, paid: e.paid } };
  }
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
