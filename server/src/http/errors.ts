import type { Context, Next } from 'koa';
import type { Logger } from 'pino';
import { type ZodError, z } from 'zod';
import { isDatabaseUnavailable } from '../db/errors.ts';

/** Every error code the API can answer with, and what it means. Codes are stable: never rename one. */
export const ERROR_CODES = {
  'request.invalid': 'The request body, query or path is not valid; `param` names the field.',
  'request.malformed_json': 'The body is not valid JSON.',
  'request.unsupported_version': 'The EntryRate-Version header names a version this server does not know.',
  'request.unsupported_encoding':
    'The body has a Content-Encoding this server does not read; send it as identity, gzip, deflate or br.',
  'request.invalid_encoding':
    'The body could not be decoded as its Content-Encoding says (gzip that is not gzip).',
  'request.method_not_allowed':
    'The endpoint does not answer this method; the `Allow` header lists the ones it does.',
  'request.method_not_implemented':
    'The server implements this HTTP method on no endpoint; the `Allow` header lists what the path answers.',
  'route.not_found': 'No endpoint answers at this method and path.',
  'auth.missing_key': 'No Bearer API key was sent, and no one is signed in for a promoter.',
  'auth.invalid_key': 'The API key is unknown or revoked.',
  'auth.forbidden': "The caller's role does not hold the permission this route needs.",
  'auth.promoter_forbidden':
    'The EntryRate-Promoter header names a promoter this key or person may not act for.',
  'auth.live_mode_unavailable':
    'Live keys are refused while the server runs against the stripe-sim; it needs real Stripe keys first.',
  'auth.missing_session': 'No one is signed in: the request carried no session cookie.',
  'auth.session_expired': 'The sign-in session ended (idle too long, signed out, or the password changed).',
  'auth.csrf_failed':
    'A request signed in by cookie that changes something must carry the X-CSRF-Token of its session and come from this origin.',
  'auth.invalid_credentials': 'The email or password is wrong (which one is not said).',
  'auth.too_many_attempts':
    'Too many failed sign-ins for this email or address; retry after `Retry-After` seconds.',
  'account.weak_password': 'The password is too short: at least 12 characters.',
  'account.token_expired': 'The link was used already or has expired; ask for a new one.',
  'invitation.expired': 'The invitation is unknown, used, revoked or expired.',
  'invitation.sign_in_required': 'The invited email has an account: sign in as it, then accept.',
  'invitation.wrong_person': 'You are signed in as someone other than the invited email.',
  'team.already_member': 'The email belongs to a member of this promoter already.',
  'team.last_owner': 'The change would leave the promoter without an owner.',
  'team.member_not_found': 'No member with this id belongs to this promoter.',
  'team.invitation_not_found': 'No open invitation with this id belongs to this promoter.',
  'api_key.not_found': 'No API key with this id belongs to you in this mode.',
  'promoter.agency_managed':
    'The promoter is managed by an agency, so it cannot manage promoters of its own; create it as the agency.',
  'idempotency.key_reused': 'The Idempotency-Key was already used with a different request.',
  'idempotency.in_progress': 'A request with this Idempotency-Key is still running.',
  'idempotency.invalid_key': 'The Idempotency-Key is empty or longer than 255 characters.',
  'rate_limit.exceeded':
    'Too many requests from this key or client in the current window; retry after `Retry-After` seconds.',
  'venue.not_found': 'No venue with this id belongs to you.',
  'event.not_found': 'No event with this id or slug is available.',
  'scan.id_reused': "The scanId was already used for another ticket's scan; make a new id for each scan.",
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
  'checkout.settlement_not_failed':
    'The session has no failed settlement to retry: the worker is still at it, or nothing is owed.',
  'checkout.amount_unpayable':
    "The session's total is one Stripe cannot charge: under the currency's minimum charge, or over its maximum.",
  'order.not_found': 'No order with this id belongs to you in this mode.',
  'order.already_refunded': 'The order is already refunded in full.',
  'order.not_refundable': 'The order was free: no payment was taken, so there is nothing to refund.',
  'order.refund_too_large': 'The refund is more than what is left to refund on the order.',
  'ticket.not_found': 'No ticket with this id belongs to you (or to this checkout).',
  'ticket_link.invalid':
    'The ticket page link is not one we issued for this order; ask for a new one at /tickets.',
  'ticket_link.replaced':
    'A newer link to these tickets was sent, which replaced this one; use the latest email, or ask for a new link at /tickets.',
  'payments.unavailable': 'The payment provider could not be reached; try again.',
  'payments.mode_unavailable':
    "The server's Stripe key is of the other mode: test-mode checkouts never touch Stripe's live mode, nor live ones its test mode.",
  'payouts.account_not_connected':
    'No Stripe account is connected to you, or Stripe no longer lets us read it; payouts cannot be listed.',
  'payouts.mode_unavailable':
    "This server's Stripe key is of the other mode, so it cannot read this key's payouts (test and live never mix).",
  'webhook_endpoint.not_found': 'No webhook endpoint with this id belongs to you in this mode.',
  'webhook_endpoint.disabled':
    'The webhook endpoint is disabled, so nothing is sent to it; enable it first (POST …/enable).',
  'webhook_delivery.not_found': 'The webhook endpoint has no delivery of this event.',
  'webhook_delivery.in_progress':
    'The delivery is being sent this moment; look at the log for how it went, then resend if need be.',
  'payments.refund_failed': 'The payment provider could not make the refund; nothing was refunded.',
  'stripe.event_early':
    'A Stripe event about a payment that is not settled yet (a refund before its payment): Stripe sends it again.',
  'stripe.invalid_signature': 'The Stripe-Signature header does not verify against the payload.',
  'service.unavailable':
    'A service the request needs (the database) is unreachable for now; retry after `Retry-After` seconds.',
  internal: 'Something went wrong on our side; the requestId helps us find it.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The body of every error answer. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]).describe('Stable and dotted.'),
      message: z.string().describe('For people; may change.'),
      param: z.string().optional().describe('The offending field, as `items[0].quantity`.'),
      docs: z.url().describe('Where the code is explained.'),
      requestId: z.string().describe('`req_…`, also in the `X-Request-Id` header.'),
    }),
  })
  .meta({ id: 'Error', description: 'An error: its code says what happened, and `docs` links to more.' });
