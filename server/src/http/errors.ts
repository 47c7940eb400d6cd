import type { Context, Next } from 'koa';
import type { Logger } from 'pino';
import type { ZodError } from 'zod';

/** Every error code the API can answer with, and what it means. Codes are stable: never rename one. */
export const ERROR_CODES = {
  'request.invalid': 'The request body, query or path is not valid; `param` names the field.',
  'request.malformed_json': 'The body is not valid JSON.',
  'request.unsupported_version': 'The EntryRate-Version header names a version this server does not know.',
  'route.not_found': 'No endpoint answers at this method and path.',
  'auth.missing_key': 'No Bearer API key was sent.',
  'auth.invalid_key': 'The API key is unknown or revoked.',
  'auth.live_mode_unavailable':
    'Live keys are refused while the server runs against the stripe-sim; it needs real Stripe keys first.',
  'api_key.not_found': 'No API key with this id belongs to you in this mode.',
  'idempotency.key_reused': 'The Idempotency-Key was already used with a different request.',
  'idempotency.in_progress': 'A request with this Idempotency-Key is still running.',
  'idempotency.invalid_key': 'The Idempotency-Key is empty or longer than 255 characters.',
  'rate_limit.exceeded':
    'Too many requests from this key or client in the current window; retry after `Retry-After` seconds.',
  'venue.not_found': 'No venue with this id belongs to you.',
  'event.not_found': 'No event with this id or slug is available.',
  'event.not_on_sale': 'The event is not live.',
  'event.slug_taken': 'Another event of yours already has this slug.',
  'event.invalid_transition': 'The event cannot move to that status from its current one.',
  'event.doors_passed':
    "The event's doors are in the past, so it cannot go on sale: PATCH a future `doors` first.",
  'event.tier_not_found': 'A tier named in the request does not belong to the event.',
  'event.tier_oversold': 'Not enough tickets are left in the tier.',
  'event.tier_not_on_sale': "The tier's sales window has not opened yet or has closed.",
  'event.stock_below_sold': "A tier's stock cannot go below what is sold plus what open checkouts hold.",
  'event.cancelled': 'The event is cancelled and can no longer be changed.',
  'checkout.session_not_found': 'No checkout session with this id, or the client secret does not match.',
  'checkout.session_expired': 'The checkout session expired and its tickets were released.',
  'checkout.session_not_open': 'The checkout session is complete or cancelled.',
  'order.not_found': 'No order with this id belongs to you in this mode.',
  'order.already_refunded': 'The order is already refunded in full.',
  'order.refund_too_large': 'The refund is more than what is left to refund on the order.',
  'ticket.not_found': 'No ticket with this id belongs to you (or to this checkout).',
  'payments.unavailable': 'The payment provider could not be reached; try again.',
  'payments.mode_unavailable':
    "The server's Stripe key is of the other mode: test-mode checkouts never touch Stripe's live mode, nor live ones its test mode.",
  'payouts.account_not_connected':
    'No Stripe account is connected to you, or Stripe no longer lets us read it; payouts cannot be listed.',
  'payouts.mode_unavailable':
    "This server's Stripe key is of the other mode, so it cannot read this key's payouts (test and live never mix).",
  'webhook_endpoint.not_found': 'No webhook endpoint with this id belongs to you in this mode.',
  'payments.refund_failed': 'The payment provider could not make the refund; nothing was refunded.',
  'stripe.invalid_signature': 'The Stripe-Signature header does not verify against the payload.',
  internal: 'Something went wrong on our side; the requestId helps us find it.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The one error type of the API: an HTTP status, a stable dotted code, a message for humans. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly param?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Turns a zod failure into the 400 that names the first offending field as `items[0].quantity`. */
export function invalidRequest(error: ZodError, prefix?: string): ApiError {
  const issue = error.issues[0];
  const path = [...(prefix ? [prefix] : []), ...(issue?.path ?? [])];
  const param = path.reduce<string>(
    (acc, part) =>
      typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part),
    '',
  );
  const message = issue ? (param ? `${param}: ${issue.message}` : issue.message) : 'Invalid request.';
  return new ApiError(400, 'request.invalid', message, param || undefined);
}

/** Renders every thrown error in the seeds' shape; unknown errors become a logged 500 `internal`. */
export function errorHandler(options: { docsUrl: string; logger: Logger }) {
  return async function handleErrors(ctx: Context, next: Next) {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        throw new ApiError(404, 'route.not_found', `No endpoint ${ctx.method} ${ctx.path}.`);
      }
    } catch (thrown) {
      const error = toApiError(thrown);
      if (error.status >= 500)
        options.logger.error({ err: thrown, requestId: ctx.state.requestId }, 'request failed');
      ctx.status = error.status;
      ctx.body = {
        error: {
          code: error.code,
          message: error.message,
          ...(error.param ? { param: error.param } : {}),
          docs: `${options.docsUrl}#${error.code}`,
          requestId: ctx.state.requestId,
        },
      };
    }
  };
}

function toApiError(thrown: unknown): ApiError {
  if (thrown instanceof ApiError) return thrown;
  // Koa's body parser throws http-errors (status 400/413/415) for bodies it cannot read.
  const status = (thrown as { status?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code: ErrorCode = /json/i.test(String((thrown as Error).message))
      ? 'request.malformed_json'
      : 'request.invalid';
    return new ApiError(status, code, (thrown as Error).message);
  }
  return new ApiError(500, 'internal', 'Internal error.');
}
