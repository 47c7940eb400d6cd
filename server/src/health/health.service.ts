import type { Database } from '../db/database.ts';
import { pendingMigrations } from '../db/migrate.ts';
import type { Readiness } from './health.schema.ts';

/** Whether this process can serve: the database answers and its schema is the one the code expects. */
export async function readiness(db: Database): Promise<Omit<Readiness, 'time'>> {
  const pending = await pendingMigrations(db).catch(() => null);
  if (!pending) return { status: 'unavailable', database: 'down', pendingMigrations: [] };
  return {
    status: pending.length === 0 ? 'ready' : 'unavailable',
    database: 'up',
    pendingMigrations: pending,
  };
}
