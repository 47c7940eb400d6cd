import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_STRIPE_KEYS } from '../src/config.ts';
import { DEMO_TEST_KEY } from '../src/demo/seed.ts';
import { refundOrder } from '../src/orders/refunds.service.ts';
import type { PaymentGateway } from '../src/payments/payment-gateway.ts';
import { findActiveKey } from '../src/promoters/promoters.store.ts';
import { api } from './api.ts';
import type { TestServer } from './harness.ts';
import { buyOrder, eventually, liveEvent, otherPromoter, type PaidOrder } from './paid-orders.ts';
import { type PaidStack, startPaidStack } from './stripe-fixture.ts';

let stack: PaidStack;
let server: TestServer;
let stripe: Stripe;
let promoter: ReturnType<typeof api>;
let rivalKey: string;

beforeAll(async () => {
  stack = await startPaidStack();
  ({ server, stripe } = stack);
  promoter = api(server.url);
  rivalKey = (await otherPromoter(server.db)).key;
});
afterAll(() => stack?.stop());

/** A fresh paid order of `quantity` £10 tickets on an event of its own. */
const paidOrder = async (quantity = 2, email?: string): Promise<PaidOrder> =>
  buyOrder(stack, { eventId: await liveEvent(server.url), items: [{ tier: 'ga', quantity }], email });

const refund = (orderId: string, body: { amount?: number } = {}, idempotencyKey?: string) =>
  promoter.post(`/v1/orders/${orderId}/refund`, body, idempotencyKey ? { idempotencyKey } : {});
const getOrder = async (orderId: string) => (await promoter.get(`/v1/orders/${orderId}`)).body;
const stripeRefunds = async (paymentIntentId: string) =>
  (await stripe.refunds.list({ payment_intent: paymentIntentId })).data;

/** Every `charge.refunded` the sim sent about this payment has been applied by the API. */
async function refundWebhooksApplied(paymentIntentId: string, count: number): Promise<void> {
  const sent = await eventually(
    `${count} charge.refunded for ${paymentIntentId}`,
    async () =>
      (await stripe.events.list({ type: 'charge.refunded', limit: 100 })).data.filter(
        (e) => (e.data.object as Stripe.Charge).payment_intent === paymentIntentId,
      ),
    (events) => events.length >= count,
  );
  await eventually(
    'the API to apply them',
    () =>
      server.db
        .selectFrom('stripe_events')
        .select('id')
        .where(
          'id',
          'in',
          sent.map((e) => e.id),
        )
        .execute(),
    (rows) => rows.length === sent.length,
  );
}

