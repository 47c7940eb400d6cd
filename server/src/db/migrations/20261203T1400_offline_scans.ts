import { type Kysely, sql } from 'kysely';

// Frozen. Scans made offline (issue 13): every accepted-path scan a device makes is an attempt with
// the device's own id for it, so a re-upload never counts twice; the ticket's admission (`scans`)
// is the earliest attempt, wherever it was made, and names its gate.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('scans').addColumn('gate', 'text').execute();
  await db.schema
    .createTable('scan_attempts')
    .addColumn('promoter_id', 'text', (c) => c.notNull().references('promoters.id'))
    .addColumn('scan_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text')
    .addColumn('gate', 'text')
    .addColumn('scanned_at', 'timestamptz', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('scan_attempts_pk', ['promoter_id', 'scan_id'])
    .execute();
  await db.schema.createIndex('scan_attempts_ticket').on('scan_attempts').column('ticket_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('scan_attempts').execute();
  await db.schema.alterTable('scans').dropColumn('gate').execute();
}
