import type Router from '@koa/router';
import type Koa from 'koa';
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../http/errors.ts';
import { LATEST_API_VERSION } from '../http/version.ts';
import { COMPONENTS } from './openapi.components.ts';
import type { Access, OperationDoc, RouteDocs } from './openapi.types.ts';

type Json = Record<string, unknown>;

/** A route as the mounted routers hold it: one method of one layer. */
export interface MountedRoute {
  method: string;
  /** The router's own pattern, `/v1/events/:id`: the key of its documentation. */
  path: string;
  paramNames: string[];
}

/** Every router mounted on a Koa app (each `router.routes()` middleware carries its router). */
export function routersOf(koa: Koa): Router[] {
  return koa.middleware.flatMap((middleware) => (middleware as { router?: Router }).router ?? []);
}

/** Every method and path the routers answer, HEAD (Koa's automatic twin of GET) left out. */
export function mountedRoutes(routers: readonly Router[]): MountedRoute[] {
  return routers.flatMap((router) =>
    router.stack.flatMap((layer) =>
      typeof layer.path !== 'string'
        ? []
        : layer.methods
            .filter((method) => method !== 'HEAD')
            .map((method) => ({
              method,
              path: layer.path as string,
              paramNames: layer.paramNames.map((p) => String(p.name)),
            })),
    ),
  );
}

/** The documentation key of a route: `GET /v1/events/:id`. */
export const routeKey = (route: { method: string; path: string }) => `${route.method} ${route.path}`;

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), as a client sends it. */
export function jsonSchemaOf(schema: z.ZodType): Json {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    // zod spells formats out as long regular expressions too, and bounds every int by the safe
    // integers; the format says it better, and those bounds say nothing.
    override: ({ jsonSchema }) => {
      if (jsonSchema.format && jsonSchema.pattern) delete jsonSchema.pattern;
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
    },
  });
  return json;
}

const SECURITY: Record<Access, Json[]> = {
  secretKey: [{ bearerAuth: [] }],
  public: [],
  secretKeyOrClientSecret: [{ bearerAuth: [] }, {}],
  stripeSignature: [],
};

/** The error codes any operation of this kind can answer, by status, beside its own. */
function errorsOf(route: MountedRoute, doc: OperationDoc): Map<number, Set<ErrorCode>> {
  const byStatus = new Map<number, Set<ErrorCode>>();
  const add = (status: number, ...codes: ErrorCode[]) => {
    const set = byStatus.get(status) ?? new Set<ErrorCode>();
    for (const code of codes) set.add(code);
    byStatus.set(status, set);
  };
  const api = route.path.startsWith('/v1/');
  if (api) add(400, 'request.unsupported_version');
  if (doc.params || doc.query || doc.body) add(400, 'request.invalid');
  if (doc.body) {
    add(400, 'request.malformed_json', 'request.invalid_encoding');
    add(415, 'request.unsupported_encoding');
  }
  if (doc.access === 'secretKey') {
    add(401, 'auth.missing_key', 'auth.invalid_key');
    add(403, 'auth.live_mode_unavailable');
  }
  if (doc.access === 'secretKeyOrClientSecret') add(401, 'auth.invalid_key');
  if (route.method === 'POST' && api && doc.access !== 'stripeSignature') {
    add(400, 'idempotency.invalid_key');
    add(409, 'idempotency.in_progress');
    add(422, 'idempotency.key_reused');
  }
  if (doc.access === 'secretKey' || doc.access === 'secretKeyOrClientSecret') add(429, 'rate_limit.exceeded');
  for (const [status, codes] of Object.entries(doc.errors ?? {})) add(Number(status), ...(codes ?? []));
  // Every /v1 request may meet the database (the API key lookup at least).
  if (api) add(503, 'service.unavailable');
  add(500, 'internal');
  return byStatus;
}

