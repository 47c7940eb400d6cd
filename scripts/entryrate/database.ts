import path from 'node:path';
import { sql } from 'kysely';
import type { Config } from '../../server/src/config.ts';
import { createDatabase, type Database } from '../../server/src/db/database.ts';
import { embeddedDatabaseUrl, startEmbeddedPostgres } from '../../server/src/db/embedded.ts';
import { migrateToLatest } from '../../server/src/db/migrate.ts';

export interface CliDatabase {
  db: Database;
  /** Closes the pool, and stops the embedded server if this process started it. */
  close(): Promise<void>;
}

/**
 * The database `npm start` uses: DATABASE_URL when set; otherwise the embedded PostgreSQL that a
 * running `npm start` serves on PG_PORT (only one process may run a data directory, so the CLI
 * joins it rather than start a second); otherwise that embedded server, started for this one
 * command and stopped after it. The schema is brought up to date in every case, as npm start does.
 */
export async function openDatabase(config: Readonly<Config>): Promise<CliDatabase> {
  if (config.databaseUrl)
    return migrated(createDatabase(config.databaseUrl, { poolSize: 2 }), 'DATABASE_URL');

  const running = createDatabase(embeddedDatabaseUrl(config.pgPort), { poolSize: 2 });
  if (await answers(running, config.pgPort)) return migrated(running, `port ${config.pgPort}`);
  await running.destroy();

  const dataDir = path.join(config.dataDir, 'pg');
  console.error(
    `No PostgreSQL on port ${config.pgPort}: starting the embedded one in ${dataDir} for this command.`,
  );
  const pg = await startEmbeddedPostgres({ dataDir, port: config.pgPort });
  return migrated(createDatabase(pg.url, { poolSize: 2 }), dataDir, () => pg.stop());
}

/** The database brought up to date, or closed (and `stop` run) with an error naming `where` it is. */
async function migrated(db: Database, where: string, stop = async () => {}): Promise<CliDatabase> {
  const close = async () => {
    await db.destroy();
    await stop();
  };
  try {
    await migrateToLatest(db);
  } catch (error) {
    await close();
    throw new Error(`The database at ${where}: ${(error as Error).message}`, { cause: error });
  }
  return { db, close };
}

/**
 * Whether the embedded server of `npm start` answers on `port`. Nothing listening is the one
 * answer that means "start it here"; anything else on the port (another PostgreSQL, a server still
 * starting) is for the operator to sort out, not for a second server to fight over.
 */
async function answers(db: Database, port: number): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'ECONNREFUSED') return false;
    await db.destroy();
    throw new Error(
      `Port ${port} answers but not as the embedded PostgreSQL of npm start (${(error as Error).message}): ` +
        'set PG_PORT to its port, or DATABASE_URL to the database to use.',
    );
  }
}