export type ErrorBody = z.infer<typeof errorBodySchema>;

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
  const param = paramOf([...(prefix ? [prefix] : []), ...(issue?.path ?? [])]);
  const message = issue ? (param ? `${param}: ${issue.message}` : issue.message) : 'Invalid request.';
  return new ApiError(400, 'request.invalid', message, param || undefined);
}

/** A field's path as `param` names it: `['items', 0, 'tier']` is `items[0].tier`. */
export function paramOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, part) =>
      typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part),
    '',
  );
}

/**
 * Renders every thrown error in the seeds' shape; unknown errors become a logged 500 `internal`,
 * an unreachable database a 503 `service.unavailable`. Every 503 carries `Retry-After`.
 */
export function errorHandler(options: { docsUrl: string; logger: Logger; retryAfterSeconds?: number }) {
  const retryAfter = String(options.retryAfterSeconds ?? 5);
  return async function handleErrors(ctx: Context, next: Next) {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        throw new ApiError(404, 'route.not_found', `No endpoint ${ctx.method} ${ctx.path}.`);
      }
      // @koa/router's allowedMethods answers these with a bare status and an `Allow` header.
      const allow = ctx.response.get('Allow');
      if (ctx.status === 405 && ctx.body === undefined) {
        const message = `${ctx.path} does not answer ${ctx.method}; it answers ${allow}.`;
        throw new ApiError(405, 'request.method_not_allowed', message);
      }
      if (ctx.status === 501 && ctx.body === undefined) {
        const message = `This server does not implement ${ctx.method}; ${ctx.path} answers ${allow}.`;
        throw new ApiError(501, 'request.method_not_implemented', message);
      }
    } catch (thrown) {
      const error = toApiError(thrown);
      if (error.code === 'service.unavailable') {
        options.logger.warn(
          { reason: String(thrown), requestId: ctx.state.requestId },
          'database unavailable',
        );
      } else if (error.code === 'internal') {
        options.logger.error({ err: thrown, requestId: ctx.state.requestId }, 'request failed');
      } else if (error.status >= 500 && error.status !== 501) {
        // Ours to know about (Stripe unreachable, a refund Stripe refused), but no bug: no stack.
        options.logger.warn({ code: error.code, requestId: ctx.state.requestId }, error.message);
      }
      if (error.status === 503 && !ctx.response.get('Retry-After')) ctx.set('Retry-After', retryAfter);
      ctx.status = error.status;
      const body: ErrorBody = {
        error: {
          code: error.code,
          message: error.message,
          ...(error.param ? { param: error.param } : {}),
          docs: `${options.docsUrl}#${error.code}`,
          requestId: ctx.state.requestId,
        },
      };
      ctx.body = body;
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
  if (isDatabaseUnavailable(thrown)) {
    return new ApiError(
      503,
      'service.unavailable',
      'The database cannot be reached right now; try again shortly.',
    );
  }
  return new ApiError(500, 'internal', 'Internal error.');
}
