import { type Kysely, sql } from 'kysely';

// Frozen. Every attempt of an outgoing webhook, kept for the delivery log (the delivery row holds
// only the last one). And where a delivery's retry window starts: its creation until a promoter
// resends it or re-enables its endpoint, which starts a fresh 3-day window of retries from then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('webhook_delivery_attempts')
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('endpoint_id', 'text', (c) => c.notNull())
    // The delivery's attempt count at the time: 1 for its first attempt.
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('webhook_delivery_attempts_pk', ['event_id', 'endpoint_id', 'number'])
    .addForeignKeyConstraint(
      'webhook_delivery_attempts_delivery_fk',
      ['event_id', 'endpoint_id'],
      'webhook_deliveries',
      ['event_id', 'endpoint_id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .alterTable('webhook_deliveries')
    // Null: the window starts at `created_at`.
    .addColumn('retry_from', 'timestamptz')
    // Attempts made before the window started, so backoff counts from its first attempt.
    .addColumn('retry_base', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`alter table webhook_deliveries add constraint webhook_deliveries_retry_base_check
    check (retry_base >= 0 and retry_base <= attempts)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('webhook_deliveries')
    .dropConstraint('webhook_deliveries_retry_base_check')
    .execute();
  await db.schema
    .alterTable('webhook_deliveries')
    .dropColumn('retry_base')
    .dropColumn('retry_from')
    .execute();
  await db.schema.dropTable('webhook_delivery_attempts').execute();
}
