import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type App, createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { DEMO_EVENT_ID } from '../src/demo/seed.ts';
import { type ApiResponse, api } from './api.ts';
import { startTestServer, type TestServer } from './harness.ts';

const env = { RATE_LIMIT_CHECKOUT: '5', RATE_LIMIT_PER_KEY: '7', RATE_LIMIT_KEY_MANAGEMENT: '3' };

let server: TestServer;
let client: ReturnType<typeof api>;
const others: App[] = [];
beforeAll(async () => {
  server = await startTestServer({ env });
  client = api(server.url);
});
afterAll(async () => {
  for (const app of others) await app.stop();
  await server?.stop();
});

beforeEach(async () => {
  await server.db.deleteFrom('rate_limits').execute();
  // Every window here ends on a minute boundary; a test that straddled one would see its counts reset.
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 5_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
});

/** Another server process on the same database: its own pool, its own limiters, the same counters. */
async function startInstance(overrides: Record<string, string> = {}) {
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ...env, ...overrides });
  const app = createApp({ ...config, databaseUrl: server.app.deps.config.databaseUrl as string });
  others.push(app);
  return api((await app.start()).url);
}

// The limiter counts attempts, as Stripe's does: an invalid body (400) uses up the budget too, so
// these tests post `{}` and create no sessions.
const createPublicSession = (on = client, headers: Record<string, string> = {}) =>
  on.post('/v1/checkout/sessions', {}, { key: null, headers });
const readEvent = () => client.get(`/v1/events/${DEMO_EVENT_ID}`);

const limitOf = (res: ApiResponse) => res.headers.get('x-ratelimit-limit');
const remainingOf = (res: ApiResponse) => Number(res.headers.get('x-ratelimit-remaining'));
const minuteEnd = () => Math.ceil(Date.now() / 60_000) * 60;

