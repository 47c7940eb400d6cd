import type { Executor } from '../db/database.ts';

/** Records a Stripe event id; false when it was already processed (a redelivery). */
export async function recordStripeEvent(db: Executor, event: { id: string; type: string }): Promise<boolean> {
  const row = await db
    .insertInto('stripe_events')
    .values({ id: event.id, type: event.type })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
