import { createHash } from 'node:crypto';
import type { Context, Next } from 'koa';
import type { Database } from '../db/database.ts';
import { ApiError } from './errors.ts';
import { claimKey, completeKey, findKey, releaseKey } from './idempotency.store.ts';

declare module 'koa' {
  interface DefaultState {
    /**
     * Set by a route whose response carries a secret shown once (a new API key): the body a replay
     * answers instead, so the secret is never stored in clear here.
     */
    replayBody?: unknown;
  }
}

export interface IdempotencyOptions {
  db: Database;
  /** How long a key replays its response. */
  retentionHours?: number;
  /** A key still unfinished after this long belonged to a crashed process and may be reused. */
  abandonAfterSeconds?: number;
  /**
   * Requests that carry their own idempotency in the body (a scan with its scanner's `scanId`):
   * repeating one already answers the same, so the key is not stored, which saves the busiest route
   * two writes.
   */
  idempotentByItself?: (ctx: Context) => boolean;
}

/**
 * Makes POSTs safe to retry. The key comes from `Idempotency-Key` or, in the Eventop shape, the
 * body's `idempotency_key`; it is scoped to the caller (API key, or the public client's address)
 * and fingerprinted with method, path and body. Only successful responses are kept: a failed
 * request (4xx or 5xx) releases its key so a corrected retry runs again.
 */
export function idempotency(options: IdempotencyOptions) {
  const retentionHours = options.retentionHours ?? 24;
  const abandonAfterSeconds = options.abandonAfterSeconds ?? 120;

  return async function idempotentPost(ctx: Context, next: Next) {
    if (ctx.method !== 'POST' || options.idempotentByItself?.(ctx)) return next();
    const body = ctx.request.body as Record<string, unknown> | undefined;
    const fromBody = body && typeof body === 'object' ? body.idempotency_key : undefined;
    const key = ctx.get('Idempotency-Key') || (typeof fromBody === 'string' ? fromBody : '');
    if (!key) return next();
    if (key.length > 255) {
      throw new ApiError(400, 'idempotency.invalid_key', 'Idempotency-Key must be 1 to 255 characters.');
    }

    // Per caller and the promoter it acts for: an agency's admin key (or a person) that sends the same
    // key and body for two promoters (EntryRate-Promoter) makes two requests, not a replay.
    const auth = ctx.state.auth;
    const scope = auth ? `key:${auth.callerId}:${auth.promoterId}` : `client:${ctx.ip}`;
    const fingerprint = fingerprintOf(ctx.method, ctx.path, body);
    const claim = { scope, key, fingerprint, retentionHours, abandonAfterSeconds };

    if (!(await claimKey(options.db, claim))) {
      const stored = await findKey(options.db, scope, key);
      if (stored && stored.fingerprint !== fingerprint) {
        throw new ApiError(
          422,
          'idempotency.key_reused',
          'This Idempotency-Key was used with a different request.',
        );
      }
      if (!stored || stored.statusCode === null) {
        throw new ApiError(
          409,
          'idempotency.in_progress',
          'A request with this Idempotency-Key is still running.',
        );
      }
      ctx.status = stored.statusCode;
      ctx.body = stored.responseBody;
      ctx.set('Idempotent-Replayed', 'true');
      return;
    }

    try {
      await next();
    } catch (error) {
      await releaseKey(options.db, scope, key);
      throw error;
    }
    if (ctx.status >= 200 && ctx.status < 300) {
      const responseBody = ctx.state.replayBody ?? ctx.body;
      await completeKey(options.db, { scope, key, statusCode: ctx.status, responseBody });
    } else {
      await releaseKey(options.db, scope, key);
    }
  };
}

/** Same method, path and body (key order ignored, the body's idempotency_key left out) give the same digest. */
export function fingerprintOf(method: string, path: string, body: unknown): string {
  const { idempotency_key: _ignored, ...rest } =
    body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : { body };
  return createHash('sha256')
    .update(`${method} ${path}\n${canonicalJson(rest)}`)
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
