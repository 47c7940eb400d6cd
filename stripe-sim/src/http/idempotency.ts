import type { Middleware } from 'koa';
import { renderError } from './errors.ts';
import type { SimState } from './state.ts';
import { idempotencyError, invalidRequest, StripeApiError } from './stripe-error.ts';

interface StoredRequest {
  endpoint: string;
  fingerprint: string;
  createdAt: number;
  /** Absent while the first request is still running. */
  response?: { status: number; body: unknown; requestId: string };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** JSON with sorted keys, so the same parameters in another order count as the same request. */
function fingerprint(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/**
 * Stripe saves a result only once an endpoint has started executing: successes, card errors (the charge
 * was attempted) and server errors are replayed; validation errors are not, so a corrected retry can run.
 */
function isSaved(status: number): boolean {
  return status < 400 || status === 402 || status >= 500;
}

/**
 * Stripe's `Idempotency-Key` on POST, scoped to the API key and the connected account: the same key and
 * parameters replay the saved response with `Idempotent-Replayed: true`; other parameters or another
 * endpoint are a 400 idempotency_error.
 * Keys are forgotten after 24 hours, as Stripe forgets them.
 */
export function idempotency(options: { now?: () => number } = {}): Middleware<SimState> {
  const now = options.now ?? Date.now;
  const stored = new Map<string, StoredRequest>();

  const forgetExpired = () => {
    for (const [scope, entry] of stored) {
      if (now() - entry.createdAt > DAY_MS) stored.delete(scope);
    }
  };

  return async (ctx, next) => {
    const key = ctx.get('idempotency-key');
    if (ctx.method !== 'POST' || !key) return next();
    if (key.length > 255) throw invalidRequest('Idempotency keys can be at most 255 characters long.');
    ctx.set('Idempotency-Key', key);

    forgetExpired();
    const scope = `${ctx.state.caller.key}\n${ctx.state.account ?? ''}\n${key}`;
    const endpoint = `${ctx.method} ${ctx.path}`;
    const print = fingerprint(ctx.state.params);
    const previous = stored.get(scope);

    if (previous) {
      const retryHint = `Try using a key other than '${key}' if you meant to execute a different request.`;
      if (previous.endpoint !== endpoint) {
        throw idempotencyError(
          `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${previous.endpoint}' vs '${endpoint}'). ${retryHint}`,
        );
      }
      if (previous.fingerprint !== print) {
        throw idempotencyError(
          `Keys for idempotent requests can only be used with the same parameters they were first used with. ${retryHint}`,
        );
      }
      if (!previous.response) {
        throw new StripeApiError(409, {
          type: 'invalid_request_error',
          code: 'idempotency_key_in_use',
          message:
            'There is currently another in-progress request using this Stripe API Key and idempotency key. Please try again later.',
        });
      }
      ctx.status = previous.response.status;
      ctx.body = previous.response.body;
      ctx.set('Idempotent-Replayed', 'true');
      ctx.set('Original-Request', previous.response.requestId);
      return;
    }

    const entry: StoredRequest = { endpoint, fingerprint: print, createdAt: now() };
    stored.set(scope, entry);
    try {
      await next();
      // A copy: the object in the store keeps changing, the replayed answer must not.
      const response = {
        status: ctx.status,
        body: structuredClone(ctx.body),
        requestId: ctx.state.requestId,
      };
      if (isSaved(ctx.status)) entry.response = response;
      else stored.delete(scope);
    } catch (err) {
      const { status, body } = renderError(err);
      if (isSaved(status)) entry.response = { status, body, requestId: ctx.state.requestId };
      else stored.delete(scope);
      throw err;
    }
  };
}
