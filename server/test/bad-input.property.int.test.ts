import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createStripeSim, type StripeSim } from '../../stripe-sim/src/index.ts';
import { DEMO_EVENT_ID, DEMO_TEST_KEY, DEMO_VENUE_ID } from '../src/demo/seed.ts';
import { ERROR_CODES } from '../src/http/errors.ts';
import { api } from './api.ts';
import { startTestServer, type TestServer } from './harness.ts';

// Walks every operation of the OpenAPI document with generated bad input: values derived from
// each operation's own schemas, then mutated (wrong types, missing and extra fields, huge and
// negative numbers, NUL bytes, odd unicode, deep nesting), sent with wrong content types and
// encodings, odd headers and random methods. No answer may be a 5xx (but the 501 of a method the
// server implements nowhere), and every error must be in the seeds' shape.

const CASES = Number(process.env.BAD_INPUT_CASES ?? 3000);
const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
/** What @koa/router implements; any other method is a 501 `request.method_not_implemented`. */
const IMPLEMENTED = ['HEAD', 'OPTIONS', 'GET', 'PUT', 'PATCH', 'POST', 'DELETE'];
/** Methods sent instead of an operation's own; CONNECT is left out, Node's client makes it a tunnel. */
const OTHER_METHODS = [
  ...IMPLEMENTED,
  'PROPFIND',
  'MKCOL',
  'PURGE',
  'LOCK',
  'SEARCH',
  'TRACE',
  'REPORT',
  'COPY',
];
/** The operations that write a webhook endpoint's URL: what they are sent must point at our sink. */
const WEBHOOK_URL_WRITERS = new Set(['POST /v1/webhook-endpoints', 'PATCH /v1/webhook-endpoints/{id}']);

type Json = any;
interface Operation {
  key: string;
  method: string;
  path: string;
  secret: boolean;
  /** A page people open (its answers are HTML): its errors are pages too, not JSON. */
  page: boolean;
  pathParams: { name: string; schema: Json }[];
  query: { name: string; schema: Json }[];
  body: Json | undefined;
}

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
  /** The JSON value the body spells, when it was generated as one. */
  json?: unknown;
}
interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

let sim: StripeSim;
let server: TestServer;
let sink: Server;
let sinkPort: number;
const sinkHits: string[] = [];
const agent = new Agent({ keepAlive: true, maxSockets: 4 });
let operations: Operation[] = [];
/** Ids and secrets that exist, by kind, so generated input often gets past "not found". */
const real = {
  events: [DEMO_EVENT_ID, 'mura-masa-bristol'],
  venues: [DEMO_VENUE_ID],
  tiers: [] as string[],
  slugs: ['early-bird', 'standard'],
  sessions: [] as string[],
  secrets: [] as string[],
  endpoints: [] as string[],
  keys: [] as string[],
};
let known: string[] = [];

