import type Router from '@koa/router';
import type Koa from 'koa';
import { PERMISSIONS, type Permission, ROLE_WORDS } from '../access/roles.ts';
import { ERROR_CODES, type ErrorCode, errorBodySchema } from '../http/errors.ts';
import { LATEST_API_VERSION } from '../http/version.ts';
import { COMPONENTS } from './openapi.components.ts';
import { jsonSchemaOf, type SchemaComponents, schemaComponents } from './openapi.schemas.ts';
import type { Access, OperationDoc, RouteDocs, WebhookDoc, WebhookDocs } from './openapi.types.ts';

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

// Promoter routes take a key or a signed-in session (which names its promoter in EntryRate-Promoter).
const SECURITY: Record<Access, Json[]> = {
  secretKey: [{ bearerAuth: [] }, { sessionCookie: [] }],
  public: [],
  secretKeyOrClientSecret: [{ bearerAuth: [] }, { sessionCookie: [] }, {}],
  stripeSignature: [],
  session: [{ sessionCookie: [] }],
};

/** Methods whose body the JSON parser reads, on every route, whether or not the route uses it. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * The error codes any operation of this kind can answer, by status, beside its own. Some come
 * from middleware in front of every route: text PostgreSQL cannot store is refused anywhere, a
 * key that is sent is checked anywhere (which needs the database), a body is parsed for any
 * POST, PUT or PATCH, and an idempotency key is honoured on any POST.
 */
function errorsOf(route: MountedRoute, doc: OperationDoc): Map<number, Set<ErrorCode>> {
  const byStatus = new Map<number, Set<ErrorCode>>();
  const add = (status: number, ...codes: ErrorCode[]) => {
    const set = byStatus.get(status) ?? new Set<ErrorCode>();
    for (const code of codes) set.add(code);
    byStatus.set(status, set);
  };
  const api = route.path.startsWith('/v1/');
  add(400, 'request.unsupported_version', 'request.invalid');
  if (BODY_METHODS.has(route.method)) {
    add(400, 'request.malformed_json', 'request.invalid_encoding');
    add(413, 'request.invalid');
    add(415, 'request.unsupported_encoding');
  }
  if (doc.access === 'secretKey') add(401, 'auth.missing_key');
  add(401, 'auth.invalid_key');
  add(403, 'auth.live_mode_unavailable');
  // A key checks EntryRate-Promoter on any route; a role is checked where a permission is needed.
  add(403, 'auth.promoter_forbidden');
  // So does a session cookie sent with EntryRate-Promoter (http/session-auth.ts): it may have
  // ended, and a request that changes something must carry its CSRF token and this origin.
  add(401, 'auth.session_expired');
  if (route.method !== 'GET') add(403, 'auth.csrf_failed');
  if (doc.permission) add(403, 'auth.forbidden');
  // The idempotency middleware reads a key on any POST (it is documented for the API's own).
  if (route.method === 'POST') {
    add(400, 'idempotency.invalid_key');
    add(409, 'idempotency.in_progress');
    add(422, 'idempotency.key_reused');
  }
  // Every /v1 route but Stripe's counts against the key's budget when a key is sent.
  if (api && doc.access !== 'stripeSignature') add(429, 'rate_limit.exceeded');
  for (const [status, codes] of Object.entries(doc.errors ?? {})) add(Number(status), ...(codes ?? []));
  add(503, 'service.unavailable');
  add(500, 'internal');
  return byStatus;
}

function parametersOf(route: MountedRoute, doc: OperationDoc): Json[] {
  const example = doc.example ?? {};
  const parameters: Json[] = route.paramNames.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: doc.params?.[name] ? jsonSchemaOf(doc.params[name]) : { type: 'string' },
    ...(example.params?.[name] !== undefined ? { example: example.params[name] } : {}),
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
        ...(example.query?.[name] !== undefined ? { example: example.query[name] } : {}),
      });
    }
  }
  if (route.path.startsWith('/v1/')) parameters.push({ $ref: '#/components/parameters/ApiVersion' });
  if (actsForPromoter(doc)) parameters.push({ $ref: '#/components/parameters/Promoter' });
  if (route.method === 'POST' && route.path.startsWith('/v1/') && doc.access !== 'stripeSignature') {
    parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });
  }
  if (doc.access === 'stripeSignature') parameters.push({ $ref: '#/components/parameters/StripeSignature' });
  return parameters;
}

const isJson = (contentType: string) => contentType.includes('json');

/** The content of one successful answer: JSON by its schema, anything else a string of its type. */
function contentOf(
  key: string,
  status: string,
  response: OperationDoc['responses'][number],
  components: SchemaComponents,
): Json {
  if (response.contentTypes) {
    return Object.fromEntries(response.contentTypes.map((type) => [type, { schema: { type: 'string' } }]));
  }
  const contentType = response.contentType ?? 'application/json';
  if (!isJson(contentType)) return { [contentType]: { schema: { type: 'string' } } };
  if (!response.schema) throw new Error(`${key} answers ${status} in JSON: its doc needs the schema`);
  return {
    [contentType]: {
      schema: components.schemaOf(response.schema, 'output'),
      ...(response.example !== undefined ? { example: response.example } : {}),
    },
  };
}

