import { expect } from '@playwright/test';
import { stripeSimUrl } from './stack.ts';

/** The demo promoter's Stripe Connect account, where the stripe-sim keeps its payouts. */
const DEMO_ACCOUNT = 'acct_demo_strange_brew';

/**
 * A payout of the demo promoter's connected account, made on the stripe-sim as Stripe would make
 * one on its schedule; `paid` also tells the sim it reached the bank. Answers its id.
 */
export async function makeDemoPayout(amount: number, { paid = false } = {}): Promise<string> {
  const call = async (path: string, body: string) => {
    const res = await fetch(`${stripeSimUrl()}${path}`, {
      method: 'POST',
      headers: {
        Authorization: 'Bearer sk_test_e2e',
        'Stripe-Account': DEMO_ACCOUNT,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body,
    });
    expect(res.ok, `the stripe-sim answered ${path} with ${res.status}`).toBe(true);
    return (await res.json()) as { id: string };
  };
  const payout = await call('/v1/payouts', `amount=${amount}&currency=gbp`);
  if (paid) await call(`/v1/stripe_sim/payouts/${payout.id}/pay`, '');
  return payout.id;
}
