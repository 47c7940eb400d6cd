import { type Kysely, sql } from 'kysely';

// Frozen. Scanner keys (issue 13): a key of kind `scanner` only scans and reads door counts, and
// may be limited to some events (`event_ids`; null: every event of its promoter and mode).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_keys').addColumn('event_ids', sql`text[]`).execute();
  await sql`alter table api_keys drop constraint api_keys_kind_check`.execute(db);
  await sql`alter table api_keys add constraint api_keys_kind_check check (kind in ('secret', 'admin', 'scanner'))`.execute(
    db,
  );
  // Only a scanner key names events.
  await sql`alter table api_keys add constraint api_keys_event_ids_check check (event_ids is null or kind = 'scanner')`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table api_keys drop constraint api_keys_event_ids_check`.execute(db);
  await sql`delete from api_keys where kind = 'scanner'`.execute(db);
  await sql`alter table api_keys drop constraint api_keys_kind_check`.execute(db);
  await sql`alter table api_keys add constraint api_keys_kind_check check (kind in ('secret', 'admin'))`.execute(
    db,
  );
  await db.schema.alterTable('api_keys').dropColumn('event_ids').execute();
}
