import { type Kysely, Migrator, sql } from 'kysely';
import { migrationProvider } from './migrations/index.ts';

// Any key of our own: held by the process that migrates, so others starting at once wait for it.
const MIGRATION_LOCK = sql`hashtext('entryrate.migrations')`;

/**
 * Brings the schema up to the latest migration; throws with the failing migration's error.
 * Several processes may start at once against one database: a session-level advisory lock on one
 * connection lets one migrate while the others wait, then find nothing left to do.
 */
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  await db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(connection);
    try {
      const migrator = new Migrator({ db: connection, provider: migrationProvider });
      const { error, results } = await migrator.migrateToLatest();
      const failed = results?.find((r) => r.status === 'Error');
      if (error) {
        throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, {
          cause: error,
        });
      }
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(connection);
    }
  });
}

/** Names of the migrations this code has that the database has not run yet. */
export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  const migrations = await new Migrator({ db, provider: migrationProvider }).getMigrations();
  return migrations.filter((m) => !m.executedAt).map((m) => m.name);
}
