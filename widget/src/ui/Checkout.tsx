import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  type ApiError,
  type CheckoutSession,
  createClient,
  type Order,
  type SessionRef,
  toApiError,
  type WidgetEvent,
} from '../api';
import { clockOffset } from '../clock';
import { emit } from '../events';
import { formatDoors } from '../format';
import { forgetKey, keyForBody, pageStore } from '../idempotency';
import type { Options } from '../options';
import { pollSession } from '../poll';
import { Confirmation } from './Confirmation';
import { useDark } from './hooks';
import { Notice } from './Notice';
import { PaymentStep } from './PaymentStep';
import { SelectStep } from './SelectStep';

interface Props {
  host: HTMLElement;
  slot: HTMLElement;
  options: Options;
}

type Step =
  | { at: 'select' }
  | { at: 'pay'; session: CheckoutSession }
  | { at: 'confirming'; session: SessionRef }
  | { at: 'slow'; session: SessionRef; lapsed: boolean }
  | { at: 'done'; order: Order }
  | { at: 'expired' };

/** The inline checkout for one event: choose, hold, pay, confirm. */
export function Checkout({ host, slot, options }: Props) {
  const { eventId } = options;
  const api = useMemo(() => createClient(options.api), [options.api]);
  const store = useMemo(pageStore, []);
  // Remembered so that a buyer sent away by a redirect-based payment method can be welcomed back.
  const sessionName = `entryrate:session:${eventId}`;
  const dark = useDark(options.theme);
  const [data, setData] = useState<WidgetEvent | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [offset, setOffset] = useState(0);
  const [step, setStep] = useState<Step>({ at: 'select' });
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const load = async (first: boolean) => {
    setFailure(null);
    try {
      const d = await api.event(eventId);
      setOffset(clockOffset(d.serverTime));
      setData(d);
      // Stock may have dropped since the buyer chose: keep choices within what is left.
      setQuantities((q) => {
        const next: Record<string, number> = {};
        for (const t of d.tiers) next[t.id] = Math.min(q[t.id] ?? 0, t.available, t.maxPerOrder);
        return next;
      });
      if (!first) return;
      if (options.tier) {
        const t = d.tiers.find((x) => x.slug === options.tier);
        if (!t) console.warn(`EntryRate: data-tier="${options.tier}" is not a tier of ${eventId}.`);
        else if (t.available > 0) setQuantities((q) => ({ ...q, [t.id]: 1 }));
      }
      const saved = store.getItem(sessionName);
      if (saved && /[?&]payment_intent_client_secret=/.test(location.search)) {
        setStep({ at: 'confirming', session: JSON.parse(saved) });
      }
    } catch (e) {
      if (first) setFailure(toApiError(e));
    }
  };
  useEffect(() => void load(true), []);
  // `ready` once the event is on screen, so a listener can already find what it shows.
  const shown = data !== null;
  useEffect(() => {
    if (shown) emit(host, 'ready', { eventId });
  }, [shown]);

  const settle = () => {
    forgetKey(store, eventId);
    store.removeItem(sessionName);
  };

  const expire = (sessionId: string) => {
    settle();
    emit(host, 'expired', { sessionId });
    setStep({ at: 'expired' });
  };

  const start = async () => {
    if (!data || busy) return;
    const items = data.tiers
      .filter((t) => quantities[t.id])
      .map((t) => ({ tierId: t.id, quantity: quantities[t.id] ?? 0 }));
    const bodyJson = JSON.stringify({ eventId, items, customerEmail: email.trim() });
    setBusy(true);
    setError(null);
    try {
      let s = await api.createSession(bodyJson, keyForBody(store, eventId, bodyJson));
      if (s.status !== 'open') {
        // A replay of a session that has since ended: this is a new purchase with a new key.
        forgetKey(store, eventId);
        s = await api.createSession(bodyJson, keyForBody(store, eventId, bodyJson));
      }
      store.setItem(sessionName, JSON.stringify({ id: s.id, clientSecret: s.clientSecret }));
      emit(host, 'checkout-started', { sessionId: s.id });
      setStep({ at: 'pay', session: s });
    } catch (e) {
      const err = toApiError(e);
      setError(err);
      if (err.code === 'event.tier_oversold') void load(false);
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
        setStep({ at: 'done', order: s.order });
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

  const again = () => {
    setError(null);
    setStep({ at: 'select' });
    void load(false);
  };

  const cls = `er${dark ? ' dark' : ''}`;
  if (failure) {
    return (
      <div class={cls}>
        <p class="err" role="alert">
          {failure.message}
        </p>
        {(failure.status === 0 || failure.status >= 500) && (
          <button class="secondary" type="button" onClick={() => load(true)}>
            Try again
          </button>
        )}
      </div>
    );
  }
  if (!data) {
    return (
      <div class={cls} aria-busy="true">
        <div class="skel" />
        <div class="skel" />
        <div class="skel" />
        <p class="sr" role="status">
          Loading tickets…
        </p>
      </div>
    );
  }

  const { event } = data;
  return (
    <section class={cls} aria-label={`Tickets for ${event.title}`}>
      {step.at === 'done' ? (
        <Confirmation data={data} order={step.order} />
      ) : (
        <header class="head">
          <h2>{event.title}</h2>
          <p class="meta">
            {event.venue.name} · {event.venue.city}
            <br />
            <time dateTime={event.doors}>{formatDoors(event.doors, undefined, event.venue.timezone)}</time>
          </p>
        </header>
      )}
      {step.at === 'select' && (
        <SelectStep
          data={data}
          quantities={quantities}
          email={email}
          preselected={options.tier}
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
      )}
      {step.at === 'pay' && (
        <>
          <PaymentStep
            api={api}
            data={data}
            session={step.session}
            slot={slot}
            dark={dark}
            offset={offset}
            onPaid={() => setStep({ at: 'confirming', session: step.session })}
            onExpired={() => expire(step.session.id)}
          />
          <button class="link" type="button" onClick={() => setStep({ at: 'select' })}>
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
