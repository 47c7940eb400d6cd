import fc from 'fast-check';
import { sql } from 'kysely';
import pino from 'pino';
import type Stripe from 'stripe';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPayment } from '../src/checkout/checkout.payment.ts';
import { cancelSession, createSession, updateSessionItems } from '../src/checkout/checkout.service.ts';
import { settleDueSessions } from '../src/checkout/checkout.settle.ts';
import { expireDueSessions } from '../src/checkout/holds.ts';
import type { Database } from '../src/db/database.ts';
import { createEvent, publishEvent } from '../src/events/events.service.ts';
import { ApiError } from '../src/http/errors.ts';
import type { PaymentGateway } from '../src/payments/payment-gateway.ts';
import { handleStripeEvent } from '../src/payments/stripe-webhook.service.ts';
import { createTestDatabase } from './harness.ts';

// Random interleavings of everything an on-sale throws at checkout sessions: buyers creating,
// paying, failing, cancelling and walking away, Stripe delivering webhooks late, twice or out of
// order, the worker expiring and settling. After every step the books must balance.

const logger = pino({ level: 'silent' });
const owner = { promoterId: 'pr_demo_strange_brew', mode: 'test' as const };
const buyer = { kind: 'public' as const };
const links = { publicUrl: 'http://localhost:4000' };

/** A Stripe stand-in that keeps just enough state to say no where Stripe would. */
class FakeStripe implements PaymentGateway {
  readonly mode = 'test' as const;
  intents = new Map<string, { amount: number; currency: string; sessionId: string; status: string }>();
  refunds = new Map<string, string>(); // idempotency key -> payment intent
  async createPaymentIntent(r: Parameters<PaymentGateway['createPaymentIntent']>[0]) {
    const id = `pi_${r.idempotencyKey}`;
    if (!this.intents.has(id)) {
      this.intents.set(id, {
        amount: r.amount,
        currency: r.currency,
        sessionId: r.metadata.sessionId as string,
        status: 'requires_payment_method',
      });
    }
    return { id, clientSecret: `${id}_secret` };
  }
  async retrievePaymentIntent(id: string) {
    const intent = this.intents.get(id);
    if (!intent) throw new Error(`No PaymentIntent ${id}`);
    const amountReceived = intent.status === 'succeeded' ? intent.amount : 0;
    const metadata = { sessionId: intent.sessionId };
    return {
      id,
      status: intent.status,
      amount: intent.amount,
      amountReceived,
      currency: intent.currency,
      livemode: false,
      metadata,
    };
  }
  async syncPaymentIntent(id: string, amount: number) {
    const intent = this.intents.get(id);
    if (intent && intent.status === 'requires_payment_method') intent.amount = amount;
    return { id, clientSecret: `${id}_secret` };
  }
  async cancelPaymentIntent(id: string) {
    const intent = this.intents.get(id);
    if (intent?.status === 'succeeded') return 'succeeded' as const;
    if (intent) intent.status = 'canceled';
    return 'canceled' as const;
  }
  async refundPaymentIntent(id: string, idempotencyKey: string) {
    this.refunds.set(idempotencyKey, id);
    const amount = this.intents.get(id)?.amount ?? 0;
    return {
      refundId: `re_${idempotencyKey}`,
      paymentIntentId: id,
      amount,
      status: 'succeeded',
      created: new Date(),
    };
  }
  async listRefunds() {
    return [];
  }
  async listPayouts() {
    return [];
  }
  async retrieveAccount(): Promise<never> {
    throw new Error('not used');
  }
  verifyWebhook(): Stripe.Event {
    throw new Error('not used');
  }
  publicConfig() {
    return { provider: 'stripe' as const, publishableKey: 'pk_test_x', stripeJsUrl: null };
  }
}

