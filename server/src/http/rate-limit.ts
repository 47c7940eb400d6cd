import type { Context, Next } from 'koa';
import { ApiError } from './errors.ts';
import { leasedCounter, type RequestCounter } from './rate-limit.leases.ts';
import type { CounterStore } from './rate-limit.store.ts';

export interface RateLimitOptions {
  /** Where the counters are: `counterStore(db)`, shared by every process. */
  store: CounterStore;
  /** Keeps this limiter's counters apart from the others': buckets are `${name}:${key}`. */
  name: string;
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
  /** Who is counted (an API key id, a client address); null leaves the request to other limiters. */
  key: (ctx: Context) => string | null;
  /** Who the 429's message speaks of. */
  subject?: string;
  /** The most often one process sweeps expired counters. */
  sweepEverySeconds?: number;
  /**
   * Counts this many requests in the store at once and hands them out from memory (see
   * leasedCounter): for a bucket too busy for a statement per request. 1 (the default) counts each.
   */
  leaseSize?: number;
  now?: () => Date;
}

/** A fixed window: starts at a multiple of its length since the Unix epoch. */
export interface RateWindow {
  startMs: number;
  endMs: number;
  /** When its counter may be deleted: one window after the window ended. */
  expiresMs: number;
}

/**
 * Fixed-window rate limiting with the counters in PostgreSQL, so every server process shares them.
 * A limited response carries `X-RateLimit-Limit`, `-Remaining` and `-Reset` (Unix seconds when the
 * window ends); over the limit it is a 429 `rate_limit.exceeded` with `Retry-After`. Every attempt
 * counts, whatever its outcome; CORS preflights (OPTIONS) never do. With `leaseSize` a process
 * counts requests in blocks and may refuse a bucket up to a block early (see leasedCounter).
 */
export function rateLimit(options: RateLimitOptions) {
  const { store, name, limit, windowSeconds, key } = options;
  const subject = options.subject ?? 'this key';
  const sweepEveryMs = (options.sweepEverySeconds ?? 60) * 1000;
  const clock = options.now ?? (() => new Date());
  const leaseSize = options.leaseSize ?? 1;
  const leases = leaseSize > 1 ? leasedCounter(store.count, leaseSize) : null;
  const count: RequestCounter = leases ?? ((hit) => store.count(hit, 1));
  if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(windowSeconds) || windowSeconds < 1) {
    throw new Error(`rateLimit ${name}: limit and windowSeconds must be positive integers`);
  }
  // Expired counters are swept by the request that finds a sweep due, at most once a minute per
  // limiter and process, in one indexed DELETE. On a clock rather than every Nth request, the cost
  // stays flat under any load and old rows still go when traffic is light. Losing this timestamp
  // (a restart) only brings the next sweep forward: what a process holds in memory (leases) is
  // already counted in the store.
  let nextSweepAt = 0;

  return async function limitRate(ctx: Context, next: Next) {
    if (ctx.method === 'OPTIONS') return next();
    const who = key(ctx);
    if (who === null) return next();

    const now = clock().getTime();
    if (now >= nextSweepAt) {
      nextSweepAt = now + sweepEveryMs;
      leases?.sweep(now);
      await store.sweep();
    }
    const window = windowAt(now, windowSeconds);
    const place = await count({
      bucket: `${name}:${who}`,
      windowStart: new Date(window.startMs),
      expiresAt: new Date(window.expiresMs),
    });
    ctx.set('X-RateLimit-Limit', String(limit));
    ctx.set('X-RateLimit-Remaining', String(Math.max(0, limit - place)));
    ctx.set('X-RateLimit-Reset', String(window.endMs / 1000));
    if (place > limit) {
      const retryAfter = retryAfterSeconds(now, window);
      ctx.set('Retry-After', String(retryAfter));
      throw new ApiError(
        429,
        'rate_limit.exceeded',
        exceededMessage(limit, windowSeconds, subject, retryAfter),
      );
    }
    await next();
  };
}

/** The fixed window of `windowSeconds` that holds the instant `nowMs`. */
export function windowAt(nowMs: number, windowSeconds: number): RateWindow {
  const length = windowSeconds * 1000;
  const startMs = Math.floor(nowMs / length) * length;
  return { startMs, endMs: startMs + length, expiresMs: startMs + 2 * length };
}

/** Whole seconds until the window ends, rounded up and never below 1, for `Retry-After`. */
export function retryAfterSeconds(nowMs: number, window: RateWindow): number {
  return Math.max(1, Math.ceil((window.endMs - nowMs) / 1000));
}

/** `Too many requests: 200 per 15 minutes for this key. Try again in 37 s.` */
export function exceededMessage(limit: number, windowSeconds: number, subject: string, retryAfter: number) {
  return `Too many requests: ${limit} per ${describeWindow(windowSeconds)} for ${subject}. Try again in ${retryAfter} s.`;
}

/** `minute`, `15 minutes`, `hour`, `90 seconds`: the window as a person says it after "per". */
export function describeWindow(seconds: number): string {
  const units: [number, string][] = [
    [86_400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ];
  const [size, unit] = units.find(([size]) => seconds % size === 0) ?? [1, 'second'];
  const n = seconds / size;
  return n === 1 ? unit : `${n} ${unit}s`;
}
