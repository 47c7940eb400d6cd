import { useEffect, useRef, useState } from 'preact/hooks';
import type { CheckoutSession, WidgetEvent } from '../api';
import type { FlowState } from '../flow/machine';
import { formatPrice } from '../format';
import { mountCardForm } from '../stripe';
import type { CardForm } from '../stripe-loader';
import { Countdown } from './Countdown';
import { useFocusOnMount, useRetry } from './hooks';
import type { Surface } from './surface';

interface Props {
  surface: Surface;
  state: FlowState;
  data: WidgetEvent;
  session: CheckoutSession;
}

/** Name of the <slot> that shows the light-DOM Payment Element node inside the shadow tree. */
export const SLOT = 'entryrate-payment';

const LOAD_FAILED = "Couldn't load the secure payment form. Check your connection and try again.";

/** The hold countdown, what is being bought, then the card form, or "Get tickets" for a free order. */
export function PaymentStep(p: Props) {
  const { surface, state, session } = p;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const { flow } = surface;
  const { currency, amountTotal } = session;
  const free = !amountTotal;
  const names = new Map(p.data.tiers.map((t) => [t.id, t.name]));
  return (
    <section aria-labelledby="er-pay">
      <h3 id="er-pay" tabIndex={-1} ref={heading}>
        {free ? 'Your tickets' : 'Payment'}
      </h3>
      <Countdown
        expiresAt={session.expiresAt}
        offset={state.offset}
        onExpire={() => flow.send({ type: 'expire' })}
      />
      <ul class="lines">
        {session.items.map((i) => (
          <li key={i.tierId}>
            <span>
              {i.quantity} × <bdi>{names.get(i.tierId) ?? 'Ticket'}</bdi>
            </span>
            <span>{formatPrice(i.quantity * i.unitPrice, currency)}</span>
          </li>
        ))}
        <li class="sum">
          <span>Total</span>
          <span>{formatPrice(amountTotal, currency)}</span>
        </li>
      </ul>
      {free ? (
        <>
          <p class="err" role="alert">
            {state.error?.message}
          </p>
          {/* aria-disabled while busy, so focus can stay on the button (the flow ignores a second press). */}
          <button
            class="primary"
            type="button"
            aria-disabled={state.busy}
            onClick={() => flow.send({ type: 'pay' })}
          >
            {state.busy && <span class="spin" aria-hidden="true" />}
            Get tickets
          </button>
          <p class="fine">These tickets are free: there is nothing to pay.</p>
        </>
      ) : (
        <CardPayment {...p} />
      )}
    </section>
  );
}

/** Stripe's Payment Element (in the light-DOM slot) and "Pay £24.00". */
function CardPayment({ surface, state, data, session }: Props) {
  const { flow, api, slot, dark, aside } = surface;
  const form = useRef<CardForm | null>(null);
  const [ready, setReady] = useState(false);
  const { attempt, failed, fail, retry } = useRetry();

  useEffect(() => {
    let live = true;
    const { publishableKey, stripeJsUrl } = data.payments;
    const { amountTotal: amount, currency } = session;
    mountCardForm(api.base, slot, { publishableKey, stripeJsUrl, amount, currency, dark })
      .then((f) => {
        if (!live) return f.destroy();
        form.current = f;
        setReady(true);
      })
      .catch((e: unknown) => {
        console.error('EntryRate: the payment form failed to load', e);
        if (live) fail();
      });
    return () => {
      live = false;
      form.current?.destroy();
      form.current = null;
    };
  }, [attempt]);

  useEffect(() => form.current?.theme(dark), [dark]);

  const pay = () => {
    const f = form.current;
    if (!f) return;
    flow.send({
      type: 'pay',
      card: {
        submit: f.submit,
        // Stripe may lay its 3-D Secure challenge over the page meanwhile.
        confirm: (clientSecret) => {
          aside?.(true);
          return f.confirm(clientSecret).finally(() => aside?.(false));
        },
      },
    });
  };

  return (
    <>
      <div class="slot">
        {!ready && !failed && <p class="loading">Loading secure payment form…</p>}
        <slot name={SLOT} />
      </div>
      <p class="err" role="alert">
        {failed ? LOAD_FAILED : state.error?.message}
      </p>
      {failed ? (
        <button class="secondary" type="button" onClick={retry}>
          Try again
        </button>
      ) : (
        <button class="primary" type="button" disabled={!ready} aria-disabled={state.busy} onClick={pay}>
          {state.busy && <span class="spin" aria-hidden="true" />}
          Pay {formatPrice(session.amountTotal, session.currency)}
        </button>
      )}
      <p class="fine">Payments are processed securely by Stripe.</p>
    </>
  );
}
