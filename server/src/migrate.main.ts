import { loadConfigOrExit } from './config.ts';
import { createDatabase } from './db/database.ts';
import { migrateToLatest, pendingMigrations } from './db/migrate.ts';

// `npm run migrate`: the schema up to date and nothing else, for a release step before new
// processes start (they would migrate too, under the same lock; this makes it one visible step).
const { databaseUrl } = loadConfigOrExit('entryrate migrate');
if (!databaseUrl) {
  console.error('entryrate migrate: DATABASE_URL is not set.');
  process.exit(1);
}
const db = createDatabase(databaseUrl, { poolSize: 1 });
try {
  const pending = await pendingMigrations(db);
  await migrateToLatest(db);
  console.log(pending.length ? `Applied ${pending.length}: ${pending.join(', ')}` : 'Already up to date.');
} catch (error) {
  console.error(`entryrate migrate: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