type Op =
  | { kind: 'create'; tier: number; quantity: number }
  | { kind: 'pay' | 'succeed' | 'succeedUnheard' | 'fail' | 'cancel' | 'expire'; session: number }
  | { kind: 'change'; session: number; tier: number; quantity: number }
  | { kind: 'redeliver'; event: number }
  | { kind: 'settle' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    tier: fc.nat(1),
    quantity: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({
    kind: fc.constantFrom(
      'pay' as const,
      'succeed' as const,
      'succeedUnheard' as const,
      'fail' as const,
      'cancel' as const,
      'expire' as const,
    ),
    session: fc.nat(20),
  }),
  fc.record({
    kind: fc.constant('change' as const),
    session: fc.nat(20),
    tier: fc.nat(1),
    quantity: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ kind: fc.constant('redeliver' as const), event: fc.nat(20) }),
  fc.record({ kind: fc.constant('settle' as const) }),
);

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  const database = await createTestDatabase();
  db = database.db;
  drop = database.drop;
  const { seedDemo } = await import('../src/demo/seed.ts');
  await seedDemo(db, { holdMinutes: 15 });
});
afterAll(() => drop?.());

async function run(ops: Op[]) {
  const stripe = new FakeStripe();
  const event = await createEvent(
    db,
    owner,
    {
      title: 'Property run',
      venueId: 'vn_strange_brew',
      doors: '2031-01-01T20:00:00Z',
      currency: 'gbp',
      rotatingQr: false,
      tiers: [
        { name: 'A', price: 1000, stock: 3, maxPerOrder: 3 },
        { name: 'B', price: 1500, stock: 2, maxPerOrder: 3 },
      ],
    },
    { holdMinutes: 15 },
  );
  await publishEvent(db, owner, event.id, { network: true });
  const sessions: { id: string; clientSecret: string }[] = [];
  const delivered: Stripe.Event[] = [];
  let eventSeq = 0;

  const deliver = async (
    type: 'payment_intent.succeeded' | 'payment_intent.payment_failed',
    intentId: string,
  ) => {
    const intent = stripe.intents.get(intentId);
    if (!intent) return;
    const stripeEvent = {
      id: `evt_${event.id}_${eventSeq++}`,
      type,
      livemode: false,
      data: {
        object: {
          id: intentId,
          amount: intent.amount,
          amount_received: type === 'payment_intent.succeeded' ? intent.amount : 0,
          currency: intent.currency,
          metadata: { sessionId: intent.sessionId },
        },
      },
    } as unknown as Stripe.Event;
    delivered.push(stripeEvent);
    await handleStripeEvent(db, stripeEvent, logger, stripe);
  };

  for (const step of ops) {
    const session = 'session' in step ? sessions[step.session % Math.max(sessions.length, 1)] : undefined;
    try {
      switch (step.kind) {
        case 'create': {
          const tier = event.tiers[step.tier] as { id: string };
          const created = await createSession(
            db,
            buyer,
            {
              eventId: event.id,
              items: [{ tierId: tier.id, quantity: step.quantity }],
              customerEmail: 'p@example.com',
            },
            links,
          );
          sessions.push(created);
          break;
        }
        case 'change':
          if (session) {
            const tier = event.tiers[step.tier] as { id: string };
            const caller = { ...buyer, clientSecret: session.clientSecret };
            await updateSessionItems(
              db,
              caller,
              session.id,
              [{ tierId: tier.id, quantity: step.quantity }],
              links,
            );
          }
          break;
        case 'pay':
          if (session)
            await startPayment(db, stripe, { ...buyer, clientSecret: session.clientSecret }, session.id);
          break;
        case 'succeedUnheard': {
          // The buyer paid, and the webhook never comes: only the worker asking Stripe can settle it.
          const intentId = session && (await intentOf(session.id));
          const intent = intentId ? stripe.intents.get(intentId) : undefined;
          if (intent && intent.status !== 'canceled') intent.status = 'succeeded';
          break;
        }
        case 'succeed':
        case 'fail': {
          const intentId = session && (await intentOf(session.id));
          const intent = intentId ? stripe.intents.get(intentId) : undefined;
          // Stripe never lets a cancelled or already paid intent be paid (or fail) again.
          if (!intentId || !intent || intent.status === 'canceled' || intent.status === 'succeeded') break;
          if (step.kind === 'succeed') intent.status = 'succeeded';
          await deliver(
            step.kind === 'succeed' ? 'payment_intent.succeeded' : 'payment_intent.payment_failed',
            intentId,
          );
          break;
        }
        case 'cancel':
          if (session)
            await cancelSession(db, { ...buyer, clientSecret: session.clientSecret }, session.id, links);
          break;
        case 'expire':
          if (session) {
            await db
              .updateTable('checkout_sessions')
              .set({ expires_at: sql`now() - interval '1 second'` })
              .where('id', '=', session.id)
              .where('status', '=', 'open')
              .execute();
            await db.transaction().execute((tx) => expireDueSessions(tx, { limit: 100 }));
          }
          break;
        case 'redeliver': {
          const again = delivered[step.event % Math.max(delivered.length, 1)];
          if (again) await handleStripeEvent(db, again, logger, stripe);
          break;
        }
        case 'settle':
          await settleDueSessions(db, stripe, logger, { limit: 100 });
          break;
      }
    } catch (error) {
      // Refusals a buyer can meet are fine; anything else is a bug.
      if (!(error instanceof ApiError) || error.status >= 500) throw error;
    }
    await checkBooks(event.id, stripe, { settled: false });
  }
  // However the run went, once the worker has caught up every payment is an order or a refund.
  await settleAll(stripe);
  await checkBooks(event.id, stripe, { settled: true });
}

