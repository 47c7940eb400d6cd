import type { Logger } from 'pino';
import { type App, createApp } from './app.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { liveModeWarning } from './promoters/live-mode.ts';

export interface RunningApi {
  app: App;
  db: Database;
  url: string;
  /** Graceful: no new connections, requests in flight and the worker's pass finish, then the pool closes. */
  stop(): Promise<void>;
}

/**
 * What every way of running the API does: the app opens its pool, migrates (under an advisory
 * lock, so processes starting together are safe), warns about live mode, then listens and starts
 * the worker. `prepare` runs between migrating and listening (the demo seeds its promoter there).
 */
export async function startApi(
  config: Readonly<Config> & { databaseUrl: string },
  options: { logger: Logger; prepare?: (db: Database) => Promise<unknown> },
): Promise<RunningApi> {
  const { logger } = options;
  const app = createApp(config, { logger });
  const { db } = app.deps;
  try {
    await migrateToLatest(db);
    await options.prepare?.(db);
    const liveModeOff = await liveModeWarning(db, config.stripe);
    if (liveModeOff) logger.warn(liveModeOff);
    const { url } = await app.start();
    // The app owns its pool: its stop closes it, after the requests in flight and the worker.
    return { app, db, url, stop: () => app.stop() };
  } catch (error) {
    await app.stop();
    throw error;
  }
}
