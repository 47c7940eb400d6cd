import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_STRIPE_KEYS } from '../src/config.ts';
import { DEMO_PROMOTER_ID, DEMO_STRIPE_ACCOUNT_ID } from '../src/demo/seed.ts';
import { api } from './api.ts';
import { newPromoter } from './promoters.ts';
import { type PaidStack, startPaidStack } from './stripe-fixture.ts';

let stack: PaidStack;
let client: ReturnType<typeof api>;

beforeAll(async () => {
  stack = await startPaidStack();
  client = api(stack.server.url);
});
afterAll(() => stack?.stop());

/** The sim's own control: how far the account's Stripe onboarding got. */
async function onboarding(accountId: string, fields: Record<string, string>) {
  const res = await fetch(`${stack.sim.url}/v1/stripe_sim/accounts/${accountId}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${SIM_STRIPE_KEYS.secretKey}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(fields).toString(),
  });
  expect(res.status).toBe(200);
}

describe('GET /v1/account', () => {
  it('shows the promoter and its connected Stripe account as Stripe reports it now', async () => {
    const res = await client.get('/v1/account');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      promoterId: DEMO_PROMOTER_ID,
      name: 'Strange Brew',
      mode: 'test',
      stripeAccount: {
        id: DEMO_STRIPE_ACCOUNT_ID,
        chargesEnabled: true,
        payoutsEnabled: true,
        detailsSubmitted: true,
        country: 'GB',
        defaultCurrency: 'gbp',
      },
    });

    await onboarding(DEMO_STRIPE_ACCOUNT_ID, { payouts_enabled: 'false', details_submitted: 'false' });
    const unfinished = await client.get('/v1/account');
    expect(unfinished.body.stripeAccount).toMatchObject({
      chargesEnabled: true,
      payoutsEnabled: false,
      detailsSubmitted: false,
    });
    await onboarding(DEMO_STRIPE_ACCOUNT_ID, { payouts_enabled: 'true', details_submitted: 'true' });
  });

  it('answers a null stripeAccount while none is connected', async () => {
    const rival = await newPromoter(stack.server, 'Night Owls');
    const res = await client.get('/v1/account', { key: rival.testKey });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      promoterId: rival.promoterId,
      name: 'Night Owls',
      mode: 'test',
      stripeAccount: null,
    });
  });

  it('needs a key, and says so when Stripe cannot be reached', async () => {
    const anonymous = await client.get('/v1/account', { key: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('auth.missing_key');

    await stack.sim.stop();
    const down = await client.get('/v1/account');
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('payments.unavailable');
  });
});