/** Runs the worker's settlement until nothing is due, as if its clock had moved on. */
async function settleAll(stripe: FakeStripe) {
  for (let pass = 0; pass < 10; pass++) {
    await db
      .updateTable('checkout_sessions')
      .set({ settle_at: sql`now()` })
      .where('settle_at', 'is not', null)
      .execute();
    const { checked } = await settleDueSessions(db, stripe, logger, { limit: 100 });
    if (checked === 0) return;
  }
}

async function intentOf(sessionId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('checkout_sessions')
    .select('payment_intent_id')
    .where('id', '=', sessionId)
    .executeTakeFirst();
  return row?.payment_intent_id ?? undefined;
}

async function checkBooks(eventId: string, stripe: FakeStripe, options: { settled: boolean }) {
  const tiers = await db.selectFrom('tiers').selectAll().where('event_id', '=', eventId).execute();
  for (const tier of tiers) {
    expect(tier.sold + tier.reserved).toBeLessThanOrEqual(tier.stock);
    const tickets = await db
      .selectFrom('tickets')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('tier_id', '=', tier.id)
      .executeTakeFirstOrThrow();
    expect(tickets.n, `sold equals tickets issued for ${tier.name}`).toBe(tier.sold);
    const held = await db
      .selectFrom('checkout_session_items as i')
      .innerJoin('checkout_sessions as s', 's.id', 'i.session_id')
      .select(sql<number>`coalesce(sum(i.quantity), 0)::int`.as('n'))
      .where('i.tier_id', '=', tier.id)
      .where('s.status', '=', 'open')
      .executeTakeFirstOrThrow();
    expect(held.n, `reserved equals what open sessions hold for ${tier.name}`).toBe(tier.reserved);
  }
  const sessions = await db
    .selectFrom('checkout_sessions')
    .selectAll()
    .where('event_id', '=', eventId)
    .execute();
  for (const s of sessions) {
    const intent = s.payment_intent_id ? stripe.intents.get(s.payment_intent_id) : undefined;
    const orders = await db
      .selectFrom('orders')
      .select(['id', 'amount'])
      .where('session_id', '=', s.id)
      .execute();
    const refunded = [...stripe.refunds.values()].filter((pi) => pi === s.payment_intent_id).length;
    const refunding = s.payment_status === 'refund_pending' || s.payment_status === 'refunded';
    if (intent?.status === 'succeeded' && !options.settled && orders.length === 0 && !refunding) {
      // Paid but not heard of yet: the worker has not asked Stripe so far. Nothing issued or refunded.
      expect(refunded).toBe(0);
    } else if (intent?.status === 'succeeded') {
      // Paid exactly once: either tickets, or (no seats left) a refund on its way or done.
      expect(orders.length + (refunding ? 1 : 0)).toBe(1);
      if (options.settled && refunding) expect(s.payment_status).toBe('refunded');
      if (orders[0]) expect(orders[0].amount).toBe(s.amount_total);
      expect(refunded).toBeLessThanOrEqual(orders.length === 0 ? 1 : 0);
    } else {
      expect(orders).toHaveLength(0);
      expect(refunded).toBe(0);
    }
    expect(s.status === 'complete').toBe(orders.length === 1);
  }
}

it('keeps stock, tickets, orders and refunds consistent under any interleaving', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 40 }), (ops) => run(ops)),
    { numRuns: 60 },
  );
});
