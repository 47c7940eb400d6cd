import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buyerOf } from './buyer.ts';
import { type PaidStack, startPaidStack } from './stripe-fixture.ts';

let stack: PaidStack;
let buyer: ReturnType<typeof buyerOf>;

beforeAll(async () => {
  stack = await startPaidStack();
  buyer = buyerOf(stack.server.url);
});
afterAll(() => stack?.stop());

/** A fresh live event with one tier, so each test counts its own seats. */
async function liveEvent(stock: number, tier: Record<string, unknown> = {}) {
  const created = await buyer.client.post('/v1/events', {
    title: `Lifecycle ${Math.random()}`,
    venueId: 'vn_strange_brew',
    doors: '2031-06-01T19:00:00Z',
    tiers: [{ name: 'General', price: 1000, stock, ...tier }],
  });
  expect(created.status).toBe(201);
  await buyer.client.post(`/v1/events/${created.body.id}/publish`, {});
  return { eventId: created.body.id as string, tierId: created.body.tiers[0].id as string };
}

async function tierCounts(tierId: string) {
  return stack.server.db
    .selectFrom('tiers')
    .select(['sold', 'reserved', 'stock'])
    .where('id', '=', tierId)
    .executeTakeFirstOrThrow();
}

/** Moves a session's hold into the past, as if the buyer had walked away. */
async function backdate(sessionId: string) {
  await stack.server.db
    .updateTable('checkout_sessions')
    .set({ expires_at: sql`now() - interval '1 second'` })
    .where('id', '=', sessionId)
    .execute();
}

/** Expires due holds without settling with Stripe, to put a payment in flight behind the expiry. */
async function expireOnly() {
  const { expireDueSessions } = await import('../src/checkout/holds.ts');
  await stack.server.db.transaction().execute((tx) => expireDueSessions(tx, { limit: 100 }));
}

describe('cancelling', () => {
  it('gives the seats back at once and is safe to repeat', async () => {
    const { eventId, tierId } = await liveEvent(5);
    const { body: session } = await buyer.openSession(eventId, [{ tierId, quantity: 3 }]);
    expect((await tierCounts(tierId)).reserved).toBe(3);

    const cancelled = await buyer.cancel(session);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await tierCounts(tierId)).reserved).toBe(0);

    const again = await buyer.cancel(session);
    expect(again.body.status).toBe('cancelled');
    expect((await tierCounts(tierId)).reserved).toBe(0);

    const pay = await buyer.startPayment(session);
    expect(pay.status).toBe(409);
    expect(pay.body.error.code).toBe('checkout.session_not_open');
  });

  it('needs the client secret', async () => {
    const { eventId, tierId } = await liveEvent(5);
    const { body: session } = await buyer.openSession(eventId, [{ tierId, quantity: 1 }]);
    const res = await buyer.cancel({ ...session, clientSecret: 'wrong' });
    expect(res.status).toBe(404);
    expect((await tierCounts(tierId)).reserved).toBe(1);
  });

  it('cancels the PaymentIntent at Stripe once the worker runs', async () => {
    const { eventId, tierId } = await liveEvent(5);
    const { body: session } = await buyer.openSession(eventId, [{ tierId, quantity: 1 }]);
    const { body: pay } = await buyer.startPayment(session);
    await buyer.cancel(session);
    await stack.server.app.worker.runOnce();
    const intent = await stack.stripe.paymentIntents.retrieve(pay.paymentIntentId);
    expect(intent.status).toBe('canceled');
  });
});

describe('sessions across tiers', () => {
  it('holds every tier or none', async () => {
    const created = await buyer.client.post('/v1/events', {
      title: `Two tiers ${Math.random()}`,
      venueId: 'vn_strange_brew',
      doors: '2031-06-01T19:00:00Z',
      tiers: [
        { name: 'Floor', price: 1000, stock: 5 },
        { name: 'Balcony', price: 1500, stock: 1 },
      ],
    });
    await buyer.client.post(`/v1/events/${created.body.id}/publish`, {});
    const [floor, balcony] = created.body.tiers;
    const both = await buyer.openSession(created.body.id, [
      { tierId: floor.id, quantity: 2 },
      { tierId: balcony.id, quantity: 1 },
    ]);
    expect(both.status).toBe(201);
    expect(both.body.amountTotal).toBe(3500);

    const tooMany = await buyer.openSession(created.body.id, [
      { tierId: floor.id, quantity: 2 },
      { tierId: balcony.id, quantity: 1 },
    ]);
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error).toMatchObject({ code: 'event.tier_oversold', param: 'items[1].quantity' });
    expect(await tierCounts(floor.id)).toMatchObject({ reserved: 2 });
    expect(await tierCounts(balcony.id)).toMatchObject({ reserved: 1 });
  });
});

