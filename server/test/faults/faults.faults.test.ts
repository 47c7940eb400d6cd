import { sql } from 'kysely';
import type Stripe from 'stripe';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SIM_STRIPE_KEYS } from '../../src/config.ts';
import { buyerOf } from '../buyer.ts';
import { type FaultStack, startFaultStack } from './fault-stack.ts';

// Faults a production box meets, each followed by the one check that matters: the books balance
// (sold = tickets issued, reserved = open holds, every succeeded payment is exactly one order or
// a refund, no order twice). See ../books.ts.

let stack: FaultStack;
beforeAll(async () => {
  stack = await startFaultStack();
}, 120_000);
afterAll(() => stack?.stop());

const buyer = () => buyerOf(stack.apiUrl());

/** Opens `n` one-seat sessions and starts paying each: PaymentIntents made, none confirmed yet. */
async function openAndStartPaying(eventId: string, tierId: string, n: number) {
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const opened = await buyer().openSession(
        eventId,
        [{ tierId, quantity: 1 }],
        undefined,
        `fault${i}@example.com`,
      );
      expect(opened.status).toBe(201);
      const pay = await buyer().startPayment(opened.body);
      expect(pay.status).toBe(200);
      return {
        session: opened.body as { id: string; clientSecret: string },
        intentId: pay.body.paymentIntentId as string,
      };
    }),
  );
}

const confirm = (intentId: string) =>
  stack.stripe.paymentIntents.confirm(intentId, { payment_method: 'pm_card_visa' });

it('loses no payment when the server is killed mid-checkout and comes back after Stripe gave up', async () => {
  const { eventId, tierId } = await stack.liveEvent(30);
  const paying = await openAndStartPaying(eventId, tierId, 12);
  // Half are paid while the server runs; the rest while it is being killed and after it died.
  await Promise.all(paying.slice(0, 6).map((p) => confirm(p.intentId)));
  await Promise.all([stack.killApi(), ...paying.slice(6, 10).map((p) => confirm(p.intentId))]);
  // Two buyers never pay. Stripe retries its webhooks for three days, all refused, then gives up.
  const retried = await stack.advanceSim(73 * 3600);
  expect(retried.pending).toBe(0);
  // The server was down for all of it: every hold has run out by the time it is back.
  await sql`update checkout_sessions set expires_at = now() - interval '1 second' where status = 'open'`.execute(
    stack.db,
  );
  await stack.startApi();
  await stack.settleDueNow();
  await stack.balanced(eventId);
  const orders = await stack.db.selectFrom('orders').select('id').where('event_id', '=', eventId).execute();
  expect(orders).toHaveLength(10);
  const unpaid = await stack.stripe.paymentIntents.retrieve(paying[11]?.intentId as string);
  await expect
    .poll(async () => (await stack.stripe.paymentIntents.retrieve(unpaid.id)).status)
    .toBe('canceled');
}, 120_000);

it('answers 503 while PostgreSQL is stopped under load, never 500, and balances once it is back', async () => {
  const { eventId, tierId } = await stack.liveEvent(200);
  const answers: { status: number; retryAfter: string | null }[] = [];
  let running = true;
  const shopper = async (n: number) => {
    for (let i = 0; running && i < 40; i++) {
      try {
        const opened = await buyer().openSession(
          eventId,
          [{ tierId, quantity: 1 }],
          undefined,
          `load${n}@example.com`,
        );
        answers.push({ status: opened.status, retryAfter: opened.headers.get('retry-after') });
        if (opened.status !== 201) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          continue;
        }
        const pay = await buyer().startPayment(opened.body);
        answers.push({ status: pay.status, retryAfter: pay.headers.get('retry-after') });
        if (pay.status === 200) await confirm(pay.body.paymentIntentId);
      } catch (error) {
        // The server must not go down with its database: a refused connection is a failure.
        answers.push({ status: 0, retryAfter: String(error) });
      }
    }
  };
  const load = Promise.all(Array.from({ length: 6 }, (_, n) => shopper(n)));
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await stack.stopPostgres();
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  await stack.startPostgres();
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  running = false;
  await load;

  const broken = answers.filter((a) => a.status === 0 || (a.status >= 500 && a.status !== 503));
  expect(broken, stack.apiOutput()).toEqual([]);
  expect(answers.filter((a) => a.status === 503 && !a.retryAfter)).toEqual([]);
  expect(answers.some((a) => a.status === 503)).toBe(true);
  expect(answers.filter((a) => a.status === 201).length).toBeGreaterThan(6);
  // Webhooks refused while the database was away come again; whatever is left, the worker asks Stripe.
  await stack.advanceSim(3600);
  await stack.settleDueNow();
  await stack.balanced(eventId);
}, 120_000);

it('changes nothing when webhooks come twice, out of order, and late', async () => {
  const { eventId, tierId } = await stack.liveEvent(3);
  const early = await openAndStartPaying(eventId, tierId, 2);
  await Promise.all(early.map((p) => confirm(p.intentId)));
  await stack.balanced(eventId);

  // A late one: paid while the server is down; its hold runs out (as the expiry worker would let it
  // go) and its seat is sold to someone else meanwhile...
  const [late] = await openAndStartPaying(eventId, tierId, 1);
  await stack.killApi();
  await confirm(late?.intentId as string);
  await sql`update tiers set reserved = reserved - 1 where id = ${tierId}`.execute(stack.db);
  await sql`update checkout_sessions set status = 'expired', intent_cancel_pending = true,
    settle_at = now() + interval '1 hour' where id = ${late?.session.id}`.execute(stack.db);
  await stack.startApi();
  const taker = await openAndStartPaying(eventId, tierId, 1);
  await confirm(taker[0]?.intentId as string);
  // ...and its webhook comes only now, when Stripe retries: no seat is left, so it is refunded.
  await stack.advanceSim(3600);
  await stack.settleDueNow();
  await stack.balanced(eventId);
  expect((await buyer().read(late?.session as { id: string; clientSecret: string })).body.paymentStatus).toBe(
    'refunded',
  );

  // Every Stripe event of the run once more, twice, newest first.
  const events = (await stack.stripe.events.list({ limit: 100 })).data;
  const orders = async () =>
    stack.db.selectFrom('orders').select('id').where('event_id', '=', eventId).execute();
  const before = await orders();
  for (let round = 0; round < 2; round++) {
    for (const event of events) await redeliver(event);
  }
  await stack.balanced(eventId);
  expect(await orders()).toEqual(before);
}, 120_000);

/** Posts a Stripe event to the server again, freshly signed as Stripe signs a retry. */
async function redeliver(event: Stripe.Event) {
  const payload = JSON.stringify(event);
  const signature = stack.stripe.webhooks.generateTestHeaderString({
    payload,
    secret: SIM_STRIPE_KEYS.webhookSecret,
  });
  const res = await fetch(`${stack.apiUrl()}/v1/stripe/webhook`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
    body: payload,
  });
  expect(res.status).toBe(200);
}