beforeAll(async () => {
  sim = await createStripeSim({ port: 0, log: () => {} });
  // Where generated webhook endpoints point: loopback only. The worker never runs here, so nothing
  // should arrive; anything that does is a failure.
  sink = createServer((req, res) => {
    sinkHits.push(`${req.method} ${req.url}`);
    res.end();
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  sinkPort = (sink.address() as AddressInfo).port;
  const high = '1000000';
  server = await startTestServer({
    env: {
      STRIPE_SIM_PORT: String(sim.port),
      RATE_LIMIT_PER_KEY: high,
      RATE_LIMIT_KEY_MANAGEMENT: high,
      RATE_LIMIT_CHECKOUT: high,
      RATE_LIMIT_SCANS: high,
    },
    startWorker: false,
  });
  const client = api(server.url);
  const doc = (await client.get('/v1/openapi.json', { key: null })).body;
  operations = operationsOf(doc);

  const widget = (await client.get(`/v1/widget/events/${DEMO_EVENT_ID}`, { key: null })).body;
  real.tiers.push(...widget.tiers.map((t: Json) => t.id));
  const tierId = widget.tiers[0].id;
  const session = await client.post(
    '/v1/checkout/sessions',
    { eventId: DEMO_EVENT_ID, items: [{ tierId, quantity: 1 }], customerEmail: 'prop@example.com' },
    { key: null },
  );
  real.sessions.push(session.body.id);
  real.secrets.push(session.body.clientSecret);
  const endpoint = await client.post('/v1/webhook-endpoints', {
    url: `http://127.0.0.1:${sinkPort}/hook`,
    events: ['*'],
  });
  real.endpoints.push(endpoint.body.id);
  // Spare keys for DELETE /v1/api-keys/:id to revoke: the demo key's id is never generated.
  for (const name of ['spare one', 'spare two'])
    real.keys.push((await client.post('/v1/api-keys', { name })).body.id);
  const event = await client.post('/v1/events', {
    title: 'Property night',
    venueId: DEMO_VENUE_ID,
    doors: '2031-01-01T20:00:00Z',
    tiers: [{ name: 'Door', price: 1000, stock: 50 }],
  });
  real.events.push(event.body.id);
  real.tiers.push(event.body.tiers[0].id);
  known = Object.values(real).flat();
  expect(known.every((id) => typeof id === 'string')).toBe(true);
}, 60_000);

afterAll(async () => {
  agent.destroy();
  await server?.stop();
  await sim?.stop();
  await new Promise((resolve) => sink?.close(resolve));
});

/** The operations of the document, with the schemas of their path, query and body input. */
function operationsOf(doc: Json): Operation[] {
  return Object.entries<Json>(doc.paths).flatMap(([path, item]) =>
    Object.entries<Json>(item).map(([method, op]) => {
      const parameters: Json[] = (op.parameters ?? []).filter((p: Json) => !p.$ref);
      const of = (place: string) =>
        parameters.filter((p) => p.in === place).map((p) => ({ name: p.name, schema: p.schema }));
      return {
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        secret: (op.security ?? []).some((s: Json) => 'bearerAuth' in s),
        page: Object.values<Json>(op.responses ?? {}).some((r) => r.content?.['text/html']),
        pathParams: of('path'),
        query: of('query'),
        body: inlined(doc, op.requestBody?.content?.['application/json']?.schema),
      };
    }),
  );
}

/** `schema` with each `$ref` to a component replaced by the component (the document has no cycles). */
function inlined(doc: Json, schema: unknown): Json | undefined {
  if (schema === undefined) return undefined;
  return JSON.parse(JSON.stringify(schema), function follow(_key, value) {
    const ref = value?.$ref;
    if (typeof ref !== 'string') return value;
    const { $ref: _ref, ...rest } = value;
    const component = doc.components.schemas[ref.replace('#/components/schemas/', '')];
    return { ...JSON.parse(JSON.stringify(component), follow), ...rest };
  });
}

// JSON texts a value cannot spell (numbers out of range, nesting past any limit), put in place of
// a marker string once the body is serialised.
const RAW_TEXTS = [
  '1e999',
  '-1e999',
  '1'.repeat(400),
  '-0.0000000000000000000000000001e-400',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`,
  `${'['.repeat(40)}1${']'.repeat(40)}`,
];
const RAW = (i: number) => `\u2063raw${i}\u2063`;
const withRawTexts = (text: string) =>
  text.replace(/"\u2063raw(\d+)\u2063"/g, (_m, i: string) => RAW_TEXTS[Number(i)] ?? 'null');

const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\u202e\u202d',
  '\u200b',
  '\ufeff',
  '\uffff',
  'e\u0301',
  '🎟️👩‍👩‍👧',
  'ｆｕｌｌ',
  '\u0085\u2028\u2029',
  '\\',
  '"',
  "'; drop table events; --",
  '%00',
  '../../etc/passwd',
  '<script>',
  'null',
  'NaN',
  '-1',
  '__proto__',
  'constructor',
];

/** A value that is wrong somewhere: another type, out of range, odd text, or real ids. */
function badValue(options: { big: boolean }): fc.Arbitrary<unknown> {
  const big = options.big
    ? [
        fc.constantFrom('x'.repeat(10_000), '🎟'.repeat(3000)),
        fc.constantFrom(...RAW_TEXTS.map((_t, i) => RAW(i))),
      ]
    : [];
  // One branch per kind of trouble, so each is as likely as the others.
  return fc.oneof(
    fc.constantFrom('\u0000', 'a\u0000b', `${known[0]}\u0000`),
    fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => `a${String.fromCharCode(c)}`),
    fc.oneof(fc.constantFrom(...ODD_STRINGS), fc.string({ unit: 'binary', maxLength: 12 })),
    fc.oneof(
      fc.constantFrom(0, -1, -0, 1.5, 1e308, -1e308, 2 ** 53, 2 ** 53 + 2, -(2 ** 63), 2 ** 31, 5e-324),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    ),
    fc.oneof(
      fc.boolean(),
      fc.constant(null),
      fc.constant([]),
      fc.constant({}),
      fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
    ),
    oddDate,
    fc.constantFrom(...known),
    ...big,
  );
}

const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
const oneTo = (max: number) => fc.integer({ min: 1, max }).map((n) => String(n).padStart(2, '0'));
/** Years PostgreSQL has no room for (0000) and the edges around them. */
const oddYear = fc
  .oneof(
    { weight: 2, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.constantFrom(1, 9999) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 9999 }) },
  )
  .map((year) => String(year).padStart(4, '0'));
/** Well-formed ISO days in odd years: zod takes them; PostgreSQL not all. */
const oddDay = fc.tuple(oddYear, oneTo(12), oneTo(28)).map((d) => d.join('-'));
/** Well-formed ISO instants with odd years and offsets up to ±23:59 (PostgreSQL stops at ±15:59). */
const oddInstant = fc
  .tuple(
    oddDay,
    two(23),
    fc.oneof(
      fc.constant('Z'),
      fc.tuple(fc.constantFrom('+', '-'), two(23), two(59)).map((p) => `${p[0]}${p[1]}:${p[2]}`),
    ),
  )
  .map(([day, hour, offset]) => `${day}T${hour}:00:00${offset}`);
/** ISO dates of every sort at the edges, well-formed or not. */
const oddDate: fc.Arbitrary<string> = fc.oneof(
  oddInstant,
  oddDay,
  fc.tuple(oddYear, two(13), two(32)).map((d) => d.join('-')),
  fc.constantFrom(
    '+010000-01-01T00:00:00Z',
    '+294277-01-01T00:00:00Z',
    '-000001-01-01T00:00:00Z',
    '2030-01-01T00:00:60Z',
  ),
);

/** A value the schema accepts (or close to it: patterns and formats are approximated). */
function validOf(schema: Json): fc.Arbitrary<unknown> {
  if (!schema || typeof schema !== 'object') return fc.jsonValue({ maxDepth: 2 });
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map(validOf));
  switch (schema.type) {
    case 'string':
      return stringOf(schema);
    case 'integer':
      return fc.integer({
        min: schema.minimum ?? -1000,
        max: schema.maximum ?? (schema.minimum ?? 0) + 5000,
      });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      return fc.array(validOf(schema.items), { minLength, maxLength: Math.max(minLength, 3) });
    }
    case 'object': {
      const properties = Object.entries<Json>(schema.properties ?? {});
      const required = new Set<string>(schema.required ?? []);
      // An optional field is left out two times in three: each one sent is one more to get right.
      const ABSENT = Symbol('absent');
      const record = Object.fromEntries(
        properties.map(([name, s]) => [
          name,
          required.has(name)
            ? namedOf(name, s)
            : fc.oneof(
                { weight: 2, arbitrary: fc.constant(ABSENT) },
                { weight: 1, arbitrary: namedOf(name, s) },
              ),
        ]),
      );
      return fc
        .record(record)
        .map((value) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== ABSENT)));
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Real values for a field or path parameter of this name, if it names something that exists. */
function realFor(name: string, path = ''): string[] | undefined {
  const byName: Record<string, string[]> = {
    eventId: real.events,
    venueId: real.venues,
    tierId: real.tiers,
    tier: real.slugs,
    id: real.tiers, // a tier's id in PATCH /v1/events/:id
    clientSecret: real.secrets,
    currency: ['gbp', 'eur', 'USD'],
    timezone: ['Europe/London', 'utc', 'America/New_York'],
  };
  if (name !== 'id' || !path) return byName[name];
  const byPath: [RegExp, string[]][] = [
    [/events/, real.events],
    [/sessions/, real.sessions],
    [/venues/, real.venues],
    [/webhook-endpoints/, real.endpoints],
    [/api-keys/, real.keys],
  ];
  return byPath.find(([pattern]) => pattern.test(path))?.[1] ?? known;
}

/** Fields that name things mostly get real ids or values, to get past "not found". */
function namedOf(name: string, schema: Json): fc.Arbitrary<unknown> {
  const values = realFor(name);
  if (!values?.length) return validOf(schema);
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...values) },
    { weight: 1, arbitrary: validOf(schema) },
  );
}

function stringOf(schema: Json): fc.Arbitrary<string> {
  const dates = fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2100-01-01T00:00:00Z'),
    noInvalidDate: true,
  });
  switch (schema.format) {
    case 'date-time':
      return fc.oneof(
        dates.map((d) => d.toISOString()),
        oddInstant,
      );
    case 'date':
      return fc.oneof(
        dates.map((d) => d.toISOString().slice(0, 10)),
        oddDay,
      );
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.oneof(fc.webUrl(), fc.constant(`http://127.0.0.1:${sinkPort}/hook`));
  }
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern), { maxLength: 30 });
  const minLength = schema.minLength ?? 0;
  return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 30, 30)) });
}

