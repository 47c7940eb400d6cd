import { type Kysely, sql } from 'kysely';

// Frozen. A promoter's Stripe Connect account: where its payouts are read from, and how Stripe's
// Connect events (`event.account`) find the promoter.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('promoters')
    .addColumn('stripe_account_id', 'text', (c) => c.unique())
    .execute();
  // The demo promoter of databases seeded before this migration.
  await sql`update promoters set stripe_account_id = 'acct_demo_strange_brew'
    where id = 'pr_demo_strange_brew' and stripe_account_id is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('promoters').dropColumn('stripe_account_id').execute();
}
