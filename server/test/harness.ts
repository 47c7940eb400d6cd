import pg from 'pg';
import { inject } from 'vitest';
import { type App, createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createDatabase, type Database } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { randomToken } from '../src/lib/ids.ts';
import type { PaymentGateway } from '../src/payments/payment-gateway.ts';

/** A fresh, migrated database of its own for one test file; `drop()` removes it. */
export async function createTestDatabase(): Promise<{ url: string; db: Database; drop(): Promise<void> }> {
  const admin = new URL(inject('adminDatabaseUrl'));
  const name = `entryrate_test_${randomToken(10)}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`create database "${name}"`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const db = createDatabase(url.toString());
  await migrateToLatest(db);
  return {
    url: url.toString(),
    db,
    drop: async () => {
      await db.destroy();
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

export interface TestServer {
  app: App;
  url: string;
  db: Database;
  stop(): Promise<void>;
}

/**
 * The API in-process on a free port against its own database, with the demo promoter seeded.
 * The worker does not run on its own unless asked: tests call `app.worker.runOnce()` when they mean it.
 */
export async function startTestServer(
  options: { env?: NodeJS.ProcessEnv; payments?: PaymentGateway; startWorker?: boolean } = {},
): Promise<TestServer> {
  const database = await createTestDatabase();
  await seedDemo(database.db, { holdMinutes: 15 });
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ...options.env });
  const app = createApp(
    { ...config, databaseUrl: database.url },
    {
      db: database.db,
      startWorker: options.startWorker ?? false,
      ...(options.payments ? { payments: options.payments } : {}),
    },
  );
  const { url } = await app.start();
  return {
    app,
    url,
    db: database.db,
    stop: async () => {
      await app.stop();
      await database.drop();
    },
  };
}