type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'add'; at: number; key: string; value: unknown };

function mutationOf(options: { big: boolean }): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('replace' as const), at, value: badValue(options) }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('add' as const),
        at,
        key: fc.oneof(fc.constantFrom(...ODD_STRINGS), fc.string({ maxLength: 8 })),
        value: badValue(options),
      }),
    },
  );
}

/** Every position in a JSON value, each with how to replace or remove it. */
function positions(root: { value: unknown }): { value: unknown; set(v: unknown): void; remove(): void }[] {
  const out: { value: unknown; set(v: unknown): void; remove(): void }[] = [];
  const visit = (holder: any, key: string | number) => {
    const value = holder[key];
    out.push({
      value,
      set: (v) => {
        holder[key] = v;
      },
      remove: () => (Array.isArray(holder) ? holder.splice(Number(key), 1) : delete holder[key]),
    });
    if (value && typeof value === 'object')
      for (const k of Object.keys(value)) visit(value, Array.isArray(value) ? Number(k) : k);
  };
  visit(root, 'value');
  return out;
}

function mutationsOf(options: { big: boolean }): fc.Arbitrary<Mutation[]> {
  return fc.oneof(fc.constant<Mutation[]>([]), fc.array(mutationOf(options), { minLength: 1, maxLength: 3 }));
}