describe('listing and reading orders', () => {
  let eventId: string;
  let orders: PaidOrder[];

  beforeAll(async () => {
    eventId = await liveEvent(server.url);
    orders = [];
    for (const [quantity, email] of [
      [1, 'alice@example.com'],
      [2, 'Bob@Example.com'],
      [3, 'ALICE@example.com'],
    ] as const) {
      orders.push(await buyOrder(stack, { eventId, items: [{ tier: 'ga', quantity }], email }));
    }
  });

  it('lists an event’s orders newest first, with tickets, in the seeds’ list shape', async () => {
    const res = await promoter.get(`/v1/orders?eventId=${eventId}`);
    expect(res.status).toBe(200);
    expect(res.body.pagination).toEqual({ page: 1, limit: 20, total: 3, pages: 1 });
    expect(res.body.data.map((o: { id: string }) => o.id)).toEqual(orders.map((o) => o.orderId).reverse());
    const newest = res.body.data[0];
    expect(newest).toEqual({
      id: orders[2]?.orderId,
      status: 'paid',
      eventId,
      buyerEmail: 'ALICE@example.com',
      amount: 3000,
      amountRefunded: 0,
      currency: 'gbp',
      tickets: expect.any(Array),
      refunds: [],
      payment: {
        paymentIntentId: orders[2]?.paymentIntentId,
        amount: 3000,
        currency: 'gbp',
        status: 'succeeded',
      },
      // No mail server in this suite: the tickets mail waits in the outbox.
      emailStatus: 'pending',
      emailError: null,
      createdAt: expect.any(String),
    });
    expect(newest.tickets).toHaveLength(3);
    expect(newest.tickets[0]).toEqual({
      id: expect.stringMatching(/^tkt_/),
      orderId: newest.id,
      eventId,
      tierId: expect.stringMatching(/^tier_/),
      status: 'valid',
      qrPayload: expect.stringMatching(/^tkt_\w+\.[\w-]{86}$/),
      scannedAt: null,
    });
  });

  it('pages with ?page=&limit=', async () => {
    const first = await promoter.get(`/v1/orders?eventId=${eventId}&limit=2`);
    expect(first.body.pagination).toEqual({ page: 1, limit: 2, total: 3, pages: 2 });
    const second = await promoter.get(`/v1/orders?eventId=${eventId}&limit=2&page=2`);
    expect(second.body.data.map((o: { id: string }) => o.id)).toEqual([orders[0]?.orderId]);
    const beyond = await promoter.get(`/v1/orders?eventId=${eventId}&limit=2&page=3`);
    expect(beyond.body.data).toEqual([]);
  });

  it('finds a buyer’s orders by email, ignoring case but nothing else', async () => {
    const res = await promoter.get(`/v1/orders?eventId=${eventId}&buyerEmail=Alice%40Example.COM`);
    expect(res.body.data.map((o: { id: string }) => o.id)).toEqual([orders[2]?.orderId, orders[0]?.orderId]);
    const partial = await promoter.get(`/v1/orders?eventId=${eventId}&buyerEmail=alice`);
    expect(partial.body.data).toEqual([]);
  });

  it('searches by part of the email, ignoring case, or by an exact order id', async () => {
    const byPart = await promoter.get(`/v1/orders?eventId=${eventId}&q=ALICE%40exam`);
    expect(byPart.body.data.map((o: { id: string }) => o.id)).toEqual([
      orders[2]?.orderId,
      orders[0]?.orderId,
    ]);
    const byId = await promoter.get(`/v1/orders?q=${orders[1]?.orderId}`);
    expect(byId.body.data.map((o: { id: string }) => o.id)).toEqual([orders[1]?.orderId]);
    // A wildcard is a character like any other, not "anything".
    expect((await promoter.get(`/v1/orders?eventId=${eventId}&q=%25`)).body.data).toEqual([]);
  });

  it('filters by status', async () => {
    expect((await refund(orders[1]?.orderId as string)).status).toBe(200);
    const refunded = await promoter.get(`/v1/orders?eventId=${eventId}&status=refunded`);
    expect(refunded.body.data.map((o: { id: string }) => o.id)).toEqual([orders[1]?.orderId]);
    const paid = await promoter.get(`/v1/orders?eventId=${eventId}&status=paid`);
    expect(paid.body.pagination.total).toBe(2);
  });

  it('reads one order with its tickets', async () => {
    const order = orders[0] as PaidOrder;
    const res = await promoter.get(`/v1/orders/${order.orderId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: order.orderId,
      eventId,
      amount: 1000,
      buyerEmail: 'alice@example.com',
    });
    expect(res.body.tickets).toEqual(order.tickets);
  });

  it('refuses bad filters with the field named', async () => {
    for (const [query, param] of [
      ['status=open', 'status'],
      ['limit=101', 'limit'],
      ['page=0', 'page'],
    ]) {
      const res = await promoter.get(`/v1/orders?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'request.invalid', param });
    }
  });

  it('shows no order to another promoter, nor without a key', async () => {
    const order = orders[0] as PaidOrder;
    const rivalList = await promoter.get(`/v1/orders?eventId=${eventId}`, { key: rivalKey });
    expect(rivalList.body).toMatchObject({ data: [], pagination: { total: 0 } });
    const rivalGet = await promoter.get(`/v1/orders/${order.orderId}`, { key: rivalKey });
    expect(rivalGet.status).toBe(404);
    expect(rivalGet.body.error.code).toBe('order.not_found');
    const rivalRefund = await promoter.post(`/v1/orders/${order.orderId}/refund`, {}, { key: rivalKey });
    expect(rivalRefund.status).toBe(404);
    expect(await stripeRefunds(order.paymentIntentId)).toEqual([]);
    expect((await promoter.get('/v1/orders', { key: null })).status).toBe(401);
    expect((await promoter.get('/v1/orders/ord_nope')).body.error.code).toBe('order.not_found');
  });
});

