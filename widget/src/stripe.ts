import type { Stripe } from '@stripe/stripe-js';
import { loadStripe } from '@stripe/stripe-js/pure';

// Stripe.js is loaded only when a buyer reaches payment, never with the page. When the server names a
// Stripe.js URL (the local stand-in), that script goes in first; `loadStripe` then finds `window.Stripe`
// and reuses it, as it reuses a Stripe.js the host page already loaded.

const loading = new Map<string, Promise<void>>();

function injectOnce(url: string): Promise<void> {
  let p = loading.get(url);
  if (!p) {
    p = new Promise<void>((resolve, reject) => {
      const abs = new URL(url, location.href).href;
      let script = Array.from(document.scripts).find((s) => s.src === abs);
      if (!script) {
        script = document.createElement('script');
        script.src = abs;
        script.async = true;
        (document.head || document.body).appendChild(script);
      }
      script.addEventListener('load', () => resolve());
      script.addEventListener('error', () => {
        loading.delete(url);
        script?.remove();
        reject(new Error('Stripe.js failed to load'));
      });
    });
    loading.set(url, p);
  }
  return p;
}

/** Resolves a Stripe instance for `publishableKey`, loading Stripe.js (from `stripeJsUrl` if given) once per page. */
export async function getStripe(publishableKey: string, stripeJsUrl: string | null): Promise<Stripe> {
  if (stripeJsUrl && !window.Stripe) await injectOnce(stripeJsUrl);
  const stripe = await loadStripe(publishableKey);
  if (!stripe) throw new Error('Stripe.js is not available');
  return stripe;
}
