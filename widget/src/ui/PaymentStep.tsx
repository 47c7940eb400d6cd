import type { Stripe, StripeElements, StripePaymentElement } from '@stripe/stripe-js';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type CheckoutSession, type Client, toApiError, type WidgetEvent } from '../api';
import { formatMoney } from '../format';
import { randomKey } from '../idempotency';
import { getStripe } from '../stripe';
import { Countdown } from './Countdown';
import { useFocusOnMount } from './hooks';

interface Props {
  api: Client;
  data: WidgetEvent;
  session: CheckoutSession;
  /** The light-DOM node the Payment Element mounts into (Stripe refuses shadow roots). */
  slot: HTMLElement;
  dark: boolean;
  offset: number;
  /** Called with true before Stripe may show its 3-D Secure challenge over the page, and false after. */
  aside?: ((on: boolean) => void) | undefined;
  onPaid: () => void;
  onExpired: () => void;
}

/** Name of the <slot> that shows the light-DOM Payment Element node inside the shadow tree. */
export const SLOT = 'entryrate-payment';

const LOAD_FAILED = "Couldn't load the secure payment form. Check your connection and try again.";

const appearance = (dark: boolean) => ({
  theme: dark ? ('night' as const) : ('stripe' as const),
  variables: { colorPrimary: dark ? '#a5b4fc' : '#4338ca', borderRadius: '8px' },
});

/** The hold countdown, what is being bought, Stripe's Payment Element and "Pay £24.00". */
export function PaymentStep({ api, data, session, slot, dark, offset, aside, onPaid, onExpired }: Props) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const stripe = useRef<{ stripe: Stripe; elements: StripeElements } | null>(null);
  const [ready, setReady] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [attempt, setAttempt] = useState(0);
  // The hold may run out while a payment is being confirmed; that payment must be allowed to finish,
  // and the server decides what happens to it.
  const paying = useRef(false);
  const lapsed = useRef(false);
  const { currency, amountTotal } = session;
  const total = formatMoney(amountTotal, currency);

  useEffect(() => {
    let live = true;
    let element: StripePaymentElement | undefined;
    getStripe(api.base, data.payments.publishableKey, data.payments.stripeJsUrl)
      .then((s) => {
        if (!live) return;
        const elements = s.elements({
          mode: 'payment',
          amount: amountTotal,
          currency,
          appearance: appearance(dark),
        });
        element = elements.create('payment');
        element.mount(slot);
        stripe.current = { stripe: s, elements };
        setReady(true);
      })
      .catch((e: unknown) => {
        console.error('EntryRate: the payment form failed to load', e);
        if (live) setError(LOAD_FAILED);
      });
    return () => {
      live = false;
      element?.destroy();
      stripe.current = null;
    };
  }, [attempt]);

  useEffect(() => {
    stripe.current?.elements.update({ appearance: appearance(dark) });
  }, [dark]);

  const pay = async () => {
    const s = stripe.current;
    if (!s || paying.current) return;
    paying.current = true;
    setBusy(true);
    setError('');
    try {
      const submitted = await s.elements.submit();
      if (submitted.error) return setError(submitted.error.message ?? 'Check your payment details.');
      // The server creates the PaymentIntent (or returns the one it already made for this session),
      // so paying again after a decline reuses it.
      const intent = await api.pay(session, randomKey());
      aside?.(true);
      const { error } = await s.stripe
        .confirmPayment({
          elements: s.elements,
          clientSecret: intent.clientSecret,
          confirmParams: { return_url: location.href },
          redirect: 'if_required',
        })
        .finally(() => aside?.(false));
      if (error) return setError(error.message ?? 'Your payment was not completed. Please try again.');
      lapsed.current = false;
      onPaid();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'checkout.session_expired') lapsed.current = true;
      else setError(toApiError(e).message);
    } finally {
      paying.current = false;
      setBusy(false);
      if (lapsed.current) onExpired();
    }
  };
  const holdEnded = () => {
    lapsed.current = true;
    if (!paying.current) onExpired();
  };

  const names = new Map(data.tiers.map((t) => [t.id, t.name]));
  return (
    <section aria-labelledby="er-pay">
      <h3 id="er-pay" tabIndex={-1} ref={heading}>
        Payment
      </h3>
      <Countdown expiresAt={session.expiresAt} offset={offset} onExpire={holdEnded} />
      <ul class="lines">
        {session.items.map((i) => (
          <li key={i.tierId}>
            <span>
              {i.quantity} × {names.get(i.tierId) ?? 'Ticket'}
            </span>
            <span>{formatMoney(i.quantity * i.unitPrice, currency)}</span>
          </li>
        ))}
        <li class="sum">
          <span>Total</span>
          <span>{total}</span>
        </li>
      </ul>
      <div class="slot">
        {!ready && !error && <p class="loading">Loading secure payment form…</p>}
        <slot name={SLOT} />
      </div>
      <p class="err" role="alert">
        {error}
      </p>
      {error === LOAD_FAILED ? (
        <button
          class="secondary"
          type="button"
          onClick={() => {
            setError('');
            setAttempt(attempt + 1);
          }}
        >
          Try again
        </button>
      ) : (
        // aria-disabled while paying, so focus can stay on the button (the `paying` guard stops a second click).
        <button class="primary" type="button" disabled={!ready} aria-disabled={busy} onClick={pay}>
          {busy && <span class="spin" aria-hidden="true" />}
          Pay {total}
        </button>
      )}
      <p class="fine">Payments are processed securely by Stripe.</p>
    </section>
  );
}