describe('public checkout creation', () => {
  it('counts down, then answers the 6th from one client with 429, Retry-After and the error shape', async () => {
    for (const remaining of [4, 3, 2, 1, 0]) {
      const res = await createPublicSession();
      expect(res.status).toBe(400);
      expect(limitOf(res)).toBe('5');
      expect(remainingOf(res)).toBe(remaining);
      expect(Number(res.headers.get('x-ratelimit-reset'))).toBe(minuteEnd());
    }

    const sixth = await createPublicSession(client, { Origin: 'http://localhost:5173' });
    expect(sixth.status).toBe(429);
    const retryAfter = Number(sixth.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(sixth.body.error).toEqual({
      code: 'rate_limit.exceeded',
      message: `Too many requests: 5 per minute for this client. Try again in ${retryAfter} s.`,
      docs: expect.stringMatching(/\/docs#rate_limit\.exceeded$/),
      requestId: expect.stringMatching(/^req_/),
    });
    expect(limitOf(sixth)).toBe('5');
    expect(remainingOf(sixth)).toBe(0);
    expect(Number(sixth.headers.get('x-ratelimit-reset'))).toBe(minuteEnd());
    // The widget runs on the promoter's origin and must be able to read when to retry.
    expect(sixth.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
    expect(sixth.headers.get('access-control-expose-headers')).toMatch(/X-RateLimit-Remaining/);

    // The router ignores case and a trailing slash, so the limiter does too.
    const seventh = await client.post('/V1/Checkout/Sessions/', {}, { key: null });
    expect(seventh.status).toBe(429);
    expect(remainingOf(seventh)).toBe(0);
  });
});

describe('behind a load balancer', () => {
  it('counts each buyer by X-Forwarded-For when TRUST_PROXY names the hops, and ignores it otherwise', async () => {
    const behindProxy = await startInstance({ TRUST_PROXY: '1', RATE_LIMIT_CHECKOUT: '2' });
    const from = (ip: string) => createPublicSession(behindProxy, { 'X-Forwarded-For': ip });
    expect((await from('203.0.113.1')).status).toBe(400);
    expect((await from('203.0.113.1')).status).toBe(400);
    expect((await from('203.0.113.1')).status).toBe(429);
    expect((await from('203.0.113.2')).status).toBe(400);

    // Without TRUST_PROXY a client cannot pick a fresh address per request to dodge the limit.
    for (let i = 0; i < 5; i++)
      expect((await createPublicSession(client, { 'X-Forwarded-For': `198.51.100.${i}` })).status).toBe(400);
    expect((await createPublicSession(client, { 'X-Forwarded-For': '198.51.100.99' })).status).toBe(429);
  });
});

describe('promoter API', () => {
  it('limits the demo key at 7 per 15 minutes, apart from the public checkout budget', async () => {
    expect(remainingOf(await createPublicSession())).toBe(4);
    // A session created with the key spends the key's budget, not the client's.
    const keyed = await client.post('/v1/checkout/sessions', {});
    expect(keyed.status).toBe(400);
    expect(limitOf(keyed)).toBe('7');
    expect(remainingOf(keyed)).toBe(6);
    expect(remainingOf(await createPublicSession())).toBe(3);

    for (const remaining of [5, 4, 3, 2, 1, 0]) {
      const res = await readEvent();
      expect(res.status).toBe(200);
      expect(limitOf(res)).toBe('7');
      expect(remainingOf(res)).toBe(remaining);
      expect(Number(res.headers.get('x-ratelimit-reset'))).toBe(Math.ceil(Date.now() / 900_000) * 900);
    }
    const eighth = await readEvent();
    expect(eighth.status).toBe(429);
    const retryAfter = Number(eighth.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(eighth.body.error.message).toBe(
      `Too many requests: 7 per 15 minutes for this key. Try again in ${retryAfter} s.`,
    );

    expect((await client.post('/v1/checkout/sessions', {})).status).toBe(429);
    expect(remainingOf(await createPublicSession())).toBe(2);
  });

  it('limits key management per hour by path, apart from the rest of the API', async () => {
    for (const remaining of [2, 1, 0]) {
      const res = await client.get('/v1/api-keys');
      expect(res.status).not.toBe(429);
      expect(limitOf(res)).toBe('3');
      expect(remainingOf(res)).toBe(remaining);
      expect(Number(res.headers.get('x-ratelimit-reset'))).toBe(Math.ceil(Date.now() / 3_600_000) * 3600);
    }
    const fourth = await client.post('/v1/api-keys/key_456/revoke', {});
    expect(fourth.status).toBe(429);
    expect(fourth.body.error.message).toMatch(
      /^Too many requests: 3 per hour for this key\. Try again in \d+ s\.$/,
    );
    expect((await client.get('/V1/API-KEYS/')).status).toBe(429);

    expect(remainingOf(await readEvent())).toBe(6);
  });
});

describe('what is never limited', () => {
  it('lets the Stripe webhook, /health, /docs and /widget.js through, with no X-RateLimit headers', async () => {
    for (let i = 0; i < 8; i++) {
      for (const key of [null, undefined]) {
        const webhook = await client.post(
          '/v1/stripe/webhook',
          { type: 'payment_intent.succeeded' },
          { key },
        );
        expect(webhook.status).toBe(400);
        expect(webhook.body.error.code).toBe('stripe.invalid_signature');
        expect(limitOf(webhook)).toBeNull();
      }
      for (const path of ['/health', '/docs', '/widget.js']) {
        const res = await fetch(`${server.url}${path}`, {
          headers: { Authorization: 'Bearer er_test_demo_strange_brew_local_only' },
        });
        await res.arrayBuffer();
        expect(res.status).not.toBe(429);
        expect(res.headers.get('x-ratelimit-limit')).toBeNull();
      }
    }
    expect(remainingOf(await readEvent())).toBe(6);
  });

  it('does not count CORS preflights or other OPTIONS requests', async () => {
    for (let i = 0; i < 8; i++) {
      const preflight = await fetch(`${server.url}/v1/checkout/sessions`, {
        method: 'OPTIONS',
        headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('x-ratelimit-limit')).toBeNull();
      // Not a preflight, so it reaches the limiters (and the router's Allow answer).
      const options = await fetch(`${server.url}/v1/events/${DEMO_EVENT_ID}`, {
        method: 'OPTIONS',
        headers: { Authorization: 'Bearer er_test_demo_strange_brew_local_only' },
      });
      expect(options.status).not.toBe(429);
      expect(options.headers.get('x-ratelimit-limit')).toBeNull();
    }
    expect(remainingOf(await createPublicSession())).toBe(4);
    expect(remainingOf(await readEvent())).toBe(6);
  });
});

describe('counters in PostgreSQL', () => {
  it('are shared by two app instances on the same database', async () => {
    const a = await startInstance();
    const b = await startInstance();
    const seen = [];
    for (const instance of [a, b, a, b, a]) seen.push(remainingOf(await createPublicSession(instance)));
    expect(seen).toEqual([4, 3, 2, 1, 0]);
    expect((await createPublicSession(b)).status).toBe(429);
    expect((await createPublicSession(a)).status).toBe(429);
  });

  it('let exactly 10 of 30 concurrent requests through a limit of 10, across two instances', async () => {
    const a = await startInstance({ RATE_LIMIT_CHECKOUT: '10' });
    const b = await startInstance({ RATE_LIMIT_CHECKOUT: '10' });
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => createPublicSession(i % 2 ? a : b)),
    );
    const passed = responses.filter((res) => res.status !== 429);
    expect(passed).toHaveLength(10);
    expect(passed.every((res) => res.status === 400)).toBe(true);
    // Each request that got through saw its own count: remaining 9 down to 0, once each.
    expect(passed.map(remainingOf).sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const [row] = await server.db.selectFrom('rate_limits').select('count').execute();
    expect(row?.count).toBe(30);
  });

  it('sweep rows whose window ended more than a window ago, and keep the rest', async () => {
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    await server.db
      .insertInto('rate_limits')
      .values([
        // A 1-minute window that ended 2 minutes ago: its row expired a minute ago.
        { bucket: 'checkout:10.0.0.1', window_start: minutesAgo(3), count: 9, expires_at: minutesAgo(1) },
        // A window that ended 30 s ago: kept until a whole window has passed.
        {
          bucket: 'checkout:10.0.0.2',
          window_start: minutesAgo(1.5),
          count: 9,
          expires_at: minutesAgo(-0.5),
        },
      ])
      .execute();

    // A new process sweeps on its first limited request.
    await createPublicSession(await startInstance());

    const rows = await server.db
      .selectFrom('rate_limits')
      .select(['bucket', 'window_start', 'expires_at'])
      .orderBy('bucket')
      .execute();
    expect(rows.map((r) => r.bucket)).toEqual(['checkout:10.0.0.2', 'checkout:127.0.0.1']);
    const fresh = rows[1];
    expect(fresh?.window_start.getTime()).toBe((minuteEnd() - 60) * 1000);
    expect(fresh?.expires_at.getTime()).toBe((minuteEnd() + 60) * 1000);
  });
});

describe('door scans', () => {
  it('share one budget per key across instances, counted in blocks, and the scan past it is a 429', async () => {
    // RATE_LIMIT_SCANS=200: each instance counts 2 scans at a time (scanLeaseSize).
    const a = await startInstance({ RATE_LIMIT_SCANS: '200' });
    const b = await startInstance({ RATE_LIMIT_SCANS: '200' });
    // An empty body is a 400, counted all the same, and admits no one.
    const scan = (on: typeof client) => on.post('/v1/scans', {});
    const remaining: number[] = [];
    for (let i = 0; i < 100; i++) {
      for (const on of [a, b]) {
        const res = await scan(on);
        expect(res.status).toBe(400);
        expect(limitOf(res)).toBe('200');
        remaining.push(remainingOf(res));
      }
    }
    // Each scan had a place of its own: 199 down to 0 once each, in blocks of two per instance.
    expect([...remaining].sort((x, y) => x - y)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(remaining.slice(0, 4)).toEqual([199, 197, 198, 196]);
    const [row] = await server.db.selectFrom('rate_limits').select(['bucket', 'count']).execute();
    expect(row).toEqual({ bucket: expect.stringMatching(/^scans:key_/), count: 200 });

    for (const on of [a, b]) {
      const refused = await scan(on);
      expect(refused.status).toBe(429);
      expect(remainingOf(refused)).toBe(0);
      expect(Number(refused.headers.get('x-ratelimit-reset'))).toBe(minuteEnd());
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(refused.body.error).toEqual({
        code: 'rate_limit.exceeded',
        message: `Too many requests: 200 per minute for this key. Try again in ${retryAfter} s.`,
        docs: expect.stringMatching(/\/docs#rate_limit\.exceeded$/),
        requestId: expect.stringMatching(/^req_/),
      });
    }
  });
});
