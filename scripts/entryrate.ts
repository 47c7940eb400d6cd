import path from 'node:path';
import { loadConfig } from '../server/src/config.ts';
import { createDatabase, type Database, migrateToLatest } from '../server/src/db/database.ts';
import { type EmbeddedPg, startEmbeddedPostgres } from '../server/src/db/embedded.ts';
import { createPromoterWithKeys } from '../server/src/promoters/api-keys.service.ts';

// `npm run entryrate -- <command>`: operator commands against the same database as `npm start`
// (DATABASE_URL, or the embedded PostgreSQL in DATA_DIR on PG_PORT).
const USAGE = `Usage:
  npm run entryrate -- promoter create "<name>"   a promoter with a test key and a live key`;

const [command, action, ...rest] = process.argv.slice(2);
if (command !== 'promoter' || action !== 'create' || rest.length !== 1 || !rest[0]?.trim()) {
  console.error(USAGE);
  process.exit(1);
}
const name = rest[0].trim();
if (name.length > 200) fail('The promoter name is longer than 200 characters.');

const config = (() => {
  try {
    return loadConfig();
  } catch (error) {
    return fail((error as Error).message);
  }
})();

const pg = config.databaseUrl ? null : await startEmbedded();
const db = createDatabase(config.databaseUrl ?? (pg?.url as string), { poolSize: 2 });
try {
  await migrateToLatest(db);
  await printPromoter(db, name);
} finally {
  await db.destroy();
  await pg?.stop();
}

async function printPromoter(db: Database, name: string): Promise<void> {
  const { promoterId, testKey, liveKey } = await createPromoterWithKeys(db, name);
  console.log(`
  Promoter created: ${name}

  id:        ${promoterId}
  test key:  ${testKey}
  live key:  ${liveKey}

  These keys are shown only once: store them now. EntryRate keeps only their hashes;
  a lost key is revoked and replaced through /v1/api-keys.`);
  if (config.stripe.sim) {
    console.log(`
  Live keys are refused (403) while the server runs against the stripe-sim: set
  STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET to use live mode.`);
  }
  console.log('');
}

/** The embedded PostgreSQL of `npm start`, which only one process may run on a data directory. */
async function startEmbedded(): Promise<EmbeddedPg> {
  const dataDir = path.join(config.dataDir, 'pg');
  const log: string[] = [];
  try {
    return await startEmbeddedPostgres({ dataDir, port: config.pgPort, log: (line) => log.push(line) });
  } catch (error) {
    const said = `${String(error)}\n${log.join('\n')}`;
    if (/postmaster\.pid|another postmaster/i.test(said)) {
      fail(
        `The embedded PostgreSQL in ${dataDir} is already running (is \`npm start\` up?). ` +
          'Stop npm start first, or set DATABASE_URL to reach a PostgreSQL that is running.',
      );
    }
    return fail(`Could not start the embedded PostgreSQL in ${dataDir}:\n${said.trim()}`);
  }
}

function fail(message: string): never {
  console.error(`\nentryrate: ${message}\n`);
  process.exit(1);
}
