import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  APIConnectionError,
  APIError,
  type ClientOptions,
  ConflictError,
  EntryRate,
  InvalidRequestError,
  VERSION,
} from '../../src/index.ts';

interface Sent {
  url: string;
  method: string;
  headers: Headers;
  body: string | null;
}

/** A client over a fake fetch that answers from `answers` in turn (a function may throw or hang). */
function fake(
  answers: (Response | ((sent: Sent, signal: AbortSignal) => Promise<Response>))[],
  options: ClientOptions = {},
) {
  const sent: Sent[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const request: Sent = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: (init?.body as string | undefined) ?? null,
    };
    sent.push(request);
    const answer = answers.shift();
    if (!answer) throw new Error('no more answers');
    return typeof answer === 'function' ? answer(request, init?.signal as AbortSignal) : answer;
  };
  const er = new EntryRate('er_test_key', { baseUrl: 'http://api.test/', fetch, ...options });
  return { er, sent };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'req_fake', ...headers },
  });
const failure = (status: number, code: string, headers: Record<string, string> = {}) =>
  json(
    status,
    { error: { code, message: code, docs: 'https://entryrate.co.uk/docs', requestId: 'req_fake' } },
    headers,
  );
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the request function', () => {
  it('sends the key, the version, Accept and the User-Agent; a body only with its Content-Type', async () => {
    const { er, sent } = fake([json(200, { data: [], pagination: {} }), json(201, { id: 'vn_1' })]);
    await er.venues.list({ limit: 5 });
    await er.venues.create({ name: 'Strange Brew', city: 'Bristol', timezone: 'Europe/London' });
    const [get, post] = sent as [Sent, Sent];
    assert.equal(get.url, 'http://api.test/v1/venues?limit=5');
    assert.equal(get.headers.get('Authorization'), 'Bearer er_test_key');
    assert.equal(get.headers.get('EntryRate-Version'), '2026-04-25');
    assert.equal(get.headers.get('Accept'), 'application/json');
    assert.equal(get.headers.get('User-Agent'), `entryrate-js/${VERSION}`);
    assert.equal(get.headers.get('Content-Type'), null);
    assert.equal(get.headers.get('Idempotency-Key'), null);
    assert.equal(post.method, 'POST');
    assert.equal(post.headers.get('Content-Type'), 'application/json');
    assert.match(post.headers.get('Idempotency-Key') ?? '', UUID_V4);
    assert.deepEqual(JSON.parse(post.body ?? ''), {
      name: 'Strange Brew',
      city: 'Bristol',
      timezone: 'Europe/London',
    });
  });

  it("names the package's own version", () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf-8'));
    assert.equal(VERSION, pkg.version);
  });

  it('sends no Authorization without a key, and takes per-call options', async () => {
    const sent: Headers[] = [];
    const fetch = async (_: unknown, init?: RequestInit) => {
      sent.push(new Headers(init?.headers));
      return json(201, { id: 'cs_1' });
    };
    const er = new EntryRate(undefined, { baseUrl: 'http://api.test', fetch, apiVersion: '2025-01-01' });
    await er.ticketLinks.create(
      { email: 'a@example.com' },
      { idempotencyKey: 'mine', apiVersion: '2026-04-25' },
    );
    assert.equal(sent[0]?.get('Authorization'), null);
    assert.equal(sent[0]?.get('Idempotency-Key'), 'mine');
    assert.equal(sent[0]?.get('EntryRate-Version'), '2026-04-25');
  });

  it('sends EntryRate-Promoter from the client option, a per-call option replacing it, and none without', async () => {
    const answers = () => [json(200, { id: 'evt_1' }), json(200, { id: 'evt_1' })];
    const agency = fake(answers(), { promoter: 'pr_managed' });
    await agency.er.events.retrieve('evt_1');
    await agency.er.events.retrieve('evt_1', { promoter: 'pr_other' });
    assert.equal(agency.sent[0]?.headers.get('EntryRate-Promoter'), 'pr_managed');
    assert.equal(agency.sent[1]?.headers.get('EntryRate-Promoter'), 'pr_other');
    const plain = fake(answers());
    await plain.er.events.retrieve('evt_1');
    await plain.er.promoters.create({ name: 'Managed' }, { promoter: 'pr_agency' });
    assert.equal(plain.sent[0]?.headers.get('EntryRate-Promoter'), null);
    assert.equal(plain.sent[1]?.url, 'http://api.test/v1/promoters');
    assert.equal(plain.sent[1]?.headers.get('EntryRate-Promoter'), 'pr_agency');
    assert.equal(plain.sent[1]?.body, '{"name":"Managed"}');
  });

  it('fills and escapes path parameters, and refuses an empty one', async () => {
    const { er, sent } = fake([json(200, { id: 'evt_1' })]);
    await er.events.retrieve('a slug/with?odd#chars');
    assert.equal(sent[0]?.url, 'http://api.test/v1/events/a%20slug%2Fwith%3Fodd%23chars');
    await assert.rejects(er.events.retrieve(''), TypeError);
  });

  it('keeps the answer as it came, with a non-enumerable lastResponse', async () => {
    const { er } = fake([json(201, { id: 'vn_1', name: 'Hall' }, { 'Idempotent-Replayed': 'true' })]);
    const venue = await er.venues.create({ name: 'Hall', city: 'Bristol', timezone: 'Europe/London' });
    assert.deepEqual(Object.keys(venue), ['id', 'name']);
    assert.equal(JSON.stringify(venue), '{"id":"vn_1","name":"Hall"}');
    assert.equal(venue.lastResponse.status, 201);
    assert.equal(venue.lastResponse.requestId, 'req_fake');
    assert.equal(venue.lastResponse.idempotentReplayed, true);
    assert.equal(venue.lastResponse.headers.get('content-type'), 'application/json');
  });

  it('retries a 5xx, a 429 and a key in progress with the same Idempotency-Key, then answers', async () => {
    const wait = { 'Retry-After': '0' };
    const { er, sent } = fake(
      [
        failure(503, 'service.unavailable', wait),
        failure(409, 'idempotency.in_progress', wait),
        json(201, { id: 'vn_1' }),
      ],
      { maxRetries: 2 },
    );
    const venue = await er.venues.create({ name: 'Hall', city: 'Bristol', timezone: 'Europe/London' });
    assert.equal(venue.id, 'vn_1');
    assert.equal(sent.length, 3);
    assert.equal(new Set(sent.map((s) => s.headers.get('Idempotency-Key'))).size, 1);
  });

  it('gives up after maxRetries with the last error', async () => {
    const wait = { 'Retry-After': '0' };
    const { er, sent } = fake([failure(500, 'internal', wait), failure(500, 'internal', wait)], {
      maxRetries: 1,
    });
    await assert.rejects(er.events.list(), (error) => error instanceof APIError && error.status === 500);
    assert.equal(sent.length, 2);
  });

  it('retries nothing else: a 400, a 409 of another kind', async () => {
    const { er, sent } = fake([failure(400, 'request.invalid'), failure(409, 'event.slug_taken')]);
    await assert.rejects(er.events.list(), InvalidRequestError);
    await assert.rejects(er.events.cancel('evt_1'), ConflictError);
    assert.equal(sent.length, 2);
  });

  it('turns a timeout into an APIConnectionError, retried', async () => {
    const hang = (_: Sent, signal: AbortSignal) =>
      new Promise<Response>((_resolve, reject) =>
        signal.addEventListener('abort', () => reject(signal.reason)),
      );
    const { er, sent } = fake([hang, json(200, { id: 'evt_1' })], { timeout: 50 });
    const event = await er.events.retrieve('evt_1');
    assert.equal(event.id, 'evt_1');
    assert.equal(sent.length, 2);

    const once = fake([hang], { timeout: 50, maxRetries: 0 });
    await assert.rejects(
      once.er.events.retrieve('evt_1'),
      (error) =>
        error instanceof APIConnectionError && error.code === 'connection.timeout' && error.status === null,
    );
  });

  it('defaults the base URL to ENTRYRATE_API_URL, then the production API', async () => {
    const urls: string[] = [];
    const fetch = async (input: unknown) => {
      urls.push(String(input));
      return json(200, { id: 'evt_1' });
    };
    const saved = process.env.ENTRYRATE_API_URL;
    try {
      process.env.ENTRYRATE_API_URL = 'http://from-env.test';
      await new EntryRate('k', { fetch }).events.retrieve('evt_1');
      delete process.env.ENTRYRATE_API_URL;
      await new EntryRate('k', { fetch }).events.retrieve('evt_1');
    } finally {
      if (saved === undefined) delete process.env.ENTRYRATE_API_URL;
      else process.env.ENTRYRATE_API_URL = saved;
    }
    assert.deepEqual(urls, [
      'http://from-env.test/v1/events/evt_1',
      'https://api.entryrate.co.uk/v1/events/evt_1',
    ]);
  });
});

