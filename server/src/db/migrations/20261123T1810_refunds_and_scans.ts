import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one instead.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per Stripe refund of an order, whoever made it (the API or Stripe's dashboard). The
  // Stripe id is the key, so the API's answer and the `charge.refunded` webhook record it once.
  await db.schema
    .createTable('refunds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('refunds_order').on('refunds').column('order_id').execute();
  // The last line of defence against refunding more than was paid; Stripe's own limit is the first.
  await db.schema
    .alterTable('orders')
    .addCheckConstraint('orders_refund_within_amount', sql`amount_refunded between 0 and amount`)
    .execute();

  // The promoter's order lists: newest first, optionally of one event or one buyer.
  await db.schema
    .createIndex('orders_owner_created')
    .on('orders')
    .columns(['promoter_id', 'mode', 'created_at desc', 'id desc'])
    .execute();
  await db.schema
    .createIndex('orders_event_created')
    .on('orders')
    .columns(['event_id', 'created_at desc'])
    .execute();
  await db.schema
    .createIndex('orders_owner_buyer_email')
    .on('orders')
    .expression(sql`promoter_id, mode, lower(buyer_email)`)
    .execute();

  // Accepted door scans: at most one per ticket, which the unique constraint enforces, so two
  // scanners reading the same ticket at once record it once.
  await db.schema
    .createTable('scans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
    // The secret key the door scanner used, to tell doors apart afterwards.
    .addColumn('key_id', 'text', (c) => c.references('api_keys.id'))
    .addColumn('scanned_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('scans_ticket_once', ['ticket_id'])
    .execute();
  await db.schema.createIndex('scans_event').on('scans').column('event_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('scans').execute();
  await db.schema.dropIndex('orders_owner_buyer_email').execute();
  await db.schema.dropIndex('orders_event_created').execute();
  await db.schema.dropIndex('orders_owner_created').execute();
  await db.schema.alterTable('orders').dropConstraint('orders_refund_within_amount').execute();
  await db.schema.dropTable('refunds').execute();
}
