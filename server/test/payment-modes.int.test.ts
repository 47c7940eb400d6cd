import Stripe from 'stripe';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_EVENT_ID } from '../src/demo/seed.ts';
import { buyerOf } from './buyer.ts';
import { startTestServer, type TestServer } from './harness.ts';

// A server holding a live Stripe key must never charge a test-mode checkout for real (nor a test
// key take payment for a live event): the mode of the session and of the key must agree.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    env: {
      STRIPE_SECRET_KEY: 'sk_live_x',
      STRIPE_PUBLISHABLE_KEY: 'pk_live_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
      STRIPE_CONNECT_WEBHOOK_SECRET: 'whsec_connect',
    },
  });
});
afterAll(() => server?.stop());

it('refuses to start paying a test-mode checkout with a live Stripe key, before calling Stripe', async () => {
  const buyer = buyerOf(server.url);
  const { body: session } = await buyer.openSession(DEMO_EVENT_ID, [{ tier: 'standard', quantity: 1 }]);
  const pay = await buyer.startPayment(session);
  expect(pay.status).toBe(409);
  expect(pay.body.error.code).toBe('payments.mode_unavailable');
  const row = await server.db
    .selectFrom('checkout_sessions')
    .select('payment_intent_id')
    .where('id', '=', session.id)
    .executeTakeFirstOrThrow();
  expect(row.payment_intent_id).toBeNull();
});

it("accepts connected accounts' events signed with the Connect endpoint's secret, and nothing else", async () => {
  const payload = JSON.stringify({
    id: 'evt_connect_1',
    object: 'event',
    type: 'payout.paid',
    account: 'acct_demo_strange_brew',
    livemode: true,
    data: {
      object: {
        id: 'po_1',
        object: 'payout',
        amount: 5000,
        currency: 'gbp',
        status: 'paid',
        arrival_date: 1795000000,
        created: 1794900000,
      },
    },
  });
  const post = (secret: string) =>
    fetch(`${server.url}/v1/stripe/webhook`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Stripe-Signature': Stripe.webhooks.generateTestHeaderString({ payload, secret }),
      },
      body: payload,
    });
  expect((await post('whsec_connect')).status).toBe(200);
  expect((await post('whsec_someone_else')).status).toBe(400);
});
