import { request } from 'node:http';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EVENT_ID, DEMO_TEST_KEY, DEMO_VENUE_ID } from '../src/demo/seed.ts';
import { api } from './api.ts';
import { startTestServer, type TestServer } from './harness.ts';

// Bad input never gets a 500: each case below once did, and must now be a 4xx in the error shape.

let server: TestServer;
let client: ReturnType<typeof api>;
beforeAll(async () => {
  server = await startTestServer();
  client = api(server.url);
});
afterAll(() => server?.stop());

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

/** One request with exactly these method, headers and bytes (fetch refuses some of them). */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: Buffer | string) {
  return new Promise<Raw>((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {}
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const auth = { Authorization: `Bearer ${DEMO_TEST_KEY}` };
const json = { ...auth, 'Content-Type': 'application/json' };

function expectError(res: { status: number; body: any }, status: number, code: string, param?: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toEqual({
    error: {
      code,
      message: expect.any(String),
      ...(param ? { param } : {}),
      docs: expect.stringContaining(`#${code}`),
      requestId: expect.stringMatching(/^req_/),
    },
  });
}

const event = (overrides: Record<string, unknown> = {}) => ({
  title: 'Bad input night',
  venueId: DEMO_VENUE_ID,
  doors: '2030-05-02T19:00:00Z',
  tiers: [{ name: 'Standard', price: 1800, stock: 10 }],
  ...overrides,
});

describe('NUL bytes', () => {
  it('in a path parameter', async () => {
    expectError(await client.get('/v1/events/evt_%00x'), 400, 'request.invalid', 'id');
    expectError(await client.get('/v1/widget/events/%00', { key: null }), 400, 'request.invalid', 'id');
    expectError(await client.post('/v1/orders/ord_%00/refund', {}), 400, 'request.invalid', 'id');
  });

  it('in a query parameter', async () => {
    expectError(await client.get('/v1/events?q=a%00b'), 400, 'request.invalid', 'q');
    expectError(await client.get('/v1/orders?buyerEmail=%00'), 400, 'request.invalid', 'buyerEmail');
  });

  it('in a JSON body, naming the field', async () => {
    const body = { eventId: DEMO_EVENT_ID, items: [{ tier: 'early\u0000bird', quantity: 1 }] };
    expectError(
      await client.post(
        '/v1/checkout/sessions',
        { ...body, customerEmail: 'nul@example.com' },
        { key: null },
      ),
      400,
      'request.invalid',
      'items[0].tier',
    );
    expectError(
      await client.post('/v1/venues', { name: '\u0000', city: 'Bristol', timezone: 'UTC' }),
      400,
      'request.invalid',
      'name',
    );
  });

  it('in the body idempotency_key', async () => {
    expectError(
      await client.post('/v1/events', { ...event(), idempotency_key: 'k\u0000' }),
      400,
      'request.invalid',
      'idempotency_key',
    );
  });

  it('and unpaired surrogates, which PostgreSQL cannot store as JSON either', async () => {
    const res = await raw(
      'POST',
      '/v1/venues',
      { ...json, 'Idempotency-Key': 'surrogate-1' },
      '{"name":"\\ud800","city":"Bristol","timezone":"UTC"}',
    );
    expectError(res, 400, 'request.invalid', 'name');
  });
});

describe('deeply nested JSON', () => {
  it('with an Idempotency-Key', async () => {
    const deep = `{"title":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    const res = await raw('POST', '/v1/events', { ...json, 'Idempotency-Key': 'deep-1' }, deep);
    expectError(res, 400, 'request.invalid');
    expect(res.body.error.message).toMatch(/nest/i);
  });

  it('without one', async () => {
    const deep = `{"tiers":[${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}]}`;
    expectError(await raw('POST', '/v1/events', json, deep), 400, 'request.invalid');
  });
});

describe('Content-Encoding', () => {
  it('gzip on a body that is not gzip', async () => {
    const res = await raw('POST', '/v1/venues', { ...json, 'Content-Encoding': 'gzip' }, '{"name":"x"}');
    expectError(res, 400, 'request.invalid_encoding');
  });

  it('br and deflate garbage', async () => {
    for (const encoding of ['br', 'deflate']) {
      const res = await raw('POST', '/v1/venues', { ...json, 'Content-Encoding': encoding }, 'garbage!');
      expectError(res, 400, 'request.invalid_encoding');
    }
  });

  it('an encoding the server does not read', async () => {
    for (const encoding of ['compress', 'zstd', 'gzip, br']) {
      const res = await raw('POST', '/v1/venues', { ...json, 'Content-Encoding': encoding }, 'x');
      expectError(res, 415, 'request.unsupported_encoding');
    }
  });

  it('still reads a real gzip body', async () => {
    const body = gzipSync(JSON.stringify({ name: 'Gzip Hall', city: 'Bristol', timezone: 'Europe/London' }));
    const res = await raw('POST', '/v1/venues', { ...json, 'Content-Encoding': 'gzip' }, body);
    expect(res.status).toBe(201);
  });
});

describe('dates PostgreSQL cannot store', () => {
  it('year 0000 in a body', async () => {
    expectError(
      await client.post('/v1/events', event({ doors: '0000-01-01T00:00:00Z' })),
      400,
      'request.invalid',
      'doors',
    );
    const tiers = [{ name: 'A', price: 1, stock: 1, salesStart: '0000-06-01T00:00:00+01:00' }];
    expectError(
      await client.post('/v1/events', event({ tiers })),
      400,
      'request.invalid',
      'tiers[0].salesStart',
    );
  });

  it('years beyond what PostgreSQL keeps, and expanded years', async () => {
    for (const doors of ['+010000-01-01T00:00:00Z', '+294277-01-01T00:00:00Z', '-000001-01-01T00:00:00Z']) {
      expectError(await client.post('/v1/events', event({ doors })), 400, 'request.invalid', 'doors');
    }
  });

  it('offsets PostgreSQL refuses', async () => {
    expectError(
      await client.post('/v1/events', event({ doors: '2030-01-01T00:00:00+23:00' })),
      400,
      'request.invalid',
      'doors',
    );
  });

  it('in a query', async () => {
    expectError(await client.get('/v1/events?from=0000-01-01T00:00:00Z'), 400, 'request.invalid', 'from');
    expectError(
      await client.get('/v1/storefront/events?to=0000-12-31T00:00:00Z', { key: null }),
      400,
      'request.invalid',
      'to',
    );
    expectError(
      await client.get('/v1/payouts?arrivalFrom=0000-01-01'),
      400,
      'request.invalid',
      'arrivalFrom',
    );
  });

  it('in a PATCH', async () => {
    const created = await client.post('/v1/events', event());
    expect(created.status).toBe(201);
    expectError(
      await client.patch(`/v1/events/${created.body.id}`, { doors: '0000-01-01T00:00:00Z' }),
      400,
      'request.invalid',
      'doors',
    );
  });

  it('still takes the dates it always took', async () => {
    const created = await client.post('/v1/events', event({ doors: '2030-05-02T19:00:00.123+05:30' }));
    expect(created.status).toBe(201);
    expect(new Date(created.body.doors).toISOString()).toBe('2030-05-02T13:30:00.123Z');
  });
});

describe('methods', () => {
  it('405 with Allow for a method an endpoint does not answer', async () => {
    for (const [method, path] of [
      ['PUT', '/v1/events'],
      ['PATCH', '/v1/venues'],
      ['DELETE', `/v1/events/${DEMO_EVENT_ID}`],
      ['PUT', `/v1/widget/events/${DEMO_EVENT_ID}`],
      ['DELETE', '/v1/openapi.json'],
    ] as const) {
      const res = await raw(method, path, auth);
      expectError(res, 405, 'request.method_not_allowed');
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.headers.allow, `${method} ${path}`).toMatch(/GET/);
    }
    const res = await raw('PUT', '/v1/events', auth);
    expect(String(res.headers.allow).split(/,\s*/).sort()).toEqual(['GET', 'HEAD', 'POST']);
  });

  it('501 for a method the server does not implement at all', async () => {
    for (const method of ['PROPFIND', 'MKCOL', 'PURGE']) {
      const res = await raw(method, `/v1/events/${DEMO_EVENT_ID}`, auth);
      expectError(res, 501, 'request.method_not_implemented');
      expect(res.headers.allow).toMatch(/GET/);
    }
  });

  it('still answers OPTIONS and HEAD', async () => {
    expect((await raw('OPTIONS', '/v1/events', auth)).status).toBe(200);
    expect((await raw('HEAD', `/v1/widget/events/${DEMO_EVENT_ID}`)).status).toBe(200);
  });
});

describe('found by the property test', () => {
  it('refuses two tiers whose slugs collide once made from their names', async () => {
    for (const tiers of [
      [
        { name: 'G', price: 100, stock: 1 },
        { name: '[g', price: 100, stock: 1 },
      ],
      [
        { name: 'Early bird', price: 100, stock: 1 },
        { name: 'Second', slug: 'early-bird', price: 100, stock: 1 },
      ],
    ]) {
      const res = await client.post('/v1/events', event({ tiers }));
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'request.invalid', param: 'tiers' });
    }
  });
});

it("answers what Node's HTTP parser refuses in the error shape too", async () => {
  const unknownMethod = await rawHttp('FOO /v1/events HTTP/1.1\r\nHost: x\r\n\r\n');
  expect(unknownMethod).toMatch(/^HTTP\/1.1 400/);
  const body = unknownMethod.slice(unknownMethod.indexOf('\r\n\r\n') + 4);
  expect(JSON.parse(body).error.code).toBe('request.invalid');
  const huge = await rawHttp(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
  expect(huge).toMatch(/^HTTP\/1.1 431/);
});

/** Sends bytes as they are (fetch would refuse them) and reads the whole answer. */
function rawHttp(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const url = new URL(server.url);
    const socket = connect(Number(url.port), url.hostname, () => socket.write(text));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString();
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}
