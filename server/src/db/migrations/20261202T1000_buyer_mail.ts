import { type Kysely, sql } from 'kysely';

// Frozen. Buyer mail: an outbox of mails written in the same transaction as the change that causes
// them (an order, a refund, a cancellation, a "find my tickets" request), claimed by the worker with
// SKIP LOCKED and a lease like webhook deliveries; `dedupe_key` is unique, so one change queues its
// mail once however often it is replayed. Orders gain what their ticket page link is signed with
// (a per-order key and a version that a new link increments, revoking the old one) and the state
// of the mail that carries the tickets.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('orders')
    // Orders from before mail existed were never mailed: 'none' until the promoter resends.
    .addColumn('email_status', 'text', (c) =>
      c.notNull().defaultTo('none').check(sql`email_status in ('none', 'pending', 'sent', 'failed')`),
    )
    .addColumn('email_error', 'text')
    .addColumn('ticket_link_key', 'text', (c) =>
      c.notNull().defaultTo(sql`replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')`),
    )
    .addColumn('ticket_link_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('orders')
    .alterColumn('email_status', (c) => c.setDefault('pending'))
    .execute();
  await db.schema
    .createIndex('orders_buyer_email_lower')
    .on('orders')
    .expression(sql`lower(buyer_email)`)
    .execute();

  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('order', 'refund', 'cancellation', 'ticket_links')`),
    )
    // Null for a "find my tickets" mail, which may cover several orders of several promoters.
    .addColumn('order_id', 'text', (c) => c.references('orders.id'))
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    // What the mail needs beyond the order as it is when sent (a refund's amount, the orders listed).
    .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`status in ('pending', 'sent', 'failed', 'superseded')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    // When the next attempt is due; while a worker holds the mail, when its lease runs out.
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.defaultTo(sql`now()`))
    .addColumn('lease_token', 'text')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('mail_outbox_due')
    .on('mail_outbox')
    .column('next_attempt_at')
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema.createIndex('mail_outbox_order').on('mail_outbox').columns(['order_id', 'kind']).execute();
  await db.schema
    .createIndex('mail_outbox_recipient')
    .on('mail_outbox')
    .columns(['recipient', 'created_at'])
    .where(sql.ref('kind'), '=', 'ticket_links')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mail_outbox').execute();
  await db.schema.dropIndex('orders_buyer_email_lower').execute();
  await db.schema
    .alterTable('orders')
    .dropColumn('email_status')
    .dropColumn('email_error')
    .dropColumn('ticket_link_key')
    .dropColumn('ticket_link_version')
    .execute();
}
