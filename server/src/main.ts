import { startApi } from './boot.ts';
import { loadConfigOrExit } from './config.ts';
import { createLogger } from './logger.ts';

// `npm run serve`: the API server alone, as production runs it (compiled, `node server/dist/main.js`),
// against the PostgreSQL in DATABASE_URL. It never starts a database of its own.
const config = loadConfigOrExit('EntryRate could not start');
const { databaseUrl } = config;
if (!databaseUrl) {
  console.error(
    'EntryRate could not start: DATABASE_URL is not set. `npm run serve` runs against your PostgreSQL ' +
      '(postgres://user:password@host:5432/entryrate); `npm start` runs the demo on an embedded one.',
  );
  process.exit(1);
}
const logger = createLogger(config);

const api = await startApi({ ...config, databaseUrl }, { logger }).catch((error: Error) => {
  logger.fatal({ err: error }, `EntryRate could not start: ${error.message}`);
  process.exit(1);
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // `on`, not `once`: a second signal (tsx relays one, so do impatient operators) must not cut the
  // graceful stop short; the grace period bounds it anyway.
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing requests in flight and the worker pass');
    await api.stop().catch((error) => logger.error({ err: error }, 'stop failed'));
    logger.info('stopped');
    process.exit(0);
  });
}
