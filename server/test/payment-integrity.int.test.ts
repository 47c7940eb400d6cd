import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_STRIPE_KEYS } from '../src/config.ts';
import { buyerOf } from './buyer.ts';
import { eventually } from './paid-orders.ts';
import { type PaidStack, sendStripeEvent, startPaidStack } from './stripe-fixture.ts';

// Money is never lost nor made up: only the PaymentIntent the server created for a session
// completes it, a payment whose webhook never arrives still ends as an order (or a refund), and
// free tickets never touch Stripe.

let stack: PaidStack;
let buyer: ReturnType<typeof buyerOf>;

beforeAll(async () => {
  stack = await startPaidStack();
  buyer = buyerOf(stack.server.url);
});
afterAll(() => stack?.stop());

async function liveEvent(tiers: { name: string; price: number; stock: number }[], publish = true) {
  const created = await buyer.client.post('/v1/events', {
    title: `Integrity ${Math.random()}`,
    venueId: 'vn_strange_brew',
    doors: '2031-06-01T19:00:00Z',
    tiers,
  });
  expect(created.status).toBe(201);
  if (publish)
    expect((await buyer.client.post(`/v1/events/${created.body.id}/publish`, {})).status).toBe(200);
  return {
    eventId: created.body.id as string,
    title: created.body.title as string,
    tierIds: created.body.tiers.map((t: { id: string }) => t.id) as string[],
  };
}

async function openOne(price = 1000) {
  const { eventId, tierIds } = await liveEvent([{ name: 'GA', price, stock: 10 }]);
  const opened = await buyer.openSession(eventId, [{ tierId: tierIds[0] as string, quantity: 1 }]);
  expect(opened.status).toBe(201);
  return {
    session: opened.body as { id: string; clientSecret: string; amountTotal: number },
    tierId: tierIds[0] as string,
  };
}

async function ordersOf(sessionId: string) {
  return stack.server.db.selectFrom('orders').select('id').where('session_id', '=', sessionId).execute();
}

/** Posts a signed Stripe event to the server and checks the status it answers. */
async function deliver(event: Record<string, unknown>, expected = 200) {
  const answer = await sendStripeEvent(stack, event);
  expect(answer.status).toBe(expected);
  return answer.body;
}

async function ignoredReason(eventId: string) {
  return eventually(
    `Stripe event ${eventId} recorded`,
    () =>
      stack.server.db
        .selectFrom('stripe_events')
        .select('ignored_reason')
        .where('id', '=', eventId)
        .executeTakeFirst(),
    (row) => row !== undefined,
  ).then((row) => row?.ignored_reason);
}

