import type { Appearance, Stripe } from '@stripe/stripe-js';
import { loadStripe } from '@stripe/stripe-js/pure';
import { inject } from './dom';
import type { Card } from './flow/types';

// Stripe's side of the card form, fetched from the API origin only when a buyer reaches payment (and
// never for a free order), so none of it weighs on widget.js: Stripe's own loader (@stripe/stripe-js),
// Stripe.js and the Payment Element. When the server names a Stripe.js URL (the local stand-in), that
// script goes in first; `loadStripe` then finds `window.Stripe` and reuses it, as it reuses a Stripe.js
// the host page already loaded. It hangs on the EntryRate global (the widget's, or a fresh one on the
// hosted page).

export interface CardFormOptions {
  publishableKey: string;
  stripeJsUrl: string | null;
  amount: number;
  currency: string;
  dark: boolean;
}

/** The Payment Element, mounted: the two moves of a payment, a theme switch, and its removal. */
export interface CardForm extends Card {
  theme(dark: boolean): void;
  destroy(): void;
}

const appearance = (dark: boolean): Appearance => ({
  theme: dark ? 'night' : 'stripe',
  variables: { colorPrimary: dark ? '#a5b4fc' : '#4338ca', borderRadius: '8px' },
});

/** Mounts the Payment Element (deferred-intent options: mode, amount, currency) into `node`. */
async function cardForm(node: HTMLElement, o: CardFormOptions): Promise<CardForm> {
  if (o.stripeJsUrl && !window.Stripe) await inject(o.stripeJsUrl);
  // Null only where there is no window (server-side rendering), which a widget never meets.
  const stripe = (await loadStripe(o.publishableKey)) as Stripe;
  const elements = stripe.elements({
    mode: 'payment',
    amount: o.amount,
    currency: o.currency,
    appearance: appearance(o.dark),
  });
  const element = elements.create('payment');
  element.mount(node);
  return {
    theme: (dark) => elements.update({ appearance: appearance(dark) }),
    submit: async () => {
      const { error } = await elements.submit();
      return error ? (error.message ?? 'Check your payment details.') : null;
    },
    confirm: async (clientSecret) => {
      const { error } = await stripe.confirmPayment({
        elements,
        clientSecret,
        confirmParams: { return_url: location.href },
        redirect: 'if_required',
      });
      return error ? (error.message ?? 'Your payment was not completed. Please try again.') : null;
    },
    destroy: () => element.destroy(),
  };
}

export type MountCardForm = typeof cardForm;

window.EntryRate = Object.assign(window.EntryRate ?? {}, { cardForm });
