import { type CheckoutSession, type SessionRef, toApiError, type WidgetEvent } from '../api';
import { emit } from '../events';
import { forgetKey, keyForBody, randomKey } from '../idempotency';
import { pollSession } from '../poll';
import { forgetSession, rememberSession } from '../session-store';
import {
  type FlowEvent,
  type FlowState,
  initialState,
  type Problem,
  redirectTarget,
  transition,
} from './machine';
import { openCheckout } from './open';
import type { Card, CheckoutFlow, FlowEnv } from './types';

// The one owner of the checkout, for the inline widget, the modal and the hosted page alike: it
// holds the state machine (machine.ts) and runs what each step needs: the session created with an
// Idempotency-Key and kept in sessionStorage, changes of tickets, payment (free orders complete
// without Stripe), polling until the server says complete, the hold's expiry, and the redirect to a
// hosted session's successUrl. Components render `state` and `send` what the buyer does
// (types.ts); a page load is open.ts's.

/** A checkout for `env`; it starts when sent `load`. */
export function createCheckoutFlow(env: FlowEnv): CheckoutFlow {
  const { api, store, host, scope, sessionName } = env;
  const hosted = !env.eventId;
  const navigate =
    env.navigate ?? ((url, replace) => (replace ? location.replace(url) : location.assign(url)));
  const listeners = new Set<(state: FlowState) => void>();
  let state = initialState;
  let polling: AbortController | undefined;
  // The hold may run out while a payment is being confirmed; that payment must be allowed to finish,
  // and the server decides what happens to it.
  let paying = false;
  let lapsed = false;

  const go = (e: FlowEvent) => {
    const before = state.step;
    state = transition(state, e);
    const { step } = state;
    if (step !== before && step.at === 'confirming') poll(step.session);
    for (const listener of listeners) listener(state);
  };
  const show = (data: WidgetEvent) => {
    env.onEvent?.(data);
    return data;
  };
  // Availability moves while the buyer looks.
  const refresh = () => {
    const id = state.data?.event.id;
    if (id)
      api.event(id).then(
        (data) => go({ type: 'refreshed', data: show(data) }),
        () => {},
      );
  };

  // A widget forgets its own session once it cannot be paid; the hosted page keeps its link's, so a
  // reload can still say what became of it.
  const settle = () => {
    if (hosted) return;
    forgetKey(store, scope);
    forgetSession(store, sessionName);
  };
  const release = (s: SessionRef) => {
    settle();
    go({ type: 'released' });
    return api.cancel(s).catch(() => {});
  };
  const expire = () => {
    const s = state.held;
    if (!s) return;
    settle();
    emit(host, 'expired', { sessionId: s.id });
    go({ type: 'ended', session: { ...s, status: 'expired' }, paid: false });
  };
  const leave = (url: string, paid: boolean, replace = false) => {
    go({ type: 'leave', url, paid });
    // A reload (or Back) that finds the session already paid replaces itself, so Back is not a loop.
    navigate(url, replace);
  };

  function poll(ref: SessionRef) {
    polling?.abort();
    const stop = new AbortController();
    polling = stop;
    pollSession(() => api.session(ref), { ...env.poll, signal: stop.signal }).then((s) => {
      if (stop.signal.aborted) return;
      if (s?.status === 'complete' && s.order) {
        settle();
        emit(host, 'completed', { orderId: s.order.id, amount: s.order.amount, currency: s.order.currency });
        const url = redirectTarget(s.successUrl, s.id);
        if (url) return leave(url, true);
      }
      go({ type: 'polled', session: s, ref });
    });
  }

  const load = async () => {
    go({ type: 'load' });
    try {
      const opened = await openCheckout(env);
      if ('leave' in opened) return leave(opened.leave, true, true);
      const { data, step, held } = opened;
      go({ type: 'loaded', data: show(data), step, held, tier: env.tier ?? null });
    } catch (e) {
      go({ type: 'failed', error: toApiError(e) });
    }
  };

  const hold = async () => {
    const { data, held, quantities, busy } = state;
    if (busy || !data) return;
    const items = data.tiers
      .filter((t) => quantities[t.id])
      .map((t) => ({ tierId: t.id, quantity: quantities[t.id] ?? 0 }));
    const customerEmail = state.email.trim();
    go({ type: 'busy' });
    try {
      let s: CheckoutSession;
      if (held?.customerEmail === customerEmail) {
        // Change tickets: the same session holds the new ones, or keeps the old ones if they cannot be held.
        s = await api.update(held, items);
      } else {
        // Another address is another purchase; the old hold goes back first, so it cannot crowd this one out.
        if (held) await release(held);
        const bodyJson = JSON.stringify({ eventId: data.event.id, items, customerEmail });
        s = await api.createSession(bodyJson, keyForBody(store, scope, bodyJson));
        if (s.status !== 'open') {
          // A replay of a session that has since ended: this is a new purchase with a new key.
          forgetKey(store, scope);
          s = await api.createSession(bodyJson, keyForBody(store, scope, bodyJson));
        }
        rememberSession(store, sessionName, s);
        emit(host, 'checkout-started', { sessionId: s.id });
      }
      go({ type: 'held', session: s });
    } catch (e) {
      const err = toApiError(e);
      if (held && (err.status === 410 || err.code === 'checkout.session_not_open')) return expire();
      go({ type: 'problem', error: err });
      if (err.code === 'event.tier_oversold') refresh();
    }
  };

  const pay = async (card?: Card) => {
    const s = state.held;
    if (!s || paying) return;
    paying = true;
    go({ type: 'busy' });
    let error: Problem | null = null;
    try {
      let message = (await card?.submit()) ?? null;
      if (!message) {
        // The server creates the PaymentIntent (or returns the one it made for this session, so paying
        // again after a decline reuses it); a session that costs nothing it completes at once, and
        // there is nothing to confirm.
        const started = await api.pay(s, randomKey());
        if (card && started.status !== 'complete') message = await card.confirm(started.clientSecret ?? '');
      }
      if (message) error = { message };
      else {
        lapsed = false;
        go({ type: 'paid', session: s });
      }
    } catch (e) {
      const err = toApiError(e);
      if (err.code === 'checkout.session_expired') lapsed = true;
      else error = err;
    } finally {
      paying = false;
      if (lapsed) expire();
      else if (error) go({ type: 'problem', error });
    }
  };

  const cancel = async () => {
    const s = state.held;
    if (!s || state.busy) return;
    go({ type: 'busy' });
    try {
      const cancelled = await api.cancel(s);
      forgetSession(store, sessionName);
      const url = redirectTarget(cancelled.cancelUrl, cancelled.id);
      if (url) leave(url, false);
      else go({ type: 'ended', session: cancelled, paid: false });
    } catch (e) {
      const err = toApiError(e);
      // 409: paid in the meantime, so there is nothing to cancel; show where the payment stands.
      if (err.status === 409) void load();
      else go({ type: 'problem', error: err });
    }
  };

  // Closing the modal gives back seats nobody is paying for; a payment under way is the server's to settle.
  const close = () => {
    emit(host, 'closed', {});
    const { held, step } = state;
    if (step.at === 'confirming' || step.at === 'slow' || !state.data) return;
    if (held && !paying) void release(held).then(refresh);
    else refresh();
    go({ type: 'restart' });
  };

  return {
    get state() {
      return state;
    },
    send(input) {
      switch (input.type) {
        case 'load':
          return void load();
        case 'quantity':
          go(input);
          return emit(host, 'tier-selected', { tierId: input.tierId, quantity: input.quantity });
        case 'email':
        case 'check':
          return go(input);
        case 'change':
        case 'restart':
          go(input);
          return refresh();
        case 'continue':
          return void hold();
        case 'pay':
          return void pay(input.card);
        case 'expire':
          if (paying) lapsed = true;
          else expire();
          return;
        case 'cancel':
          return void cancel();
        case 'close':
          return close();
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      polling?.abort();
      listeners.clear();
    },
  };
}
