import type { z } from 'zod';
import type { Permission } from '../access/roles.ts';
import type { ErrorCode } from '../http/errors.ts';

/**
 * Who may call an operation: `secretKey` is any key or a signed-in person acting for a promoter
 * (`EntryRate-Promoter`), as far as the operation's `permission` allows; anyone;
 * a secret key or the session's client secret (checkout, from a buyer's browser); Stripe, proven by
 * its signature; a signed-in person, whichever promoter (their own session and memberships).
 */
export type Access = 'secretKey' | 'public' | 'secretKeyOrClientSecret' | 'stripeSignature' | 'session';

/** What the API reference says about one route, beside the zod schemas its handler validates with. */
export interface OperationDoc {
  summary: string;
  description?: string;
  /** The section the operation is listed under. */
  tag: string;
  access: Access;
  /** What the caller's role must hold (access/roles.ts), on routes that act for a promoter. */
  permission?: Permission;
  /** Path parameters by name (`:id`); a parameter without one is a plain string. */
  params?: Record<string, z.ZodType>;
  /** The query schema; its properties become query parameters. */
  query?: z.ZodType;
  body?: z.ZodType;
  /**
   * Successful answers by status: for JSON, the zod schema the handler's answer meets (a named
   * component when the schema has a `meta({ id })`) and an example of it.
   */
  responses: Record<
    number,
    {
      description: string;
      contentType?: string;
      /** A file route that answers several types (a script, a style, WebAssembly): all of them. */
      contentTypes?: string[];
      schema?: z.ZodType;
      example?: unknown;
    }
  >;
  /** An example request: path parameters, query and body as a client would send them. */
  example?: { params?: Record<string, string>; query?: Record<string, unknown>; body?: unknown };
  /**
   * The SDKs' method for this operation in JavaScript's spelling (`events.create`,
   * `webhookEndpoints.listDeliveries`); Python's (`events.create`, `webhook_endpoints.list_deliveries`)
   * and PHP's follow from it. Operations without one are not in the SDKs.
   */
  sdk?: string;
  /**
   * The operation's own error codes by status. Those every route of its kind can answer
   * (invalid input, missing key, idempotency, rate limit, internal) are added for it.
   */
  errors?: Partial<Record<number, ErrorCode[]>>;
}

/**
 * A feature's route documentation, keyed `METHOD /path` exactly as its router registers the route
 * (`GET /v1/events/:id`). The OpenAPI document walks the mounted routers and looks each route up
 * here; a test fails for a route without an entry, and for an entry without a route.
 */
export type RouteDocs = Record<string, OperationDoc>;

/** A request we send to promoters' endpoints (OpenAPI's `webhooks`): a POST of `body`. */
export interface WebhookDoc {
  summary: string;
  description: string;
  tag: string;
  /** Headers every delivery carries, with what each says. */
  headers: Record<string, string>;
  body: z.ZodType;
  example?: unknown;
}

/** The requests we send, by event type. */
export type WebhookDocs = Record<string, WebhookDoc>;
