import { type Kysely, sql } from 'kysely';

// Frozen. Rate-limit counters live one window; losing them in a crash costs nothing, while
// writing each increment to the WAL made the counter row a second hot spot in an on-sale.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table rate_limits set unlogged`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table rate_limits set logged`.execute(db);
}
