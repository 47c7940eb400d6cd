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

/** Says why a recorded event changed nothing: kept beside the event id for whoever investigates. */
export async function markStripeEventIgnored(db: Executor, id: string, reason: string): Promise<void> {
  await db
    .updateTable('stripe_events')
    .set({ ignored_reason: reason.slice(0, 500) })
    .where('id', '=', id)
    .execute();
}
