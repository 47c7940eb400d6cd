import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createDatabase } from '../src/db/database.ts';
import { type EmbeddedPg, startEmbeddedPostgres } from '../src/db/embedded.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { DEMO_EVENT_ID, seedDemo } from '../src/demo/seed.ts';
import { api } from './api.ts';

// While PostgreSQL is unreachable, every request that needs it is a 503 `service.unavailable`
// with Retry-After, never a 500; once it is back, the same server answers again.

/** A port nothing listens on (for now): bound by us, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The API against `databaseUrl`, owning its pool as production does; no worker. */
async function startApp(databaseUrl: string): Promise<{ app: App; url: string }> {
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent' });
  const app = createApp({ ...config, databaseUrl }, { startWorker: false });
  const { url } = await app.start();
  return { app, url };
}

/** The three kinds of request the outage must not turn into 500s. */
function requests(url: string) {
  const client = api(url);
  return {
    widget: () => client.get(`/v1/widget/events/${DEMO_EVENT_ID}`, { key: null }),
    promoter: () => client.get('/v1/events'),
    checkout: (tierId = 'tier_unknown') =>
      client.post(
        '/v1/checkout/sessions',
        { eventId: DEMO_EVENT_ID, items: [{ tierId, quantity: 1 }], customerEmail: 'down@example.com' },
        { key: null, idempotencyKey: `down-${Math.random()}` },
      ),
  };
}

function expectUnavailable(res: { status: number; headers: Headers; body: any }) {
  expect(res.status, JSON.stringify(res.body)).toBe(503);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(res.body).toEqual({
    error: {
      code: 'service.unavailable',
      message: expect.any(String),
      docs: expect.stringContaining('#service.unavailable'),
      requestId: expect.stringMatching(/^req_/),
    },
  });
}

describe('with no PostgreSQL listening at all', () => {
  let server: { app: App; url: string };
  beforeAll(async () => {
    server = await startApp(`postgres://postgres:x@127.0.0.1:${await closedPort()}/entryrate`);
  });
  afterAll(() => server?.app.stop());

  it('answers 503 service.unavailable with Retry-After on widget, promoter and checkout routes', async () => {
    const r = requests(server.url);
    expectUnavailable(await r.widget());
    expectUnavailable(await r.promoter());
    expectUnavailable(await r.checkout());
  });

  it('still answers what needs no database', async () => {
    expect((await api(server.url).get('/health', { key: null })).status).toBe(200);
    expect((await api(server.url).get('/ready', { key: null })).status).toBe(503);
  });
});

describe('when PostgreSQL stops and comes back', () => {
  let dir: string;
  let pg: EmbeddedPg | undefined;
  let port: number;
  let server: { app: App; url: string };
  let tierId: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'entryrate-down-pg-'));
    // PostgreSQL runs as its own user when we are root, so it must be able to enter the directory.
    await chmod(dir, 0o755);
    port = await closedPort();
    pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port });
    const db = createDatabase(pg.url);
    await migrateToLatest(db);
    await seedDemo(db, { holdMinutes: 15 });
    await db.destroy();
    server = await startApp(pg.url);
  }, 120_000);

  afterAll(async () => {
    await server?.app.stop();
    await pg?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('answers normally, then 503 while it is down, then normally again without a restart', async () => {
    const r = requests(server.url);
    const widget = await r.widget();
    expect(widget.status).toBe(200);
    tierId = widget.body.tiers[0].id;
    expect((await r.promoter()).status).toBe(200);
    expect((await r.checkout(tierId)).status).toBe(201);

    await pg?.stop();
    pg = undefined;
    // Twice each: the first meets the pool's dropped connections, the second a refused connect.
    for (let i = 0; i < 2; i++) {
      expectUnavailable(await r.widget());
      expectUnavailable(await r.promoter());
      expectUnavailable(await r.checkout(tierId));
    }

    pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port });
    expect((await r.widget()).status).toBe(200);
    expect((await r.promoter()).status).toBe(200);
    expect((await r.checkout(tierId)).status).toBe(201);
  }, 120_000);
});