function parametersOf(route: MountedRoute, doc: OperationDoc): Json[] {
  const parameters: Json[] = route.paramNames.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: doc.params?.[name] ? jsonSchemaOf(doc.params[name]) : { type: 'string' },
  }));
  if (doc.query) {
    const query = jsonSchemaOf(doc.query) as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      const { description, ...rest } = schema;
      parameters.push({
        name,
        in: 'query',
        required: query.required?.includes(name) ?? false,
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  }
  if (route.path.startsWith('/v1/')) parameters.push({ $ref: '#/components/parameters/ApiVersion' });
  if (route.method === 'POST' && route.path.startsWith('/v1/') && doc.access !== 'stripeSignature') {
    parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });
  }
  if (doc.access === 'stripeSignature') parameters.push({ $ref: '#/components/parameters/StripeSignature' });
  return parameters;
}

function operationOf(route: MountedRoute, doc: OperationDoc | undefined): Json {
  if (!doc) {
    return {
      summary: 'Undocumented',
      'x-undocumented': true,
      responses: { default: { $ref: '#/components/responses/Error' } },
    };
  }
  const api = route.path.startsWith('/v1/');
  const headers = api
    ? {
        'EntryRate-Version': { $ref: '#/components/headers/EntryRateVersion' },
        'X-Request-Id': { $ref: '#/components/headers/RequestId' },
      }
    : undefined;
  const responses: Json = {};
  for (const [status, response] of Object.entries(doc.responses)) {
    const contentType = response.contentType ?? 'application/json';
    responses[status] = {
      description: response.description,
      ...(headers ? { headers } : {}),
      ...(status === '204'
        ? {}
        : {
            content: {
              [contentType]: {
                schema: contentType.includes('json') ? { type: 'object' } : { type: 'string' },
              },
            },
          }),
    };
  }
  for (const [status, codes] of errorsOf(route, doc)) {
    const retry = status === 429 || status === 503;
    const errorHeaders = retry
      ? { ...headers, 'Retry-After': { $ref: '#/components/headers/RetryAfter' } }
      : headers;
    responses[status] = {
      description: [...codes].map((code) => `\`${code}\`: ${ERROR_CODES[code]}`).join('\n\n'),
      ...(errorHeaders ? { headers: errorHeaders } : {}),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      'x-error-codes': [...codes],
    };
  }
  return {
    operationId: operationIdOf(route),
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    tags: [doc.tag],
    ...(doc.sdk ? { 'x-sdk-method': doc.sdk } : {}),
    security: SECURITY[doc.access],
    parameters: parametersOf(route, doc),
    ...(doc.body
      ? {
          requestBody: {
            required: !doc.body.safeParse(undefined).success,
            content: { 'application/json': { schema: jsonSchemaOf(doc.body) } },
          },
        }
      : {}),
    responses,
  };
}

/** `GET /v1/events/:id/publish` -> `get_v1_events_id_publish`: stable and unique per route. */
function operationIdOf(route: MountedRoute): string {
  const words = route.path
    .replace(/[:{}]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return [route.method.toLowerCase(), ...words].join('_');
}

/**
 * The OpenAPI 3.1 document of every route the routers answer, built from their own stacks (so no
 * route can be left out) and the documentation each feature keeps beside its schemas.
 */
export function buildOpenApiDocument(options: {
  routes: MountedRoute[];
  docs: RouteDocs;
  /** OpenAPI's `webhooks`: the requests we send, by name. */
  webhooks?: Record<string, Json>;
  serverUrl: string;
}): Json {
  const paths: Record<string, Json> = {};
  const tags = new Set<string>();
  for (const route of options.routes) {
    const doc = options.docs[routeKey(route)];
    if (doc) tags.add(doc.tag);
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operationOf(route, doc) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'EntryRate API',
      version: LATEST_API_VERSION,
      description:
        'Sell tickets from your own site: events, checkout, orders, scans, payouts and signed webhooks. ' +
        'Authenticate with `Authorization: Bearer er_test_…` (test mode) or `er_live_…`. ' +
        'Human-readable reference: /docs/api; error codes: /docs.',
    },
    servers: [{ url: options.serverUrl }],
    tags: [...tags].map((name) => ({ name })),
    paths,
    ...(options.webhooks ? { webhooks: options.webhooks } : {}),
    components: COMPONENTS,
  };
}
