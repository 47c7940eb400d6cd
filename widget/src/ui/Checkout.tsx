import { useEffect, useRef, useState } from 'preact/hooks';
import {
  type ApiError,
  type CheckoutSession,
  type Order,
  type SessionRef,
  toApiError,
  type WidgetEvent,
} from '../api';
import { emit } from '../events';
import { formatDoors } from '../format';
import { forgetKey, keyForBody } from '../idempotency';
import { pollSession } from '../poll';
import { forgetSession, rememberSession, widgetSessionName } from '../session-store';
import { Confirmation } from './Confirmation';
import { Countdown } from './Countdown';
import { Notice } from './Notice';
import { PaymentStep } from './PaymentStep';
import { SelectStep } from './SelectStep';
import type { Env } from './Widget';

/** Where the buyer is: choosing, paying a held session, waiting for the server, done, or out of time. */
export type Step =
  | { at: 'select' }
  | { at: 'pay'; session: CheckoutSession }
  | { at: 'confirming'; session: SessionRef }
  | { at: 'slow'; session: SessionRef; lapsed: boolean }
  | { at: 'done'; order: Order; session: SessionRef }
  | { at: 'expired' };

/** What the inline card and the modal's dialog pass to the checkout. */
export interface CheckoutProps {
  env: Env;
  data: WidgetEvent;
  dark: boolean;
  /** The root's classes: `er`, and `dark` in the dark theme. */
  cls: string;
  /** Server clock minus browser clock, in ms. */
  offset: number;
  /** Where to start: the select step, or where a reload found the buyer. */
  initial: Step;
  /** Loads the event again (availability moves). */
  refresh: () => Promise<WidgetEvent>;
  /** Modal mode: lets Stripe's 3-D Secure challenge show above the dialog while a payment is confirmed. */
  aside?: (on: boolean) => void;
  /** Modal mode: closing the dialog releases an unpaid hold, then calls this. */
  onReleased?: () => void;
}

type Quantities = Record<string, number>;

/** Each tier's availability for this buyer: what is left plus what they already hold. */
const withHeld = (data: WidgetEvent, held: CheckoutSession | null): WidgetEvent =>
  held
    ? {
        ...data,
        tiers: data.tiers.map((t) => ({
          ...t,
          available: t.available + (held.items.find((i) => i.tierId === t.id)?.quantity ?? 0),
        })),
      }
    : data;