describe('lists', () => {
  const page = (n: number, pages: number, ids: string[]) =>
    json(200, { data: ids.map((id) => ({ id })), pagination: { page: n, limit: 2, total: 5, pages } });

  it('are awaited as one page and iterated across every page, with the same filters', async () => {
    const { er, sent } = fake([page(1, 3, ['a', 'b']), page(2, 3, ['c', 'd']), page(3, 3, ['e'])]);
    const list = er.events.list({ status: 'live', limit: 2 });
    const first = await list;
    assert.deepEqual(
      first.data.map((e) => e.id),
      ['a', 'b'],
    );
    const ids: string[] = [];
    for await (const event of list) ids.push(event.id);
    assert.deepEqual(ids, ['a', 'b', 'c', 'd', 'e']);
    assert.deepEqual(
      sent.map((s) => new URL(s.url).search),
      ['?status=live&limit=2', '?status=live&limit=2&page=2', '?status=live&limit=2&page=3'],
    );
  });
});

describe('files', () => {
  const csv = 'order_id,status\r\nord_1,paid\r\n';
  const file = (status: number, body: string) =>
    new Response(body, { status, headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

  it('answers the orders export as its text, asking for CSV, with the filters in the query', async () => {
    const { er, sent } = fake([file(200, csv)]);
    const text = await er.orders.exportCsv({ eventId: 'evt_1', status: 'paid', q: 'sam@' });
    assert.equal(text, csv);
    const [get] = sent as [Sent];
    assert.equal(get.method, 'GET');
    assert.equal(get.url, 'http://api.test/v1/orders/export?eventId=evt_1&status=paid&q=sam%40');
    assert.equal(get.headers.get('Accept'), 'text/csv');
    assert.equal(get.headers.get('Authorization'), 'Bearer er_test_key');
  });

  it('still throws the error a JSON answer carries, after retrying what may be retried', async () => {
    const { er, sent } = fake([failure(503, 'internal'), failure(400, 'request.invalid')], {
      maxRetries: 1,
    });
    await assert.rejects(er.orders.exportCsv({ status: 'paid' }), InvalidRequestError);
    assert.equal(sent.length, 2);
  });
});