function mutate(value: unknown, mutations: Mutation[]): unknown {
  const root = { value: structuredClone(value) };
  for (const mutation of mutations) {
    const all = positions(root);
    const target = all[mutation.at % all.length];
    if (!target) continue;
    // A copy: generated values (fc.constant([]) above all) are shared between runs, and one put
    // inside itself would make the value circular.
    const value = mutation.kind === 'delete' ? undefined : structuredClone(mutation.value);
    if (mutation.kind === 'replace') target.set(value);
    else if (mutation.kind === 'delete') target.remove();
    else if (target.value && typeof target.value === 'object') {
      if (Array.isArray(target.value)) target.value.push(value);
      else (target.value as Record<string, unknown>)[mutation.key] = value;
    }
  }
  return root.value;
}

/** Percent-encodes UTF-8 bytes (lone surrogates become U+FFFD, as a browser would send them). */
function pct(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const RAW_URL_PIECES = [
  '%',
  '%ZZ',
  '%E0%A4%A',
  '%C0%AF',
  '..',
  '%2F',
  '%2e%2e',
  '%00',
  '%ED%A0%80',
  '%FF',
  '%25',
  '',
];

function textOf(value: unknown): string {
  if (typeof value === 'string')
    return value.replace(/\u2063raw(\d+)\u2063/g, (_m, i: string) => RAW_TEXTS[Number(i)] ?? '');
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function pathPieceOf(op: Operation, name: string, schema: Json): fc.Arbitrary<string> {
  const values = realFor(name, op.path) ?? known;
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...(values.length ? values : known)).map(pct) },
    { weight: 3, arbitrary: validOf(schema).map((v) => pct(textOf(v))) },
    { weight: 3, arbitrary: badValue({ big: false }).map((v) => pct(textOf(v))) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_URL_PIECES) },
  );
}