/** Choose, hold, pay, confirm: one event's checkout. */
export function Checkout(p: CheckoutProps) {
  const { env, data, initial } = p;
  const { host, api, store, scope, options } = env;
  const { eventId } = options;
  // Remembered so that a reload, or a buyer back from a payment method that redirects, finds it.
  const sessionName = widgetSessionName(scope);
  const [step, setStep] = useState<Step>(initial);
  // The open session whose seats are held: paid at the pay step, changed or released from the select step.
  const [held, setHeld] = useState(initial.at === 'pay' ? initial.session : null);
  const [quantities, setQuantities] = useState<Quantities>(() => {
    const q: Quantities = {};
    if (initial.at === 'pay') for (const i of initial.session.items) q[i.tierId] = i.quantity;
    const preselected = data.tiers.find((t) => t.slug === options.tier && t.available > 0);
    if (initial.at === 'select' && preselected) q[preselected.id] = 1;
    return q;
  });
  const [email, setEmail] = useState((initial.at === 'pay' && initial.session.customerEmail) || '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const shown = withHeld(data, held);

  const reload = () =>
    p.refresh().then(
      (d) =>
        // Stock may have dropped since the buyer chose: keep choices within what is left.
        setQuantities((q) => {
          const next: Quantities = {};
          for (const t of withHeld(d, held).tiers) {
            next[t.id] = Math.min(q[t.id] ?? 0, t.available, t.maxPerOrder);
          }
          return next;
        }),
      () => {},
    );

  const settle = () => {
    forgetKey(store, scope);
    forgetSession(store, sessionName);
    setHeld(null);
  };
  const release = (s: SessionRef) => {
    settle();
    return api.cancel(s).catch(() => {});
  };
  const expire = (sessionId: string) => {
    settle();
    emit(host, 'expired', { sessionId });
    setStep({ at: 'expired' });
  };

  const start = async () => {
    if (busy) return;
    const items = data.tiers
      .filter((t) => quantities[t.id])
      .map((t) => ({ tierId: t.id, quantity: quantities[t.id] ?? 0 }));
    const customerEmail = email.trim();
    setBusy(true);
    setError(null);
    try {
      let s: CheckoutSession;
      if (held?.customerEmail === customerEmail) {
        // Change tickets: the same session holds the new ones, or keeps the old ones if they cannot be held.
        s = await api.update(held, items);
      } else {
        // Another address is another purchase; the old hold goes back first, so it cannot crowd this one out.
        if (held) await release(held);
        const bodyJson = JSON.stringify({ eventId, items, customerEmail });
        s = await api.createSession(bodyJson, keyForBody(store, scope, bodyJson));
        if (s.status !== 'open') {
          // A replay of a session that has since ended: this is a new purchase with a new key.
          forgetKey(store, scope);
          s = await api.createSession(bodyJson, keyForBody(store, scope, bodyJson));
        }
        rememberSession(store, sessionName, s);
        emit(host, 'checkout-started', { sessionId: s.id });
      }
      setHeld(s);
      setStep({ at: 'pay', session: s });
    } catch (e) {
      const err = toApiError(e);
      if (held && (err.status === 410 || err.code === 'checkout.session_not_open')) return expire(held.id);
      setError(err);
      if (err.code === 'event.tier_oversold') void reload();
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (step.at !== 'confirming') return;
    const stop = new AbortController();
    pollSession(() => api.session(step.session), { signal: stop.signal }).then((s) => {
      if (stop.signal.aborted) return;
      if (s?.status === 'complete' && s.order) {
        settle();
        emit(host, 'completed', { orderId: s.order.id, amount: s.order.amount, currency: s.order.currency });
        setStep({ at: 'done', order: s.order, session: step.session });
      } else {
        setStep({
          at: 'slow',
          session: step.session,
          lapsed: s?.status === 'expired' || s?.status === 'cancelled',
        });
      }
    });
    return () => stop.abort();
  }, [step]);

  // Closing the modal gives back seats nobody is paying for; a payment under way is the server's to settle.
  const now = useRef({ held, step });
  now.current = { held, step };
  useEffect(
    () => () => {
      const { onReleased } = p;
      if (!onReleased) return;
      const { held, step } = now.current;
      if (held && (step.at === 'select' || step.at === 'pay')) void release(held).then(onReleased);
      else onReleased();
    },
    [],
  );

  const again = () => {
    setError(null);
    setStep({ at: 'select' });
    void reload();
  };

  const { event } = data;
  return (
    <section class={p.cls} aria-label={`Tickets for ${event.title}`}>
      {/* Hidden, not gone, once the order is done: the modal's dialog is named by this heading. */}
      <header class="head" hidden={step.at === 'done'}>
        <h2 id="er-title">{event.title}</h2>
        <p class="meta">
          {event.venue.name} · {event.venue.city}
          <br />
          <time dateTime={event.doors}>{formatDoors(event.doors, undefined, event.venue.timezone)}</time>
        </p>
      </header>
      {step.at === 'done' && (
        <Confirmation data={data} order={step.order} qr={(id, w) => api.qr(step.session, id, w)} />
      )}
      {step.at === 'select' && (
        <>
          {held && (
            <Countdown expiresAt={held.expiresAt} offset={p.offset} onExpire={() => expire(held.id)} />
          )}
          <SelectStep
            data={shown}
            quantities={quantities}
            email={email}
            busy={busy}
            error={error?.message ?? ''}
            errorParam={error?.param}
            onQuantity={(t, n) => {
              setQuantities({ ...quantities, [t.id]: n });
              emit(host, 'tier-selected', { tierId: t.id, quantity: n });
            }}
            onEmail={setEmail}
            onContinue={start}
          />
        </>
      )}
      {step.at === 'pay' && (
        <>
          <PaymentStep
            api={api}
            data={data}
            session={step.session}
            slot={env.slot}
            dark={p.dark}
            offset={p.offset}
            aside={p.aside}
            onPaid={() => setStep({ at: 'confirming', session: step.session })}
            onExpired={() => expire(step.session.id)}
          />
          <button
            class="link"
            type="button"
            onClick={() => {
              setStep({ at: 'select' });
              void reload();
            }}
          >
            Change tickets
          </button>
        </>
      )}
      {step.at === 'confirming' && (
        <Notice title="Confirming your payment…" busy>
          This takes a few seconds. Please keep this page open.
        </Notice>
      )}
      {step.at === 'slow' &&
        (step.lapsed ? (
          <Notice title="Your hold expired" action="Start again" onAction={again}>
            Your hold ended before the payment was confirmed. If you were charged, the payment is refunded
            automatically.
          </Notice>
        ) : (
          <Notice
            title="Still confirming your payment"
            action="Check again"
            onAction={() => setStep({ at: 'confirming', session: step.session })}
          >
            This is taking longer than usual. Your tickets will be emailed to you as soon as the payment is
            confirmed.
          </Notice>
        ))}
      {step.at === 'expired' && (
        <Notice title="Your hold expired" action="Start again" onAction={again}>
          Your tickets were held for a limited time and have been released. You have not been charged.
        </Notice>
      )}
    </section>
  );
}
