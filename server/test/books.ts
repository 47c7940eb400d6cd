import { sql } from 'kysely';
import type Stripe from 'stripe';
import type { Database } from '../src/db/database.ts';

/**
 * Whether an event's books balance, as every fault test checks after its fault: sold equals the
 * tickets issued, reserved equals what open sessions hold, and every PaymentIntent the server
 * made that Stripe says succeeded has exactly one order or a refund (never both, never two
 * orders), while one that did not succeed has neither. Answers what is wrong, one line each.
 */
export async function unbalancedBooks(db: Database, eventId: string, stripe: Stripe): Promise<string[]> {
  const wrong: string[] = [];
  const tiers = await db.selectFrom('tiers').selectAll().where('event_id', '=', eventId).execute();
  for (const tier of tiers) {
    const [tickets, held] = await Promise.all([
      db
        .selectFrom('tickets')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('tier_id', '=', tier.id)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('checkout_session_items as i')
        .innerJoin('checkout_sessions as s', 's.id', 'i.session_id')
        .select(sql<number>`coalesce(sum(i.quantity), 0)::int`.as('n'))
        .where('i.tier_id', '=', tier.id)
        .where('s.status', '=', 'open')
        .executeTakeFirstOrThrow(),
    ]);
    if (tickets.n !== tier.sold) wrong.push(`${tier.name}: sold ${tier.sold}, tickets issued ${tickets.n}`);
    if (held.n !== tier.reserved) wrong.push(`${tier.name}: reserved ${tier.reserved}, open holds ${held.n}`);
    if (tier.sold + tier.reserved > tier.stock) wrong.push(`${tier.name}: oversold`);
  }
  const sessions = await db
    .selectFrom('checkout_sessions')
    .select(['id', 'payment_intent_id', 'payment_status', 'status'])
    .where('event_id', '=', eventId)
    .where('payment_intent_id', 'is not', null)
    .execute();
  for (const session of sessions) {
    const intentId = session.payment_intent_id as string;
    const [intent, refunds, orders] = await Promise.all([
      stripe.paymentIntents.retrieve(intentId),
      stripe.refunds.list({ payment_intent: intentId, limit: 100 }),
      db
        .selectFrom('orders')
        .select(['id', 'session_id'])
        .where('payment_intent_id', '=', intentId)
        .execute(),
    ]);
    const refunded = refunds.data
      .filter((r) => r.status === 'succeeded')
      .reduce((sum, r) => sum + r.amount, 0);
    const outcome = `${orders.length} order(s), ${refunded} refunded`;
    if (intent.status === 'succeeded') {
      const once =
        (orders.length === 1 && refunded === 0) || (orders.length === 0 && refunded === intent.amount);
      if (!once) wrong.push(`${intentId} succeeded (${session.id} ${session.status}): ${outcome}`);
    } else if (orders.length > 0 || refunded > 0) {
      wrong.push(`${intentId} is ${intent.status}: ${outcome}`);
    }
  }
  return wrong;
}
