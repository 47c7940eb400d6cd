import type { Context } from 'koa';
import { describe, expect, it } from 'vitest';
import type { CounterStore } from './rate-limit.store.ts';
import { describeWindow, exceededMessage, rateLimit, retryAfterSeconds, windowAt } from './rate-limit.ts';

// 2023-11-29T05:09:27.123Z: 27.123 s into a minute, 9 min 27.123 s into a quarter hour.
const now = 1_701_234_567_123;

describe('windowAt', () => {
  it('aligns fixed windows to multiples of their length since the epoch', () => {
    expect(windowAt(now, 60)).toEqual({
      startMs: 1_701_234_540_000,
      endMs: 1_701_234_600_000,
      expiresMs: 1_701_234_660_000,
    });
    const quarter = windowAt(now, 15 * 60);
    expect(new Date(quarter.startMs).toISOString()).toBe('2023-11-29T05:00:00.000Z');
    expect(new Date(quarter.endMs).toISOString()).toBe('2023-11-29T05:15:00.000Z');
    expect(new Date(quarter.expiresMs).toISOString()).toBe('2023-11-29T05:30:00.000Z');
  });

  it('starts a new window exactly at the boundary, and ends the old one a millisecond before', () => {
    expect(windowAt(1_701_234_600_000, 60).startMs).toBe(1_701_234_600_000);
    expect(windowAt(1_701_234_599_999, 60).startMs).toBe(1_701_234_540_000);
  });

  it('puts the reset on a whole second, as X-RateLimit-Reset needs', () => {
    expect(windowAt(now, 3600).endMs / 1000).toBe(1_701_237_600);
  });
});

describe('retryAfterSeconds', () => {
  const window = windowAt(now, 60);
  it('rounds the time left up to whole seconds', () => {
    expect(retryAfterSeconds(now, window)).toBe(33); // 32.877 s left
    expect(retryAfterSeconds(window.endMs - 37_000, window)).toBe(37);
    expect(retryAfterSeconds(window.endMs - 36_001, window)).toBe(37);
  });

  it('is at least 1, even in the window’s last millisecond', () => {
    expect(retryAfterSeconds(window.endMs - 1, window)).toBe(1);
    expect(retryAfterSeconds(window.endMs, window)).toBe(1);
  });
});

describe('the 429 message', () => {
  it('says the limit as a person would', () => {
    expect(exceededMessage(200, 15 * 60, 'this key', 37)).toBe(
      'Too many requests: 200 per 15 minutes for this key. Try again in 37 s.',
    );
    expect(exceededMessage(100, 60, 'this client', 12)).toBe(
      'Too many requests: 100 per minute for this client. Try again in 12 s.',
    );
  });

  it('names windows in their largest whole unit', () => {
    expect(describeWindow(1)).toBe('second');
    expect(describeWindow(90)).toBe('90 seconds');
    expect(describeWindow(60)).toBe('minute');
    expect(describeWindow(3600)).toBe('hour');
    expect(describeWindow(7200)).toBe('2 hours');
    expect(describeWindow(86_400)).toBe('day');
  });
});

describe('rateLimit', () => {
  /** A limiter with its counters in memory and a clock the test moves; `call` is one request. */
  function setUp(leaseSize: number) {
    const counts = new Map<string, number>();
    let nowMs = now;
    const store: CounterStore = {
      count: async (hit, requests) => {
        const id = `${hit.bucket}@${hit.windowStart.getTime()}`;
        counts.set(id, (counts.get(id) ?? 0) + requests);
        return counts.get(id) as number;
      },
      sweep: async () => {},
    };
    const limiter = rateLimit({
      store,
      name: 'scans',
      limit: 5,
      windowSeconds: 60,
      leaseSize,
      key: () => 'key_1',
      now: () => new Date(nowMs),
    });
    const call = async () => {
      const headers: Record<string, string> = {};
      const ctx = { method: 'POST', set: (name: string, value: string) => (headers[name] = value) };
      const error = await limiter(ctx as unknown as Context, async () => {}).catch((e: unknown) => e);
      return { error, headers };
    };
    return { call, advance: (ms: number) => (nowMs += ms) };
  }

  for (const leaseSize of [1, 2, 3]) {
    it(`counts down and refuses the 6th of 5 with 429 and Retry-After (counted ${leaseSize} at a time)`, async () => {
      const t = setUp(leaseSize);
      for (const remaining of [4, 3, 2, 1, 0]) {
        const { error, headers } = await t.call();
        expect(error).toBeUndefined();
        expect(headers).toMatchObject({
          'X-RateLimit-Limit': '5',
          'X-RateLimit-Remaining': String(remaining),
        });
      }
      const sixth = await t.call();
      expect(sixth.error).toMatchObject({ status: 429, code: 'rate_limit.exceeded' });
      expect((sixth.error as Error).message).toBe(
        'Too many requests: 5 per minute for this key. Try again in 33 s.',
      );
      expect(sixth.headers).toMatchObject({
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': String(windowAt(now, 60).endMs / 1000),
        'Retry-After': '33',
      });
      t.advance(33_000);
      expect((await t.call()).error).toBeUndefined();
    });
  }
});
