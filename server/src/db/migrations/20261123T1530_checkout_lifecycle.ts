import { type Kysely, sql } from 'kysely';

// Frozen. Holds expire and sessions can be cancelled, so the Stripe side of a session needs
// settling after the fact: a PaymentIntent to cancel, or a late payment to refund.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('checkout_sessions')
    .addColumn('payment_status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('unpaid')
        .check(sql`payment_status in ('unpaid', 'paid', 'refund_pending', 'refunded')`),
    )
    .addColumn('intent_cancel_pending', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await sql`update checkout_sessions set payment_status = 'paid' where status = 'complete'`.execute(db);
  await db.schema
    .createIndex('checkout_sessions_stripe_pending')
    .on('checkout_sessions')
    .column('id')
    .where(sql<boolean>`intent_cancel_pending or payment_status = 'refund_pending'`)
    .execute();

  await db.schema
    .alterTable('tiers')
    .addColumn('sales_start', 'timestamptz')
    .addColumn('sales_end', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('checkout_session_items_tier')
    .on('checkout_session_items')
    .column('tier_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('checkout_session_items_tier').execute();
  await db.schema.alterTable('tiers').dropColumn('sales_start').dropColumn('sales_end').execute();
  await db.schema.dropIndex('checkout_sessions_stripe_pending').execute();
  await db.schema
    .alterTable('checkout_sessions')
    .dropColumn('payment_status')
    .dropColumn('intent_cancel_pending')
    .execute();
}