function queryOf(op: Operation): fc.Arbitrary<string> {
  const valid = fc.record(Object.fromEntries(op.query.map((q) => [q.name, validOf(q.schema)])), {
    requiredKeys: [],
  });
  const mutated = fc.tuple(valid, mutationsOf({ big: false })).map(([v, m]) => mutate(v, m));
  const pieces = fc.constantFrom(
    '&%ZZ=1',
    '&q=%00',
    '&&&',
    '&=',
    '&a[b]=1',
    '&page=1&page=2',
    '&limit=1e999',
  );
  const raw = fc.oneof(
    { weight: 4, arbitrary: fc.constant<string[]>([]) },
    { weight: 1, arbitrary: fc.array(pieces, { minLength: 1, maxLength: 2 }) },
  );
  return fc.tuple(mutated, raw).map(([value, extra]) => {
    const pairs =
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.entries(value).flatMap(([k, v]) =>
            (Array.isArray(v) ? v : [v]).map((item) => `${pct(k)}=${pct(textOf(item))}`),
          )
        : [`value=${pct(textOf(value))}`];
    const query = [...pairs, ...extra.map((e) => e.slice(1))].join('&');
    return query ? `?${query}` : '';
  });
}

type BodyPlan =
  | { kind: 'json'; value: unknown; mutations: Mutation[] }
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'none' };

function bodyOf(op: Operation): fc.Arbitrary<BodyPlan> {
  const schema = op.body ?? { type: 'object' };
  const texts = [
    '{',
    '{"a":',
    '[1,]',
    'null',
    '"x"',
    '1',
    '',
    'true',
    '{"a":1}{"b":2}',
    '\ufeff{}',
    '{"__proto__":{"x":1}}',
  ];
  return fc.oneof(
    {
      weight: 10,
      arbitrary: fc.record({
        kind: fc.constant('json' as const),
        value: validOf(schema),
        // No mutation half the time: valid input must not be a 5xx either, and it goes deeper.
        mutations: mutationsOf({ big: true }),
      }),
    },
    // Free text could spell a webhook URL: that operation gets only fixed texts.
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('text' as const),
        text: WEBHOOK_URL_WRITERS.has(op.key)
          ? fc.constantFrom(...texts)
          : fc.oneof(fc.constantFrom(...texts), fc.string()),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('bytes' as const), bytes: fc.uint8Array({ maxLength: 64 }) }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  );
}

/** A generated webhook URL that would be sent to anything but our loopback sink becomes one that is. */
function loopbackOnly(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const body = value as Record<string, unknown>;
  if (typeof body.url !== 'string') return value;
  let parsed: URL | undefined;
  try {
    parsed = new URL(body.url);
  } catch {
    return value; // not a URL: refused, never registered
  }
  if (parsed.protocol === 'http:' && parsed.hostname === '127.0.0.1' && parsed.port === String(sinkPort))
    return value;
  return { ...body, url: `http://127.0.0.1:${sinkPort}/hook${pct(parsed.pathname)}` };
}