describe('refunds', () => {
  it('refunds in full by default: Stripe refunds, the order is refunded, every ticket void', async () => {
    const order = await paidOrder(2);
    const res = await refund(order.orderId, {}, 'refund-full-1');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: order.orderId,
      status: 'refunded',
      amount: 2000,
      amountRefunded: 2000,
    });
    expect(res.body.tickets.map((t: { status: string }) => t.status)).toEqual(['void', 'void']);

    const atStripe = await stripeRefunds(order.paymentIntentId);
    expect(atStripe.map((r) => [r.amount, r.status, r.metadata?.orderId])).toEqual([
      [2000, 'succeeded', order.orderId],
    ]);
    const charge = await stripe.charges.retrieve(
      (await stripe.paymentIntents.retrieve(order.paymentIntentId)).latest_charge as string,
    );
    expect(charge).toMatchObject({ amount_refunded: 2000, refunded: true });

    // Stripe's charge.refunded for this refund arrives after the answer and changes nothing.
    await refundWebhooksApplied(order.paymentIntentId, 1);
    expect(await getOrder(order.orderId)).toMatchObject({ amountRefunded: 2000, status: 'refunded' });
    const rows = await server.db
      .selectFrom('refunds')
      .selectAll()
      .where('order_id', '=', order.orderId)
      .execute();
    expect(rows.map((r) => [r.id, r.amount])).toEqual([[atStripe[0]?.id, 2000]]);
  });

  it('refunds part, then the rest; only then are the tickets void', async () => {
    const order = await paidOrder(3);
    const part = await refund(order.orderId, { amount: 1200 }, 'part-1');
    expect(part.body).toMatchObject({ status: 'partially_refunded', amountRefunded: 1200 });
    expect(part.body.tickets.every((t: { status: string }) => t.status === 'valid')).toBe(true);

    const rest = await refund(order.orderId, {}, 'rest-1');
    expect(rest.body).toMatchObject({ status: 'refunded', amountRefunded: 3000 });
    expect(rest.body.tickets.every((t: { status: string }) => t.status === 'void')).toBe(true);
    expect((await stripeRefunds(order.paymentIntentId)).map((r) => r.amount)).toEqual([1800, 1200]);

    await refundWebhooksApplied(order.paymentIntentId, 2);
    expect(await getOrder(order.orderId)).toMatchObject({ amountRefunded: 3000, status: 'refunded' });
  });

  it('never refunds more than is left, and says how much is', async () => {
    const order = await paidOrder(2);
    await refund(order.orderId, { amount: 500 }, 'small-1');
    const tooMuch = await refund(order.orderId, { amount: 1600 }, 'big-1');
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error).toMatchObject({
      code: 'order.refund_too_large',
      param: 'amount',
      message:
        'A refund of £16.00 is more than the £15.00 left to refund on this order (paid £20.00, refunded £5.00).',
    });
    const invalid = await refund(order.orderId, { amount: 0 });
    expect(invalid.body.error).toMatchObject({ code: 'request.invalid', param: 'amount' });
    expect((await stripeRefunds(order.paymentIntentId)).map((r) => r.amount)).toEqual([500]);
  });

  it('refuses to refund a fully refunded order', async () => {
    const order = await paidOrder(1);
    await refund(order.orderId, {}, 'once-1');
    const again = await refund(order.orderId, {}, 'once-2');
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: 'order.already_refunded',
      message: `Order '${order.orderId}' is already refunded in full (£10.00).`,
    });
    expect(await stripeRefunds(order.paymentIntentId)).toHaveLength(1);
  });

  it('lets exactly one of two concurrent full refunds through, and Stripe refunds once', async () => {
    const order = await paidOrder(2);
    const results = await Promise.all([
      refund(order.orderId, {}, 'race-a'),
      refund(order.orderId, {}, 'race-b'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)?.body.error.code).toBe('order.already_refunded');
    expect((await stripeRefunds(order.paymentIntentId)).map((r) => r.amount)).toEqual([2000]);
    await refundWebhooksApplied(order.paymentIntentId, 1);
    expect(await getOrder(order.orderId)).toMatchObject({ status: 'refunded', amountRefunded: 2000 });
    const rows = await server.db
      .selectFrom('refunds')
      .select('amount')
      .where('order_id', '=', order.orderId)
      .execute();
    expect(rows).toEqual([{ amount: 2000 }]);
  });

  it('keeps concurrent partial refunds within what was paid', async () => {
    const order = await paidOrder(2);
    const results = await Promise.all(
      [700, 700, 700].map((amount, i) => refund(order.orderId, { amount }, `partial-race-${i}`)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 400]);
    expect(results.find((r) => r.status === 400)?.body.error.code).toBe('order.refund_too_large');
    expect((await stripeRefunds(order.paymentIntentId)).map((r) => r.amount)).toEqual([700, 700]);
    await refundWebhooksApplied(order.paymentIntentId, 2);
    expect(await getOrder(order.orderId)).toMatchObject({
      status: 'partially_refunded',
      amountRefunded: 1400,
    });
  });

  it('replays a retried refund instead of refunding twice', async () => {
    const order = await paidOrder(2);
    const first = await refund(order.orderId, { amount: 300 }, 'retry-me');
    const retry = await refund(order.orderId, { amount: 300 }, 'retry-me');
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect((await stripeRefunds(order.paymentIntentId)).map((r) => r.amount)).toEqual([300]);
  });

  it('refunds once when Stripe’s answer was lost and the request is retried with its key', async () => {
    const order = await paidOrder(2);
    const real = server.app.deps.payments;
    let lose = true;
    // Stripe refunds, but the answer never reaches us (a timeout, a crash before recording).
    const flaky: PaymentGateway = {
      ...real,
      refundPaymentIntent: async (...args) => {
        const refunded = await real.refundPaymentIntent(...args);
        if (lose) {
          lose = false;
          throw new Error('socket hang up');
        }
        return refunded;
      },
    };
    const caller = await findActiveKey(server.db, DEMO_TEST_KEY);
    if (!caller) throw new Error('no demo key');
    const request = { amount: 800, idempotencyKey: 'lost-answer-1' };
    await expect(refundOrder(server.db, flaky, caller, order.orderId, request)).rejects.toThrow(
      'socket hang up',
    );
    const retried = await refundOrder(server.db, flaky, caller, order.orderId, request);
    expect(retried).toMatchObject({ status: 'partially_refunded', amountRefunded: 800 });
    expect((await stripeRefunds(order.paymentIntentId)).map((r) => r.amount)).toEqual([800]);
    await refundWebhooksApplied(order.paymentIntentId, 1);
    expect(await getOrder(order.orderId)).toMatchObject({ amountRefunded: 800 });
  });
});

