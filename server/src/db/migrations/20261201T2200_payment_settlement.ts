import { type Kysely, sql } from 'kysely';

// Frozen. A session's Stripe side is settled by the worker on a schedule of its own: when to ask
// Stripe next (`settle_at`, null once nothing is owed or the worker gave up), how often it failed
// in a row, and the last error. Stripe events that were ignored say why. Free orders have no
// PaymentIntent.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('checkout_sessions')
    .addColumn('settle_at', 'timestamptz')
    .addColumn('settle_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('settle_error', 'text')
    .execute();
  // Every session whose PaymentIntent may still move money is due for a look at once.
  await sql`update checkout_sessions set settle_at = now()
    where intent_cancel_pending or payment_status = 'refund_pending'
       or (payment_intent_id is not null and payment_status = 'unpaid')`.execute(db);
  await db.schema.dropIndex('checkout_sessions_stripe_pending').execute();
  await db.schema
    .createIndex('checkout_sessions_settle_due')
    .on('checkout_sessions')
    .column('settle_at')
    .where(sql<boolean>`settle_at is not null`)
    .execute();

  await db.schema.alterTable('stripe_events').addColumn('ignored_reason', 'text').execute();
  await db.schema
    .alterTable('orders')
    .alterColumn('payment_intent_id', (c) => c.dropNotNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('orders')
    .alterColumn('payment_intent_id', (c) => c.setNotNull())
    .execute();
  await db.schema.alterTable('stripe_events').dropColumn('ignored_reason').execute();
  await db.schema.dropIndex('checkout_sessions_settle_due').execute();
  await db.schema
    .createIndex('checkout_sessions_stripe_pending')
    .on('checkout_sessions')
    .column('id')
    .where(sql<boolean>`intent_cancel_pending or payment_status = 'refund_pending'`)
    .execute();
  await db.schema
    .alterTable('checkout_sessions')
    .dropColumn('settle_at')
    .dropColumn('settle_attempts')
    .dropColumn('settle_error')
    .execute();
}
