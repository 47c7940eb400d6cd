import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver } from '../../stripe-sim/test/webhook-receiver.ts';
import { DEMO_STRIPE_ACCOUNT_ID } from '../src/demo/seed.ts';
import { api } from './api.ts';
import { startTestServer } from './harness.ts';
import { eventually } from './paid-orders.ts';
import { newPromoter } from './promoters.ts';
import { type PaidStack, startPaidStack } from './stripe-fixture.ts';

const day = (n: number) => Math.floor(Date.UTC(2026, 4, n) / 1000);
const iso = (n: number) => new Date(day(n) * 1000).toISOString();

let stack: PaidStack;
let client: ReturnType<typeof api>;
const made: { id: string; amount: number; arrival: number }[] = [];

/** A payout of a connected account, made in the sim as Stripe's schedule would make it. */
async function payout(amount: number, arrival: number, account = DEMO_STRIPE_ACCOUNT_ID) {
  const created = await stack.stripe.payouts.create(
    { amount, currency: 'gbp', arrival_date: arrival } as never,
    { stripeAccount: account },
  );
  return { id: created.id, amount, arrival };
}

/** The sim's control: the bank says the payout arrived, and Stripe sends `payout.paid`. */
async function payOut(id: string) {
  const res = await fetch(`${stack.sim.url}/v1/stripe_sim/payouts/${id}/pay`, {
    method: 'POST',
    headers: { Authorization: 'Bearer sk_test_entryrate_sim' },
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  stack = await startPaidStack();
  client = api(stack.server.url);
  for (const [amount, n] of [
    [10_000, 1],
    [20_000, 2],
    [30_000, 3],
    [40_000, 4],
  ] as const) {
    made.push(await payout(amount, day(n)));
  }
  await payout(99_999, day(2), 'acct_somebody_else');
});
afterAll(() => stack?.stop());

describe('GET /v1/payouts', () => {
  it("lists the promoter's Connect payouts from Stripe, newest first, mapped and paginated", async () => {
    const res = await client.get('/v1/payouts');
    expect(res.status).toBe(200);
    expect(res.body.data.map((p: { amount: number }) => p.amount)).toEqual([40_000, 30_000, 20_000, 10_000]);
    expect(res.body.data[0]).toEqual({
      id: made[3]?.id,
      amount: 40_000,
      currency: 'gbp',
      status: 'pending',
      arrivalDate: iso(4),
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(res.body.pagination).toEqual({ page: 1, limit: 20, total: 4, pages: 1 });

    const page = await client.get('/v1/payouts?limit=3&page=2');
    expect(page.body.data.map((p: { amount: number }) => p.amount)).toEqual([10_000]);
    expect(page.body.pagination).toEqual({ page: 2, limit: 3, total: 4, pages: 2 });
  });

  it('filters by status and arrival date (inclusive), as dates or instants', async () => {
    await payOut(made[1]?.id as string);
    const paid = await client.get('/v1/payouts?status=paid');
    expect(paid.body.data.map((p: { id: string; status: string }) => [p.id, p.status])).toEqual([
      [made[1]?.id, 'paid'],
    ]);
    const window = await client.get('/v1/payouts?arrivalFrom=2026-05-02&arrivalTo=2026-05-03');
    expect(window.body.data.map((p: { amount: number }) => p.amount)).toEqual([30_000, 20_000]);
    const from = await client.get(`/v1/payouts?arrivalFrom=${encodeURIComponent(iso(3))}`);
    expect(from.body.data.map((p: { amount: number }) => p.amount)).toEqual([40_000, 30_000]);
    const pendingBefore = await client.get('/v1/payouts?status=pending&arrivalTo=2026-05-02');
    expect(pendingBefore.body.data.map((p: { amount: number }) => p.amount)).toEqual([10_000]);
  });

  it('refuses bad filters, and answers clearly when no Stripe account is connected', async () => {
    const backwards = await client.get('/v1/payouts?arrivalFrom=2026-05-03&arrivalTo=2026-05-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.param).toBe('arrivalTo');
    const status = await client.get('/v1/payouts?status=lost');
    expect(status.body.error).toMatchObject({ code: 'request.invalid', param: 'status' });
    const date = await client.get('/v1/payouts?arrivalFrom=yesterday');
    expect(date.body.error.param).toBe('arrivalFrom');
    expect((await client.get('/v1/payouts', { key: null })).status).toBe(401);

    const unconnected = await newPromoter(stack.server, 'No Stripe yet');
    const none = await client.get('/v1/payouts', { key: unconnected.testKey });
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('payouts.account_not_connected');
  });

  it('never shows live payouts to a test key (the server reads Stripe with a live key here)', async () => {
    const live = await startTestServer({
      env: {
        STRIPE_SECRET_KEY: 'sk_live_x',
        STRIPE_PUBLISHABLE_KEY: 'pk_live_x',
        STRIPE_WEBHOOK_SECRET: 'whsec_x',
      },
    });
    try {
      const res = await api(live.url).get('/v1/payouts');
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('payouts.mode_unavailable');
    } finally {
      await live.stop();
    }
  });
});

describe('payout.paid', () => {
  const count = async (table: 'webhook_events' | 'stripe_events') =>
    (await stack.server.db.selectFrom(table).select('id').where('type', '=', 'payout.paid').execute()).length;

  it("reaches the promoter's webhook once Stripe says the payout was paid", async () => {
    const hook = await startReceiver();
    try {
      const created = await client.post('/v1/webhook-endpoints', { url: hook.url, events: ['payout.paid'] });
      const { id: endpointId, secret } = created.body as { id: string; secret: string };
      await payOut(made[2]?.id as string);
      // Stripe's webhook arrives on its own time; the delivery is queued with it.
      await eventually(
        'payout.paid queued for the endpoint',
        () => client.get(`/v1/webhook-endpoints/${endpointId}/deliveries`),
        (res) => res.body.data.length === 1,
      );
      await stack.server.app.worker.runOnce();
      await hook.waitFor(1);
      const [delivery] = hook.received;
      if (!delivery) throw new Error('nothing delivered');
      const expected = crypto.createHmac('sha256', secret).update(delivery.rawBody).digest('hex');
      expect(delivery.headers['entryrate-signature']).toBe(expected);
      expect(JSON.parse(delivery.rawBody)).toMatchObject({
        type: 'payout.paid',
        data: { id: made[2]?.id, amount: 30_000, currency: 'gbp', status: 'paid', arrivalDate: iso(3) },
      });

      // Another account's payout is nobody's here: Stripe's event is taken, and nothing is queued.
      const [handled, queued] = [await count('stripe_events'), await count('webhook_events')];
      const stranger = await payout(5_000, day(9), 'acct_somebody_else');
      await payOut(stranger.id);
      await eventually(
        "the stranger's payout.paid to be handled",
        () => count('stripe_events'),
        (n) => n === handled + 1,
      );
      expect(await count('webhook_events')).toBe(queued);
    } finally {
      await hook.stop();
    }
  });
});