describe('refunds made in Stripe’s dashboard', () => {
  it('show on the order through charge.refunded, and count once beside the API’s own', async () => {
    const order = await paidOrder(3);
    const dashboard = await stripe.refunds.create({ payment_intent: order.paymentIntentId, amount: 700 });
    const seen = await eventually(
      'the dashboard refund on the order',
      () => getOrder(order.orderId),
      (o) => o.amountRefunded === 700,
    );
    expect(seen).toMatchObject({ status: 'partially_refunded' });
    expect(seen.tickets.every((t: { status: string }) => t.status === 'valid')).toBe(true);

    // The promoter refunds the rest through the API: what is left already counts the dashboard's.
    const tooMuch = await refund(order.orderId, { amount: 3000 }, 'after-dashboard-1');
    expect(tooMuch.body.error.message).toContain('£23.00 left');
    const rest = await refund(order.orderId, {}, 'after-dashboard-2');
    expect(rest.body).toMatchObject({ status: 'refunded', amountRefunded: 3000 });
    await refundWebhooksApplied(order.paymentIntentId, 2);
    expect(await getOrder(order.orderId)).toMatchObject({ amountRefunded: 3000, status: 'refunded' });
    const atStripe = await stripeRefunds(order.paymentIntentId);
    expect(atStripe.map((r) => r.amount)).toEqual([2300, 700]);
    expect(atStripe[1]?.id).toBe(dashboard.id);
    const rows = await server.db
      .selectFrom('refunds')
      .select('id')
      .where('order_id', '=', order.orderId)
      .execute();
    expect(rows.map((r) => r.id).sort()).toEqual(atStripe.map((r) => r.id).sort());
  });

  it('ignore a redelivered or repeated charge.refunded', async () => {
    const order = await paidOrder(1);
    await stripe.refunds.create({ payment_intent: order.paymentIntentId, amount: 400 });
    await refundWebhooksApplied(order.paymentIntentId, 1);
    const charge = await stripe.charges.retrieve(
      (await stripe.paymentIntents.retrieve(order.paymentIntentId)).latest_charge as string,
    );
    // The same news under new event ids (Stripe may send several events about one refund).
    for (const id of ['evt_repeat_1', 'evt_repeat_2', 'evt_repeat_2']) {
      const payload = JSON.stringify({
        id,
        object: 'event',
        type: 'charge.refunded',
        data: { object: charge },
      });
      const header = stripe.webhooks.generateTestHeaderString({
        payload,
        secret: SIM_STRIPE_KEYS.webhookSecret,
      });
      const res = await fetch(`${server.url}/v1/stripe/webhook`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Stripe-Signature': header },
        body: payload,
      });
      expect(res.status).toBe(200);
    }
    expect(await getOrder(order.orderId)).toMatchObject({
      amountRefunded: 400,
      status: 'partially_refunded',
    });
  });
});