describe('changing tickets before paying', () => {
  const change = (session: { id: string; clientSecret: string }, items: unknown[]) =>
    buyer.client.post(
      `/v1/checkout/sessions/${session.id}`,
      { clientSecret: session.clientSecret, items },
      { key: null },
    );

  it('swaps the hold atomically, keeping the old one when the new cannot be held', async () => {
    const { eventId, tierId } = await liveEvent(4);
    const { body: session } = await buyer.openSession(eventId, [{ tierId, quantity: 1 }]);
    const more = await change(session, [{ tierId, quantity: 3 }]);
    expect(more.status).toBe(200);
    expect(more.body).toMatchObject({ amountTotal: 3000, items: [{ tierId, quantity: 3 }] });
    expect((await tierCounts(tierId)).reserved).toBe(3);

    const { body: other } = await buyer.openSession(eventId, [{ tierId, quantity: 1 }]);
    const tooMany = await change(session, [{ tierId, quantity: 4 }]);
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error).toMatchObject({ code: 'event.tier_oversold', param: 'items[0].quantity' });
    expect((await buyer.read(session)).body.amountTotal).toBe(3000);
    expect((await tierCounts(tierId)).reserved).toBe(4);
    await buyer.cancel(other);
  });

  it('charges the new total when payment had already started', async () => {
    const { eventId, tierId } = await liveEvent(5);
    const { body: session } = await buyer.openSession(eventId, [{ tierId, quantity: 1 }]);
    const first = await buyer.startPayment(session);
    await change(session, [{ tierId, quantity: 2 }]);
    const second = await buyer.startPayment(session);
    expect(second.body.paymentIntentId).toBe(first.body.paymentIntentId);
    expect((await stack.stripe.paymentIntents.retrieve(second.body.paymentIntentId)).amount).toBe(2000);

    await stack.stripe.paymentIntents.confirm(second.body.paymentIntentId, {
      payment_method: 'pm_card_visa',
    });
    const done = await buyer.waitFor(session, (s) => s.status === 'complete');
    expect(done.order.tickets).toHaveLength(2);
    expect(await tierCounts(tierId)).toMatchObject({ sold: 2, reserved: 0 });
  });

  it('refunds rather than ticketing a payment for an amount the session no longer asks', async () => {
    const { eventId, tierId } = await liveEvent(5);
    const { body: session } = await buyer.openSession(eventId, [{ tierId, quantity: 1 }]);
    const { body: pay } = await buyer.startPayment(session);
    await change(session, [{ tierId, quantity: 2 }]);
    // The browser confirms the intent it already had, for the old £10.00.
    await stack.stripe.paymentIntents.confirm(pay.paymentIntentId, { payment_method: 'pm_card_visa' });
    await buyer.waitFor(session, (s) => s.paymentStatus === 'refund_pending');
    await stack.server.app.worker.runOnce();
    expect((await buyer.read(session)).body).toMatchObject({
      status: 'cancelled',
      paymentStatus: 'refunded',
    });
    expect(await tierCounts(tierId)).toMatchObject({ sold: 0, reserved: 0 });
  });
});

