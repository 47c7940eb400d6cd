import { PassThrough } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { DEMO_EVENT_ID } from '../src/demo/seed.ts';
import { createLogger } from '../src/logger.ts';
import { api } from './api.ts';
import { createTestDatabase, startTestServer, type TestServer } from './harness.ts';

// How the server starts, reports and stops, as a load balancer and a deploy see it.

describe('/health and /ready', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  it('answers /health from the process and /ready from a migrated database', async () => {
    const health = await api(server.url).get('/health', { key: null });
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok' });
    const ready = await api(server.url).get('/ready', { key: null });
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', database: 'up', pendingMigrations: [] });
  });

  it('is not ready while a migration this code expects has not run', async () => {
    const [last] = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`
      .execute(server.db)
      .then((r) => r.rows);
    await sql`delete from kysely_migration where name = ${last?.name}`.execute(server.db);
    try {
      const ready = await api(server.url).get('/ready', { key: null });
      expect(ready.status).toBe(503);
      expect(ready.headers.get('retry-after')).toBeTruthy();
      expect(ready.body).toMatchObject({
        status: 'unavailable',
        database: 'up',
        pendingMigrations: [last?.name],
      });
      expect((await api(server.url).get('/health', { key: null })).status).toBe(200);
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${last?.name}, now())`.execute(
        server.db,
      );
    }
  });
});

it('stays alive on /health but is not ready when PostgreSQL cannot be reached', async () => {
  const unreachable = 'postgres://nobody:nothing@127.0.0.1:1/nothing';
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent' });
  const app = createApp({ ...config, databaseUrl: unreachable }, { startWorker: false });
  const { url } = await app.start();
  try {
    expect((await api(url).get('/health', { key: null })).status).toBe(200);
    const ready = await api(url).get('/ready', { key: null });
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'unavailable', database: 'down' });
  } finally {
    await app.stop();
  }
});

it('logs one readable line per request at debug', async () => {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk) => {
    text += chunk.toString();
  });
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'debug' });
  const logger = createLogger({ logLevel: 'debug', production: false }, out);
  const app = createApp(
    { ...config, databaseUrl: 'postgres://nobody@127.0.0.1:1/x' },
    { logger, startWorker: false },
  );
  const { url } = await app.start();
  try {
    await api(url).get('/health', { key: null });
    await api(url).get('/v1/no-such-route', { key: null });
  } finally {
    await app.stop();
  }
  const requests = text.split('\n').filter((line) => line.includes('DEBUG:'));
  expect(requests).toHaveLength(2);
  expect(requests[0]).toMatch(/DEBUG: GET \/health 200 \{"ms":[\d.]+,"requestId":"req_\w+"\}$/);
  expect(requests[1]).toMatch(/DEBUG: GET \/v1\/no-such-route 404 /);
});

it('migrates once when several processes start against one database at the same moment', async () => {
  const fresh = await createTestDatabase();
  try {
    // createTestDatabase migrated it; start from an empty schema again, as a first deploy would.
    await sql`drop schema public cascade; create schema public`.execute(fresh.db);
    const pools = Array.from({ length: 6 }, () => createDatabase(fresh.url, { poolSize: 2 }));
    try {
      const results = await Promise.allSettled(pools.map((db) => migrateToLatest(db)));
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    } finally {
      await Promise.all(pools.map((db) => db.destroy()));
    }
    const runs = await sql<{ name: string; n: number }>`
      select name, count(*)::int as n from kysely_migration group by name having count(*) > 1`.execute(
      fresh.db,
    );
    expect(runs.rows).toEqual([]);
    const tables = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.tables where table_name = 'checkout_sessions'`.execute(
      fresh.db,
    );
    expect(tables.rows[0]?.n).toBe(1);
  } finally {
    await fresh.drop();
  }
});

describe('a graceful stop', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  it('refuses new connections but finishes the request in flight before it closes', async () => {
    const tier = await server.db
      .selectFrom('tiers')
      .select('id')
      .where('event_id', '=', DEMO_EVENT_ID)
      .executeTakeFirstOrThrow();

    // Hold the tier's row lock, so a checkout for it is still running when the stop begins.
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const blocker = server.db.transaction().execute(async (tx) => {
      await sql`select 1 from tiers where id = ${tier.id} for update`.execute(tx);
      locked();
      await released;
    });
    await isLocked;

    try {
      const inFlight = api(server.url).post(
        '/v1/checkout/sessions',
        {
          eventId: DEMO_EVENT_ID,
          items: [{ tierId: tier.id, quantity: 1 }],
          customerEmail: 'late@example.com',
        },
        { key: null },
      );
      await waitFor(async () => {
        const waiting = await sql<{ n: number }>`
          select count(*)::int as n from pg_stat_activity
          where wait_event_type = 'Lock' and datname = current_database()`.execute(server.db);
        return (waiting.rows[0]?.n ?? 0) > 0;
      });

      let stopped = false;
      const stopping = server.app.stop({ graceMs: 20_000 }).then(() => {
        stopped = true;
      });
      // The listening socket is closed at once: a new client cannot connect.
      await waitFor(() =>
        fetch(`${server.url}/health`).then(
          () => false,
          () => true,
        ),
      );
      expect(stopped).toBe(false);

      release();
      await blocker;
      const answer = await inFlight;
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ status: 'open', eventId: DEMO_EVENT_ID });
      await stopping;
      expect(stopped).toBe(true);
    } finally {
      release(); // never leave the transaction waiting, even when an expectation fails
    }
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('timed out waiting');
}
