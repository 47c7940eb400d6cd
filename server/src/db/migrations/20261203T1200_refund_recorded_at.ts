import { type Kysely, sql } from 'kysely';

// Frozen. When the API recorded each refund: Stripe's `created` counts whole seconds, so two
// refunds of one order in the same second need this to list them oldest first, the same way on
// every read. Refunds from before get the time of this migration, their order by Stripe's time.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('refunds')
    // clock_timestamp, not now(): refunds recorded in one transaction still come in their order.
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('refunds').dropColumn('recorded_at').execute();
}