const headersArb = (op: Operation) =>
  fc.record({
    auth: op.secret
      ? fc.oneof(
          { weight: 9, arbitrary: fc.constant('demo') },
          { weight: 1, arbitrary: fc.constantFrom('none', 'garbage', 'unknown', 'basic', 'live') },
        )
      : fc.constantFrom('none', 'none', 'none', 'demo', 'garbage'),
    idempotencyKey: fc.option(
      fc.oneof(
        { weight: 9, arbitrary: fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme-ascii' }) },
        { weight: 1, arbitrary: fc.constant('k'.repeat(300)) },
      ),
      { freq: 3 },
    ),
    contentType: fc.oneof(
      { weight: 12, arbitrary: fc.constant('application/json') },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/json; charset=latin1',
          'application/vnd.api+json',
          'application/json;;',
          'garbage',
          '',
        ),
      },
    ),
    encoding: fc.oneof(
      { weight: 12, arbitrary: fc.constant('') },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          'gzip',
          'deflate',
          'gzip-garbage',
          'br-garbage',
          'compress',
          'identity',
          'GZIP',
          'gzip, br',
        ),
      },
    ),
    version: fc.oneof(
      { weight: 12, arbitrary: fc.constant('') },
      { weight: 1, arbitrary: fc.constantFrom('2026-04-25', '1999-01-01', 'garbage') },
    ),
  });

function requestOf(op: Operation): fc.Arbitrary<Sent> {
  const params = fc.record(
    Object.fromEntries(op.pathParams.map((p) => [p.name, pathPieceOf(op, p.name, p.schema)])),
  );
  const method = fc.oneof(
    { weight: 12, arbitrary: fc.constant(op.method) },
    { weight: 2, arbitrary: fc.constantFrom(...OTHER_METHODS) },
  );
  return fc
    .record({ method, params, query: queryOf(op), body: bodyOf(op), headers: headersArb(op) })
    .map(({ method, params, query, body, headers: h }) => {
      const path = op.path.replace(
        /\{(\w+)\}/g,
        (_m, name: string) => (params as Record<string, string>)[name] ?? '',
      );
      const headers: Record<string, string> = {};
      const auth = {
        demo: `Bearer ${DEMO_TEST_KEY}`,
        garbage: 'Bearer nonsense',
        unknown: 'Bearer er_test_not_a_key_of_anyone',
        basic: 'Basic dXNlcjpwYXNz',
        live: 'Bearer er_live_not_a_key_of_anyone',
        none: '',
      }[h.auth];
      if (auth) headers.Authorization = auth;
      if (h.idempotencyKey !== null) headers['Idempotency-Key'] = h.idempotencyKey;
      if (h.version) headers['EntryRate-Version'] = h.version;
      let text: string | undefined;
      let bytes: Buffer | undefined;
      let json: unknown;
      if (body.kind === 'json') {
        json = mutate(body.value, body.mutations);
        if (WEBHOOK_URL_WRITERS.has(op.key)) json = loopbackOnly(json);
        text = withRawTexts(JSON.stringify(json) ?? 'null');
      } else if (body.kind === 'text') text = body.text;
      else if (body.kind === 'bytes') bytes = Buffer.from(body.bytes);
      if (text !== undefined) bytes = Buffer.from(text, 'utf8');
      if (bytes !== undefined) {
        if (h.contentType) headers['Content-Type'] = h.contentType;
        if (h.encoding === 'gzip') bytes = gzipSync(bytes);
        if (h.encoding === 'deflate') bytes = deflateSync(bytes);
        if (h.encoding) headers['Content-Encoding'] = h.encoding.replace('-garbage', '');
        // Node frames a GET's body only when told its length.
        headers['Content-Length'] = String(bytes.length);
      }
      return { method, path: `${path}${query}`, headers, body: bytes, json };
    });
}