describe('holds expiring', () => {
  it('releases the seats of a walked-away buyer and refuses payment with 410', async () => {
    const { eventId, tierId } = await liveEvent(5);
    const { body: session } = await buyer.openSession(eventId, [{ tierId, quantity: 2 }]);
    await backdate(session.id);

    const late = await buyer.startPayment(session);
    expect(late.status).toBe(410);
    expect(late.body.error.code).toBe('checkout.session_expired');

    const { expired } = await stack.server.app.worker.runOnce();
    expect(expired).toBeGreaterThanOrEqual(1);
    expect((await buyer.read(session)).body.status).toBe('expired');
    expect((await tierCounts(tierId)).reserved).toBe(0);
  });

  it('frees abandoned holds when a buyer finds the tier full', async () => {
    const { eventId, tierId } = await liveEvent(2);
    const { body: first } = await buyer.openSession(eventId, [{ tierId, quantity: 2 }]);
    const blocked = await buyer.openSession(eventId, [{ tierId, quantity: 1 }]);
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe('event.tier_oversold');

    await backdate(first.id);
    const next = await buyer.openSession(eventId, [{ tierId, quantity: 2 }]);
    expect(next.status).toBe(201);
    expect((await buyer.read(first)).body.status).toBe('expired');
    expect(await tierCounts(tierId)).toMatchObject({ reserved: 2, sold: 0 });
  });

  it('still completes a payment that lands after expiry while seats are free', async () => {
    const { eventId, tierId } = await liveEvent(5);
    const { body: session } = await buyer.openSession(eventId, [{ tierId, quantity: 2 }]);
    const { body: pay } = await buyer.startPayment(session);
    await backdate(session.id);
    await expireOnly();
    expect((await tierCounts(tierId)).reserved).toBe(0);

    await stack.stripe.paymentIntents.confirm(pay.paymentIntentId, { payment_method: 'pm_card_visa' });
    const done = await buyer.waitFor(session, (s) => s.status === 'complete');
    expect(done.paymentStatus).toBe('paid');
    expect(done.order.tickets).toHaveLength(2);
    expect(await tierCounts(tierId)).toMatchObject({ sold: 2, reserved: 0 });
  });

  it('refunds a payment that lands after its seats were sold to someone else, and says so', async () => {
    const { eventId, tierId } = await liveEvent(1);
    const { body: slow } = await buyer.openSession(eventId, [{ tierId, quantity: 1 }]);
    const { body: pay } = await buyer.startPayment(slow);
    await backdate(slow.id);
    await expireOnly();
    const fast = await buyer.openSession(eventId, [{ tierId, quantity: 1 }]);
    expect(fast.status).toBe(201);

    await stack.stripe.paymentIntents.confirm(pay.paymentIntentId, { payment_method: 'pm_card_visa' });
    await buyer.waitFor(slow, (s) => s.paymentStatus === 'refund_pending');
    await stack.server.app.worker.runOnce();
    const settled = (await buyer.read(slow)).body;
    expect(settled).toMatchObject({ status: 'expired', paymentStatus: 'refunded', orderId: null });
    const refunds = await stack.stripe.refunds.list({ payment_intent: pay.paymentIntentId });
    expect(refunds.data.map((r) => r.amount)).toEqual([1000]);
    expect(await tierCounts(tierId)).toMatchObject({ sold: 0, reserved: 1, stock: 1 });

    await stack.server.app.worker.runOnce();
    expect((await stack.stripe.refunds.list({ payment_intent: pay.paymentIntentId })).data).toHaveLength(1);
  });
});

describe('sales windows', () => {
  it('refuses a tier before its sales open and after they close, naming the tier', async () => {
    const soon = new Date(Date.now() + 3_600_000).toISOString();
    const { eventId, tierId } = await liveEvent(5, { salesStart: soon });
    const early = await buyer.openSession(eventId, [{ tierId, quantity: 1 }]);
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'event.tier_not_on_sale', param: 'items[0].tierId' });
    expect(early.body.error.message).toContain('goes on sale at');

    const past = new Date(Date.now() - 60_000).toISOString();
    const ended = await liveEvent(5, { salesStart: '2026-01-01T00:00:00Z', salesEnd: past });
    const late = await buyer.openSession(ended.eventId, [{ tierId: ended.tierId, quantity: 1 }]);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('no longer on sale');
  });

  it('rejects a window that ends before it starts', async () => {
    const res = await buyer.client.post('/v1/events', {
      title: 'Bad window',
      venueId: 'vn_strange_brew',
      doors: '2031-06-01T19:00:00Z',
      tiers: [
        {
          name: 'G',
          price: 1,
          stock: 1,
          salesStart: '2031-02-01T00:00:00Z',
          salesEnd: '2031-01-01T00:00:00Z',
        },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.param).toBe('tiers[0].salesEnd');
  });
});
