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