describe('only our own PaymentIntent completes a session', () => {
  it('ignores a PaymentIntent the server never created, even one naming the session', async () => {
    const { session } = await openOne();
    // Someone with a key of the account makes and pays their own PaymentIntent, pointing at the session.
    const foreign = await stack.stripe.paymentIntents.create({
      amount: session.amountTotal,
      currency: 'gbp',
      metadata: { sessionId: session.id },
    });
    await stack.stripe.paymentIntents.confirm(foreign.id, { payment_method: 'pm_card_visa' });
    const events = await eventually(
      'the succeeded event to arrive',
      () =>
        stack.server.db
          .selectFrom('stripe_events')
          .select(['id', 'ignored_reason'])
          .where('type', '=', 'payment_intent.succeeded')
          .execute(),
      (rows) => rows.some((r) => r.ignored_reason?.includes('no checkout session recorded')),
    );
    expect(events.length).toBeGreaterThan(0);
    expect((await buyer.read(session)).body).toMatchObject({ status: 'open', orderId: null });
    expect(await ordersOf(session.id)).toEqual([]);
  });

  it("ignores the session's own PaymentIntent when it comes from a connected account or the other mode", async () => {
    const { session } = await openOne();
    const pay = await buyer.startPayment(session);
    const intent = await stack.stripe.paymentIntents.retrieve(pay.body.paymentIntentId);
    const paid = { ...intent, status: 'succeeded', amount_received: intent.amount };
    await deliver({
      id: 'evt_forged_account',
      type: 'payment_intent.succeeded',
      account: 'acct_intruder',
      data: { object: paid },
    });
    await deliver({
      id: 'evt_forged_live',
      type: 'payment_intent.succeeded',
      livemode: true,
      data: { object: paid },
    });
    expect(await ignoredReason('evt_forged_account')).toMatch(/connected account acct_intruder/);
    expect(await ignoredReason('evt_forged_live')).toMatch(/live-mode payment for a test-mode session/);
    expect(await ordersOf(session.id)).toEqual([]);

    // The real payment still completes it.
    await stack.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    await buyer.waitFor(session, (s) => s.status === 'complete');
    expect(await ordersOf(session.id)).toHaveLength(1);
  });

  it("ignores a connected account's charge.refunded and a platform payout.paid", async () => {
    await deliver({
      id: 'evt_forged_refund',
      type: 'charge.refunded',
      account: 'acct_intruder',
      data: { object: { id: 'ch_x', object: 'charge', payment_intent: 'pi_x' } },
    });
    await deliver({
      id: 'evt_platform_payout',
      type: 'payout.paid',
      data: {
        object: {
          id: 'po_x',
          object: 'payout',
          amount: 1,
          currency: 'gbp',
          status: 'paid',
          arrival_date: 1,
          created: 1,
        },
      },
    });
    expect(await ignoredReason('evt_forged_refund')).toMatch(/connected account/);
    expect(await ignoredReason('evt_platform_payout')).toMatch(/platform's own account/);
  });
});

describe('a succeeded payment always ends as an order or a refund', () => {
  it('completes a paid session whose webhook never arrives, by asking Stripe', async () => {
    const { session, tierId } = await openOne();
    const pay = await buyer.startPayment(session);
    await whileWebhooksAreLost(async () => {
      await stack.stripe.paymentIntents.confirm(pay.body.paymentIntentId, { payment_method: 'pm_card_visa' });
      await dueNow(session.id);
      await stack.server.app.worker.runOnce();
      const done = (await buyer.read(session)).body;
      expect(done).toMatchObject({
        status: 'complete',
        paymentStatus: 'paid',
        settlement: { status: 'settled' },
      });
      expect(await ordersOf(session.id)).toHaveLength(1);
      const tier = await tierCounts(tierId);
      expect(tier).toEqual({ sold: 1, reserved: 0 });
    });
  });

  it('refunds a payment whose session expired and whose seats were sold meanwhile', async () => {
    const { eventId, tierIds } = await liveEvent([{ name: 'Last one', price: 1500, stock: 1 }]);
    const tierId = tierIds[0] as string;
    const first = (await buyer.openSession(eventId, [{ tierId, quantity: 1 }])).body;
    const pay = await buyer.startPayment(first);
    await whileWebhooksAreLost(async () => {
      await stack.stripe.paymentIntents.confirm(pay.body.paymentIntentId, { payment_method: 'pm_card_visa' });
      // Unheard of, the hold runs out and someone else buys the seat.
      await stack.server.db
        .updateTable('checkout_sessions')
        .set({ expires_at: sql`now() - interval '1 second'` })
        .where('id', '=', first.id)
        .execute();
      const second = await buyer.openSession(eventId, [{ tierId, quantity: 1 }]);
      expect(second.status).toBe(201);
      await dueNow(first.id);
      await stack.server.app.worker.runOnce();
      await dueNow(first.id);
      await stack.server.app.worker.runOnce();
      expect((await buyer.read(first)).body).toMatchObject({ status: 'expired', paymentStatus: 'refunded' });
      const refunds = await stack.stripe.refunds.list({ payment_intent: pay.body.paymentIntentId });
      expect(refunds.data.map((r) => r.amount)).toEqual([1500]);
    });
  });

  it('never lets sessions that cannot settle starve the ones that can, and gives up where the promoter sees it', async () => {
    const stuck = [];
    for (let i = 0; i < 50; i++) {
      const { session } = await openOne();
      // A PaymentIntent Stripe has never heard of: every attempt to settle it fails.
      await stack.server.db
        .updateTable('checkout_sessions')
        .set({
          payment_intent_id: `pi_unknown_${i}_${session.id}`,
          settle_at: sql`now() - interval '1 hour'`,
        })
        .where('id', '=', session.id)
        .execute();
      stuck.push(session);
    }
    const { session: good } = await openOne();
    const pay = await buyer.startPayment(good);
    await whileWebhooksAreLost(async () => {
      await stack.stripe.paymentIntents.confirm(pay.body.paymentIntentId, { payment_method: 'pm_card_visa' });
      await dueNow(good.id);
      for (let pass = 0; pass < 3; pass++) await stack.server.app.worker.runOnce();
    });
    expect((await buyer.read(good)).body.status).toBe('complete');
    const first = stuck[0] as { id: string };
    const backedOff = await stack.server.db
      .selectFrom('checkout_sessions')
      .select(['settle_attempts', 'settle_at', 'settle_error'])
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(backedOff.settle_attempts).toBe(1);
    expect(new Date(backedOff.settle_at as Date).getTime()).toBeGreaterThan(Date.now() + 10_000);

    // After the last of its attempts the worker gives up, and the promoter can see it and retry.
    await stack.server.db
      .updateTable('checkout_sessions')
      .set({ settle_attempts: 19, settle_at: sql`now()` })
      .where('id', '=', first.id)
      .execute();
    await stack.server.app.worker.runOnce();
    const failed = await buyer.client.get(`/v1/checkout/sessions/${first.id}`);
    expect(failed.body.settlement).toMatchObject({
      status: 'failed',
      nextAttemptAt: null,
      error: expect.stringContaining('pi_unknown_0'),
    });
    const retried = await buyer.client.post(`/v1/checkout/sessions/${first.id}/settle`, {});
    expect(retried.status).toBe(200);
    expect(retried.body.settlement.status).toBe('pending');
    expect((await buyer.client.post(`/v1/checkout/sessions/${first.id}/settle`, {})).body.error.code).toBe(
      'checkout.settlement_not_failed',
    );
  });
});

describe('free tickets', () => {
  it('completes a free session without Stripe, in one call, and answers the same order twice', async () => {
    const { session, tierId } = await openOne(0);
    expect(session.amountTotal).toBe(0);
    const first = await buyer.startPayment(session);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      status: 'complete',
      orderId: expect.stringMatching(/^ord_/),
      paymentIntentId: null,
      clientSecret: null,
    });
    const again = await buyer.startPayment(session);
    expect(again.body.orderId).toBe(first.body.orderId);
    const read = (await buyer.read(session)).body;
    expect(read).toMatchObject({ status: 'complete', orderId: first.body.orderId });
    expect(read.order.tickets).toHaveLength(1);
    const tier = await tierCounts(tierId);
    expect(tier).toEqual({ sold: 1, reserved: 0 });
    const order = await buyer.client.get(`/v1/orders/${first.body.orderId}`);
    expect(order.body).toMatchObject({ amount: 0, status: 'paid' });
    const refund = await buyer.client.post(`/v1/orders/${first.body.orderId}/refund`, {});
    expect(refund.status).toBe(409);
    expect(refund.body.error.code).toBe('order.not_refundable');
  });

  it('refuses totals Stripe would refuse when the session is made, naming items', async () => {
    const { eventId, tierIds } = await liveEvent([
      { name: 'Penny', price: 10, stock: 10 },
      { name: 'Palace', price: 10_000_000, stock: 100 },
    ]);
    const tooSmall = await buyer.openSession(eventId, [{ tierId: tierIds[0] as string, quantity: 1 }]);
    expect(tooSmall.status).toBe(422);
    expect(tooSmall.body.error).toMatchObject({ code: 'checkout.amount_unpayable', param: 'items' });
    expect(tooSmall.body.error.message).toMatch(/under Stripe's minimum charge of £0.30/);
    const tooLarge = await buyer.openSession(eventId, [{ tierId: tierIds[1] as string, quantity: 10 }]);
    expect(tooLarge.status).toBe(422);
    expect(tooLarge.body.error.message).toMatch(/over Stripe's maximum charge/);
    const fine = await buyer.openSession(eventId, [{ tierId: tierIds[0] as string, quantity: 3 }]);
    expect(fine.status).toBe(201);
    const changed = await buyer.client.post(
      `/v1/checkout/sessions/${fine.body.id}`,
      { clientSecret: fine.body.clientSecret, items: [{ tierId: tierIds[0], quantity: 1 }] },
      { key: null },
    );
    expect(changed.status).toBe(422);
    expect((await buyer.read(fine.body)).body.amountTotal).toBe(30);
  });
});

it("answers a draft event's checkout as if it did not exist, without its title", async () => {
  const { eventId, title, tierIds } = await liveEvent([{ name: 'GA', price: 1000, stock: 10 }], false);
  const res = await buyer.openSession(eventId, [{ tierId: tierIds[0] as string, quantity: 1 }]);
  expect(res.status).toBe(404);
  expect(res.body.error.code).toBe('event.not_found');
  expect(JSON.stringify(res.body)).not.toContain(title);
});

/** Runs `steps` while Stripe's webhooks go nowhere, as if the server had been down all along. */
async function whileWebhooksAreLost(steps: () => Promise<void>) {
  stack.sim.setWebhook({ url: 'http://127.0.0.1:9/nowhere', secret: SIM_STRIPE_KEYS.webhookSecret });
  try {
    await steps();
  } finally {
    stack.sim.setWebhook({
      url: `${stack.server.url}/v1/stripe/webhook`,
      secret: SIM_STRIPE_KEYS.webhookSecret,
    });
  }
}

async function tierCounts(tierId: string) {
  return stack.server.db
    .selectFrom('tiers')
    .select(['sold', 'reserved'])
    .where('id', '=', tierId)
    .executeTakeFirstOrThrow();
}

/** Makes a session's next settlement due now, as if the worker's clock had moved on. */
async function dueNow(sessionId: string) {
  await stack.server.db
    .updateTable('checkout_sessions')
    .set({ settle_at: sql`now()` })
    .where('id', '=', sessionId)
    .execute();
}

it('makes Stripe send a refund again when it overtakes its payment, so the order shows it', async () => {
  const { session } = await openOne();
  const pay = await buyer.startPayment(session);
  const charge = { id: 'ch_overtaking', object: 'charge', payment_intent: pay.body.paymentIntentId };
  const answer = await deliver(
    { id: 'evt_refund_first', type: 'charge.refunded', data: { object: charge } },
    409,
  );
  expect(answer.error?.code).toBe('stripe.event_early');
  // Not recorded: its next delivery is applied, not taken for a duplicate.
  const recorded = await stack.server.db
    .selectFrom('stripe_events')
    .select('id')
    .where('id', '=', 'evt_refund_first')
    .execute();
  expect(recorded).toEqual([]);
});
