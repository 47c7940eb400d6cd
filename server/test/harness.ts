import pg from 'pg';
import { afterEach, inject } from 'vitest';
import { type App, createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createDatabase, type Database } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { randomToken } from '../src/lib/ids.ts';
import { openApiDocumentOf } from '../src/openapi/openapi.routes.ts';
import type { PaymentGateway } from '../src/payments/payment-gateway.ts';
import { responseContract, type Violation } from './response-contract.ts';

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

/**
 * What the test servers answered that their OpenAPI document does not describe: an undocumented
 * status, a body off its schema, an error code not listed. The test that caused it fails.
 */
const violations: Violation[] = [];

function assertNoViolations(): void {
  const found = violations.splice(0);
  if (found.length === 0) return;
  const lines = found.map((v) => `  ${v.request} -> ${v.status}: ${v.problem}`);
  throw new Error(`The API answered what its OpenAPI document does not say:\n${lines.join('\n')}`);
}

// Registered by every test file that starts a server (each file loads this module afresh).
afterEach(assertNoViolations);

export interface TestServer {
  app: App;
  url: string;
  db: Database;
  stop(): Promise<void>;
}

/**
 * The API in-process on a free port against its own database, with the demo promoter seeded.
 * The worker does not run on its own unless asked: tests call `app.worker.runOnce()` when they mean it.
 * Every answer is checked against the app's OpenAPI document (see `violations`).
 */
export async function startTestServer(
  options: { env?: NodeJS.ProcessEnv; payments?: PaymentGateway; startWorker?: boolean } = {},
): Promise<TestServer> {
  const database = await createTestDatabase();
  await seedDemo(database.db, { holdMinutes: 15 });
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ...options.env });
  const contract = responseContract({
    document: () => openApiDocumentOf(app.routers, config.publicUrl),
    onViolation: (violation) => violations.push(violation),
  });
  const app = createApp(
    { ...config, databaseUrl: database.url },
    {
      db: database.db,
      middleware: [contract],
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
      assertNoViolations();
    },
  };
}
