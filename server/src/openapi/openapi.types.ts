import type { z } from 'zod';
import type { ErrorCode } from '../http/errors.ts';

/**
 * Who may call an operation: a secret key; anyone; a secret key or the session's client secret
 * (checkout, from a buyer's browser); Stripe, proven by its signature.
 */
export type Access = 'secretKey' | 'public' | 'secretKeyOrClientSecret' | 'stripeSignature';

/** What the API reference says about one route, beside the zod schemas its handler validates with. */
export interface OperationDoc {
  summary: string;
  description?: string;
  /** The section the operation is listed under. */
  tag: string;
  access: Access;
  /** Path parameters by name (`:id`); a parameter without one is a plain string. */
  params?: Record<string, z.ZodType>;
  /** The query schema; its properties become query parameters. */
  query?: z.ZodType;
  body?: z.ZodType;
  /** Successful answers by status. */
  responses: Record<number, { description: string; contentType?: string }>;
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