function send(sent: Sent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}${sent.path}`,
      { method: sent.method, headers: sent.headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('no answer in 10 s')));
    req.on('error', reject);
    req.end(sent.body);
  });
}

/** What is wrong with an answer, or null when it is one the API may give. */
function problemWith(op: Operation, sent: Sent, answer: Answer): string | null {
  let body: Json;
  try {
    body = answer.text ? JSON.parse(answer.text) : undefined;
  } catch {
    body = undefined;
  }
  const unimplemented = !IMPLEMENTED.includes(sent.method);
  if (answer.status >= 500) {
    const allowed =
      answer.status === 501 && unimplemented && body?.error?.code === 'request.method_not_implemented';
    if (!allowed) return `answered ${answer.status}`;
  }
  if (answer.status < 400 || sent.method === 'HEAD') return null;
  const contentType = String(answer.headers['content-type']);
  if (op.page && contentType.startsWith('text/html')) {
    return answer.text.startsWith('<!doctype html>')
      ? null
      : `error ${answer.status} as a page that is not one`;
  }
  if (!contentType.startsWith('application/json')) {
    return `error ${answer.status} as ${answer.headers['content-type']}`;
  }
  const error = body?.error;
  const shaped =
    body &&
    Object.keys(body).join() === 'error' &&
    error &&
    typeof error === 'object' &&
    Object.keys(error).every((k) => ['code', 'message', 'param', 'docs', 'requestId'].includes(k)) &&
    error.code in ERROR_CODES &&
    typeof error.message === 'string' &&
    error.message.length > 0 &&
    (error.param === undefined || typeof error.param === 'string') &&
    typeof error.docs === 'string' &&
    error.docs.endsWith(`#${error.code}`) &&
    /^req_[0-9a-f]+$/.test(error.requestId);
  if (!shaped) return `error ${answer.status} not in the error shape`;
  if (answer.status === 405 && !answer.headers.allow) return '405 without Allow';
  if (answer.status === 503 && !answer.headers['retry-after']) return '503 without Retry-After';
  return null;
}

it(`answers ${CASES} generated bad requests over every operation without a 5xx, errors in shape`, async () => {
  expect(operations.length).toBeGreaterThan(30);
  // Runs in proportion to how much input an operation takes; a static page needs few.
  const surface = (op: Operation) => 1 + op.pathParams.length + op.query.length + (op.body ? 6 : 0);
  const total = operations.reduce((sum, op) => sum + surface(op), 0);
  const runsOf = (op: Operation) => Math.max(10, Math.ceil((CASES * surface(op)) / total));
  const started = performance.now();
  let sentCount = 0;
  let generated = 0;
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  for (const op of operations) {
    const details = await fc.check(
      fc.asyncProperty(requestOf(op), async (sent) => {
        sentCount++;
        const answer = await send(sent);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const problem = problemWith(op, sent, answer);
        if (problem) throw new Error(`${problem}: ${answer.text.slice(0, 300)}`);
      }),
      { numRuns: runsOf(op), seed: SEED, plugins: [fc.interruptAfterTimeLimit(8_000)] },
    );
    generated += details.numRuns;
    if (details.failed) {
      const sent = (details.counterexample as [Sent] | null)?.[0];
      const shown = sent && { ...sent, body: sent.body?.toString('utf8').slice(0, 300) };
      failures.push(`${op.key}: ${String(details.errorInstance)}\n  request: ${JSON.stringify(shown)}`);
    }
  }
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  console.info(
    `bad-input property: ${generated} cases (${sentCount} requests with shrinking) over ${operations.length} ` +
      `operations in ${seconds} s, seed ${SEED}; statuses ` +
      JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b))),
  );
  expect(failures, `seed ${SEED}`).toEqual([]);
  expect(generated).toBeGreaterThanOrEqual(1000);

  // Nothing generated registered, or reached, anything but our loopback sink.
  const urls = await server.db.selectFrom('webhook_endpoints').select('url').execute();
  for (const { url } of urls) expect(new URL(url).host).toBe(`127.0.0.1:${sinkPort}`);
  expect(sinkHits).toEqual([]);
}, 120_000);
