import type { Stripe } from '@stripe/stripe-js';

// Stripe's code arrives only when a buyer reaches payment, never with the page: Stripe's own loader
// (@stripe/stripe-js, built into stripe-loader.js on the API origin, so it does not weigh on
// widget.js) and Stripe.js. When the server names a Stripe.js URL (the local stand-in), that script
// goes in first; `loadStripe` then finds `window.Stripe` and reuses it, as it reuses a Stripe.js the
// host page already loaded.

/** Adds the script at `src`; callers skip it when what it defines is already on the page. */
const inject = (src: string) =>
  new Promise((onload, onerror) => {
    document.head.append(Object.assign(document.createElement('script'), { src, onload, onerror }));
  });

/** Resolves a Stripe instance for `publishableKey`, loading Stripe's code once per page. */
export async function getStripe(
  api: string,
  publishableKey: string,
  stripeJsUrl: string | null,
): Promise<Stripe> {
  await Promise.all([
    window.EntryRate?.loadStripe || inject(`${api}/stripe-loader.js`),
    stripeJsUrl && !window.Stripe && inject(stripeJsUrl),
  ]);
  // Null only where there is no window (server-side rendering), which a widget never meets.
  return (await window.EntryRate?.loadStripe?.(publishableKey)) as Stripe;
}
