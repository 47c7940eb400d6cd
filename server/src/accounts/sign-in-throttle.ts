import { setTimeout as sleep } from 'node:timers/promises';
import type { Context, Next } from 'koa';
import type { Database } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { countRequest, uncountRequest } from '../http/rate-limit.store.ts';
import { retryAfterSeconds, windowAt } from '../http/rate-limit.ts';

const WINDOW_SECONDS = 15 * 60;
/** Failures for one email in a window before each further attempt waits. */
const SLOW_AFTER = 5;
/** Failures for one email in a window before attempts are refused. */
const REFUSE_AFTER = 10;
// One address trying many emails is credential stuffing; an office or a venue's wifi behind one
// address is several honest people, so it gets more room than one email does.
const REFUSE_AFTER_FROM_ADDRESS = 30;
const MAX_DELAY_MS = 5000;

export interface SignInThrottleOptions {
  db: Database;
  /** The first wait, after SLOW_AFTER failures; it doubles per failure up to 5 s (0: never wait). */
  delayMs: number;
  wait?: (ms: number) => Promise<unknown>;
}

/**
 * Slows and then stops guessing at sign-in, per email and per client address, with the counters
 * in the shared `rate_limits` table. Every attempt counts before the password is checked (so
 * parallel guesses cannot slip past the count) and a successful one is taken back: what remains
 * counted are the failures. After 5 failures for an email in 15 minutes each attempt waits, after
 * 10 it is a 429 `auth.too_many_attempts` with `Retry-After`, whether the email has an account or not.
 */
export function signInThrottle(options: SignInThrottleOptions) {
  const wait = options.wait ?? sleep;
  return async function throttleSignIn(ctx: Context, next: Next) {
    const now = Date.now();
    const window = windowAt(now, WINDOW_SECONDS);
    const windowStart = new Date(window.startMs);
    const body = ctx.request.body as { email?: unknown } | undefined;
    const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : null;
    const buckets = [`sign-in:address:${ctx.ip}`, ...(email ? [`sign-in:email:${email}`] : [])];
    const [byAddress = 0, byEmail = 0] = await Promise.all(
      buckets.map((bucket) =>
        countRequest(options.db, { bucket, windowStart, expiresAt: new Date(window.expiresMs) }),
      ),
    );
    // The count includes this attempt: the one after 10 failures sees 11.
    if (byEmail > REFUSE_AFTER || byAddress > REFUSE_AFTER_FROM_ADDRESS) {
      const retryAfter = retryAfterSeconds(now, window);
      ctx.set('Retry-After', String(retryAfter));
      throw new ApiError(
        429,
        'auth.too_many_attempts',
        `Too many failed sign-ins. Try again in ${Math.ceil(retryAfter / 60)} min, or reset your password.`,
      );
    }
    if (byEmail > SLOW_AFTER && options.delayMs > 0) {
      await wait(Math.min(MAX_DELAY_MS, options.delayMs * 2 ** (byEmail - SLOW_AFTER - 1)));
    }
    const giveBack = () =>
      Promise.all(buckets.map((bucket) => uncountRequest(options.db, { bucket, windowStart })));
    try {
      await next();
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'auth.invalid_credentials')) await giveBack();
      throw error;
    }
    await giveBack();
  };
}
