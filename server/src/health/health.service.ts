import type { Database } from '../db/database.ts';
import { pendingMigrations } from '../db/migrate.ts';

export interface Readiness {
  status: 'ready' | 'unavailable';
  database: 'up' | 'down';
  /** Migrations this code expects that the database has not run (a release step still to come). */
  pendingMigrations: string[];
}

/** Whether this process can serve: the database answers and its schema is the one the code expects. */
export async function readiness(db: Database): Promise<Readiness> {
  const pending = await pendingMigrations(db).catch(() => null);
  if (!pending) return { status: 'unavailable', database: 'down', pendingMigrations: [] };
  return {
    status: pending.length === 0 ? 'ready' : 'unavailable',
    database: 'up',
    pendingMigrations: pending,
  };
}