function operationOf(route: MountedRoute, doc: OperationDoc | undefined, components: SchemaComponents): Json {
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
    responses[status] = {
      description: response.description,
      ...(headers ? { headers } : {}),
      ...(status === '204' ? {} : { content: contentOf(routeKey(route), status, response, components) }),
    };
  }
  const error = components.schemaOf(errorBodySchema, 'output');
  for (const [status, codes] of errorsOf(route, doc)) {
    const retry = status === 429 || status === 503;
    const errorHeaders = retry
      ? { ...headers, 'Retry-After': { $ref: '#/components/headers/RetryAfter' } }
      : headers;
    // A status the operation answers itself too (the form again, with what is wrong; readiness
    // that is not there) keeps its own answer beside the error.
    const own = responses[status] as { description: string; content?: Record<string, Json> } | undefined;
    const ownJson = own?.content?.['application/json'];
    responses[status] = {
      description: [
        ...(own ? [own.description] : []),
        ...[...codes].map((code) => `\`${code}\`: ${ERROR_CODES[code]}`),
      ].join('\n\n'),
      ...(errorHeaders ? { headers: errorHeaders } : {}),
      content: {
        ...own?.content,
        'application/json': ownJson
          ? { ...ownJson, schema: { anyOf: [ownJson.schema, error] } }
          : { schema: error },
      },
      'x-error-codes': [...codes],
    };
  }
  const body = doc.example?.body;
  const description = [doc.description, accessSentence(doc)].filter(Boolean).join('\n\n');
  return {
    operationId: operationIdOf(route),
    summary: doc.summary,
    ...(description ? { description } : {}),
    tags: [doc.tag],
    ...(doc.sdk ? { 'x-sdk-method': doc.sdk } : {}),
    ...(doc.permission ? { 'x-permission': doc.permission } : {}),
    security: SECURITY[doc.access],
    parameters: parametersOf(route, doc),
    ...(doc.body
      ? {
          requestBody: {
            required: !doc.body.safeParse(undefined).success,
            content: {
              'application/json': {
                schema: components.schemaOf(doc.body, 'input'),
                ...(body !== undefined ? { example: body } : {}),
              },
            },
          },
        }
      : {}),
    responses,
  };
}

/** Whether an operation acts for one promoter, so `EntryRate-Promoter` chooses which. */
function actsForPromoter(doc: OperationDoc): boolean {
  return doc.permission !== undefined;
}

/** Who may call the operation, in a sentence: the roles holding its permission, or the session. */
function accessSentence(doc: OperationDoc): string | undefined {
  if (doc.access === 'session') {
    return 'Needs a signed-in person (the `er_session` cookie; a state-changing request also sends `X-CSRF-Token`), whichever promoter.';
  }
  if (!doc.permission) return undefined;
  const publicToo =
    doc.access === 'secretKeyOrClientSecret'
      ? ' A buyer (no key, no session) needs only the client secret.'
      : '';
  return `Permission \`${doc.permission}\`: ${rolesSentence(doc.permission)}${publicToo}`;
}

/** "API keys, and signed-in people whose role is owner or manager, may call this." */
export function rolesSentence(permission: Permission): string {
  const roles = PERMISSIONS[permission].map((role) => ROLE_WORDS[role]);
  if (roles.length === Object.keys(ROLE_WORDS).length) {
    return 'API keys, and signed-in people of every role, may call this.';
  }
  const listed = roles.length > 1 ? `${roles.slice(0, -1).join(', ')} or ${roles.at(-1)}` : roles[0];
  return `API keys, and signed-in people whose role is ${listed}, may call this.`;
}

/** A request we send (a `webhooks` entry): its headers, and its body by a schema of the components. */
function webhookOf(doc: WebhookDoc, components: SchemaComponents): Json {
  return {
    post: {
      summary: doc.summary,
      description: doc.description,
      tags: [doc.tag],
      parameters: Object.entries(doc.headers).map(([name, description]) => ({
        name,
        in: 'header',
        required: true,
        description,
        schema: { type: 'string' },
      })),
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: components.schemaOf(doc.body, 'output'),
            ...(doc.example !== undefined ? { example: doc.example } : {}),
          },
        },
      },
      responses: { '2XX': { description: 'Received; anything else (or no answer in 10 s) is retried.' } },
    },
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
  webhooks?: WebhookDocs;
  serverUrl: string;
}): Json {
  const paths: Record<string, Json> = {};
  const tags = new Set<string>();
  const components = schemaComponents();
  for (const route of options.routes) {
    const doc = options.docs[routeKey(route)];
    if (doc) tags.add(doc.tag);
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operationOf(route, doc, components) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'EntryRate API',
      version: LATEST_API_VERSION,
      description:
        'Sell tickets from your own site: events, checkout, orders, scans, payouts and signed webhooks. ' +
        'Authenticate with `Authorization: Bearer er_test_…` (test mode) or `er_live_…`, or with a ' +
        "dashboard session; an agency's admin key names the promoter it acts for in `EntryRate-Promoter`. " +
        'Each promoter operation names its permission (`x-permission`) and the roles that hold it. ' +
        'Human-readable reference: /docs/api; error codes: /docs.',
    },
    servers: [{ url: options.serverUrl }],
    tags: [...tags].map((name) => ({ name })),
    paths,
    ...(options.webhooks
      ? {
          webhooks: Object.fromEntries(
            Object.entries(options.webhooks).map(([name, doc]) => [name, webhookOf(doc, components)]),
          ),
        }
      : {}),
    components: { ...COMPONENTS, schemas: components.all() },
  };
}
