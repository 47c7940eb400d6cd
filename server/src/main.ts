import path from 'node:path';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createDatabase, migrateToLatest } from './db/database.ts';
import { startEmbeddedPostgres } from './db/embedded.ts';
import { createLogger } from './logger.ts';
import { liveModeWarning } from './promoters/live-mode.ts';

// The API server alone: external or embedded PostgreSQL, migrations, HTTP, graceful stop.
// `npm start` at the repository root runs the whole demo (stripe-sim, demo site) around it.
const config = loadConfig();
const logger = createLogger(config.logLevel);

const pg = config.databaseUrl
  ? null
  : await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'pg'), port: config.pgPort });
const databaseUrl = config.databaseUrl ?? (pg?.url as string);
const db = createDatabase(databaseUrl, {
  poolSize: config.databasePoolSize,
  onIdleError: (err) => logger.warn({ reason: err.message }, 'idle database connection lost'),
});
await migrateToLatest(db);
const liveModeOff = await liveModeWarning(db, config.stripe);
if (liveModeOff) logger.warn(liveModeOff);
const app = createApp({ ...config, databaseUrl }, { db, logger });
await app.start();

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await app.stop();
    await db.destroy();
    await pg?.stop();
    process.exit(0);
  });
}
