import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_DOCS } from '../src/openapi/openapi.docs.ts';
import { api } from './api.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { schemasOf } from './response-contract.ts';

let server: TestServer;
let doc: any;
beforeAll(async () => {
  server = await startTestServer();
  const res = await api(server.url).get('/v1/openapi.json', { key: null });
  expect(res.status).toBe(200);
  doc = res.body;
});
afterAll(() => server?.stop());

/** Every method and path the app's routers answer, read from their layers (HEAD is GET's twin). */
function appRoutes(): { method: string; path: string }[] {
  return server.app.routers.flatMap((router) =>
    router.stack.flatMap((layer) =>
      layer.methods.filter((m) => m !== 'HEAD').map((method) => ({ method, path: String(layer.path) })),
    ),
  );
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const operations = () =>
  Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ path, method, op })),
  );

/** Resolves a local `$ref` (`#/components/…`) in the document, or fails. */
function resolve(ref: string): unknown {
  const target = ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<any>((node, part) => node?.[part], doc);
  if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
  return target;
}

/** An operation's JSON request body schema, its `$ref` followed. */
function bodySchemaOf(op: any): any {
  const schema = op.requestBody.content['application/json'].schema;
  return schema.$ref ? resolve(schema.$ref) : schema;
}

describe('the OpenAPI document', () => {
  it('documents every route the app mounts, and nothing it does not', () => {
    const routes = appRoutes();
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[path]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.path} is not in the document`).toBeDefined();
      expect(op['x-undocumented'], `${route.method} ${route.path} has no documentation`).toBeUndefined();
      expect(op.summary).toEqual(expect.any(String));
    }
    const mounted = new Set(routes.map((r) => `${r.method} ${r.path}`));
    const stale = Object.keys(ROUTE_DOCS).filter((key) => !mounted.has(key));
    expect(stale, 'documentation for routes that do not exist').toEqual([]);
    expect(operations()).toHaveLength(routes.length);
  });

  it('is a valid-looking OpenAPI 3.1 document', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: expect.any(String), version: '2026-04-25' });
    expect(Object.keys(doc.paths).length).toBeGreaterThan(0);
    expect(doc.components.securitySchemes.bearerAuth).toEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    );
    const ids = new Set<string>();
    for (const { path, method, op } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(path, where).toMatch(/^\/[^:]*$/);
      expect(Object.keys(op.responses ?? {}).length, `${where} has no responses`).toBeGreaterThan(0);
      expect(ids.has(op.operationId), `${where} repeats an operationId`).toBe(false);
      ids.add(op.operationId);
      for (const name of path.match(/\{(\w+)\}/g) ?? []) {
        const param = op.parameters.find((p: any) => p.in === 'path' && `{${p.name}}` === name);
        expect(param, `${where} lacks the path parameter ${name}`).toMatchObject({ required: true });
      }
    }
    // Every reference points somewhere.
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) resolve(ref.slice(8, -1));
  });

  it('gives each operation its security, headers, parameters and error shape', () => {
    const op = (method: string, path: string) => doc.paths[path][method];

    const create = op('post', '/v1/webhook-endpoints');
    expect(create.security).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }]);
    expect(create['x-permission']).toBe('webhooks.manage');
    expect(create.description).toContain('signed-in people whose role is owner or manager');
    expect(create.responses['403']['x-error-codes']).toEqual(
      expect.arrayContaining(['auth.forbidden', 'auth.promoter_forbidden']),
    );
    expect(create.parameters).toEqual(
      expect.arrayContaining([
        { $ref: '#/components/parameters/ApiVersion' },
        { $ref: '#/components/parameters/IdempotencyKey' },
        { $ref: '#/components/parameters/Promoter' },
      ]),
    );
    const body = bodySchemaOf(create);
    expect(create.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/WebhookEndpointCreate',
    });
    expect(create.requestBody.required).toBe(true);
    expect(body.required).toEqual(['url', 'events']);
    expect(body.properties.events.items.enum).toEqual(
      expect.arrayContaining(['order.completed', 'payout.paid', 'event.published', '*']),
    );
    expect(create.responses['401'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Error',
    });
    expect(create.responses['400']['x-error-codes']).toContain('request.invalid');
    expect(create.responses['422']['x-error-codes']).toEqual(['idempotency.key_reused']);

    const payouts = op('get', '/v1/payouts');
    expect(payouts.parameters.filter((p: any) => p.in === 'query').map((p: any) => p.name)).toEqual([
      'page',
      'limit',
      'status',
      'arrivalFrom',
      'arrivalTo',
    ]);
    expect(payouts.responses['409']['x-error-codes']).toContain('payouts.account_not_connected');

    const deliveries = op('get', '/v1/webhook-endpoints/{id}/deliveries');
    expect(deliveries.parameters[0]).toMatchObject({ name: 'id', in: 'path', schema: { type: 'string' } });

    expect(op('get', '/v1/widget/events/{id}').security).toEqual([]);
    expect(op('post', '/v1/checkout/sessions').security).toEqual([
      { bearerAuth: [] },
      { sessionCookie: [] },
      {},
    ]);
    expect(op('post', '/v1/events/{id}/publish').requestBody.required).toBe(false);
    expect(bodySchemaOf(op('post', '/v1/events')).properties.tiers.minItems).toBe(1);

    expect(Object.keys(doc.webhooks).sort()).toEqual([
      'event.published',
      'order.completed',
      'order.refunded',
      'payout.paid',
      'ping',
      'scan.recorded',
    ]);
    const signature = doc.webhooks['order.completed'].post.parameters.map((p: any) => p.name);
    expect(signature).toEqual(['EntryRate-Signature', 'EntryRate-Event-Id', 'EntryRate-Timestamp']);
  });

  it('documents the same schema the route validates with', async () => {
    // The document says `events` is required; the route refuses a body without it, naming it.
    const res = await api(server.url).post('/v1/webhook-endpoints', { url: 'https://example.com/hook' });
    expect(res.status).toBe(400);
    expect(res.body.error.param).toBe('events');
    const schema = bodySchemaOf(doc.paths['/v1/webhook-endpoints'].post);
    expect(schema.required).toContain(res.body.error.param);
  });
});

const NAMED = [
  'Event',
  'Tier',
  'Venue',
  'Order',
  'Ticket',
  'CheckoutSession',
  'PaymentStart',
  'ScanResult',
  'Payout',
  'WebhookEndpoint',
  'WebhookEndpointWithSecret',
  'WebhookDelivery',
  'ApiKey',
  'ApiKeyWithSecret',
  'WidgetEvent',
  'StorefrontEvent',
  'Pagination',
  'Error',
  'EventPage',
  'OrderPage',
  'VenuePage',
  'PayoutPage',
  'WebhookEndpointPage',
  'WebhookDeliveryPage',
  'ApiKeyPage',
  'StorefrontEventPage',
];

describe('the schemas and examples of the OpenAPI document', () => {
  it('describes every JSON answer by a named schema, never a bare object', () => {
    for (const { path, method, op } of operations()) {
      for (const [status, response] of Object.entries(op.responses as Record<string, any>)) {
        for (const [type, media] of Object.entries((response.content ?? {}) as Record<string, any>)) {
          const where = `${method.toUpperCase()} ${path} ${status} ${type}`;
          if (!type.includes('json')) {
            expect(media.schema, where).toEqual({ type: 'string' });
            continue;
          }
          const refs = JSON.stringify(media.schema).match(/#\/components\/schemas\/\w+/g) ?? [];
          expect(refs.length, `${where} has no named schema`).toBeGreaterThan(0);
        }
      }
    }
  });

  it('names every API object and list page in components', () => {
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(NAMED));
    for (const name of NAMED.filter((n) => n.endsWith('Page'))) {
      expect(doc.components.schemas[name].properties, name).toEqual({
        data: { type: 'array', items: { $ref: `#/components/schemas/${name.slice(0, -4)}` } },
        pagination: { $ref: '#/components/schemas/Pagination' },
      });
    }
  });

  it('holds only schemas JSON Schema 2020-12 compiles in strict mode', () => {
    const at = schemasOf(doc);
    for (const name of Object.keys(doc.components.schemas)) {
      expect(() => at(`/components/schemas/${name}`), name).not.toThrow();
    }
  });

  it('gives every /v1 operation an example request and an example of each answer', () => {
    for (const { path, method, op } of operations().filter((o) => o.path.startsWith('/v1/'))) {
      const where = `${method.toUpperCase()} ${path}`;
      if (op.tags[0] === 'Service') continue; // Stripe's webhook: Stripe writes the request
      for (const p of op.parameters.filter((p: any) => p.in === 'path')) {
        expect(p.example, `${where} path ${p.name}`).toBeDefined();
      }
      if (op.parameters.some((p: any) => p.in === 'query')) {
        expect(
          op.parameters.some((p: any) => p.in === 'query' && p.example !== undefined),
          where,
        ).toBe(true);
      }
      if (op.requestBody) expect(op.requestBody.content['application/json'].example, where).toBeDefined();
      for (const [status, response] of Object.entries(op.responses as Record<string, any>)) {
        const json = response.content?.['application/json'];
        if (status.startsWith('2') && json) expect(json.example, `${where} ${status}`).toBeDefined();
      }
    }
  });
});

describe('the API reference page', () => {
  it('renders every operation from the document, linked to the error codes and the document', async () => {
    const res = await fetch(`${server.url}/docs/api`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    for (const { path, method } of operations()) {
      expect(html, `${method} ${path}`).toContain(
        `<span class="method ${method}">${method.toUpperCase()}</span> <code>${path}</code>`,
      );
    }
    expect(html).toContain('href="/v1/openapi.json"');
    expect(html).toContain('href="/docs#payouts.account_not_connected"');
    expect(html).toContain("createHmac('sha256', process.env.WEBHOOK_SECRET)");

    const errors = await (await fetch(`${server.url}/docs`)).text();
    expect(errors).toContain('href="/docs/api"');
  });
});
