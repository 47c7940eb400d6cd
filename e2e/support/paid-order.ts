import { expect } from '@playwright/test';
import type { CheckoutSession } from '../../sdks/js/src/openapi.ts';
import { promoterApi } from './api-client.ts';
import type { PromoterBackend } from './promoter-backend.ts';
import { stripeSimUrl } from './stack.ts';

/**
 * A ticket sold without a browser: a session from the promoter's backend (its event on sale),
 * paid with Stripe's `pm_card_visa` on the stripe-sim as a buyer's Stripe.js would, then the
 * order once Stripe's webhook has completed it. Answers the order id.
 */
export async function sellTicket(backend: PromoterBackend, buyerEmail: string): Promise<string> {
  const session = await backend.createSession(1, buyerEmail, { stay: true });
  const { paymentIntentId } = await promoterApi<{ paymentIntentId: string }>(
    `/v1/checkout/sessions/${session.id}/payment`,
    {},
  );
  const confirmed = await fetch(`${stripeSimUrl()}/v1/payment_intents/${paymentIntentId}/confirm`, {
    method: 'POST',
    headers: { Authorization: 'Bearer sk_test_e2e', 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'payment_method=pm_card_visa',
  });
  expect(confirmed.ok, 'the stripe-sim confirmed the payment').toBe(true);
  let completed: CheckoutSession | undefined;
  await expect
    .poll(
      async () => {
        completed = await backend.session(session.id);
        return completed.status;
      },
      { timeout: 15_000 },
    )
    .toBe('complete');
  return completed?.orderId as string;
}
