import { type Kysely, sql } from 'kysely';

// Frozen. Agencies and key kinds: a promoter may be managed by another (its agency), whose admin
// keys act for it; a key has a kind (`secret` acts for its own promoter, `admin` also for the
// promoters its promoter manages) and remembers when it was last used (to the minute).
// The kind check is a named constraint, so a later migration widens it by dropping and re-adding
// `api_keys_kind_check` (issue 13 adds 'scanner').
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('promoters')
    .addColumn('agency_id', 'text', (c) => c.references('promoters.id'))
    .execute();
  // An agency's promoter list, oldest first.
  await db.schema
    .createIndex('promoters_agency')
    .on('promoters')
    .columns(['agency_id', 'created_at'])
    .where(sql<boolean>`agency_id is not null`)
    .execute();

  await db.schema
    .alterTable('api_keys')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('secret'))
    .addColumn('last_used_at', 'timestamptz')
    .execute();
  await sql`alter table api_keys add constraint api_keys_kind_check check (kind in ('secret', 'admin'))`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_keys').dropColumn('last_used_at').dropColumn('kind').execute();
  await db.schema.dropIndex('promoters_agency').execute();
  await db.schema.alterTable('promoters').dropColumn('agency_id').execute();
}
