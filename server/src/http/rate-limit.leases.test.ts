import { describe, expect, it } from 'vitest';
import { leasedCounter } from './rate-limit.leases.ts';
import type { CounterStore, Hit } from './rate-limit.store.ts';

/** The shared `rate_limits` table in memory: `count` adds and answers the new total, as the SQL does. */
function memoryStore() {
  const counts = new Map<string, number>();
  let statements = 0;
  const count: CounterStore['count'] = async (hit, requests) => {
    statements++;
    const id = `${hit.bucket}@${hit.windowStart.getTime()}`;
    const total = (counts.get(id) ?? 0) + requests;
    counts.set(id, total);
    return total;
  };
  return { count, statements: () => statements, counts };
}

const minute = (n: number): Hit => ({
  bucket: 'scans:key_1',
  windowStart: new Date(n * 60_000),
  expiresAt: new Date((n + 2) * 60_000),
});

describe('leasedCounter', () => {
  it('hands out places 1, 2, 3… from one statement per block', async () => {
    const store = memoryStore();
    const count = leasedCounter(store.count, 10);
    const places = [];
    for (let i = 0; i < 25; i++) places.push(await count(minute(1)));
    expect(places).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(store.statements()).toBe(3);
  });

  it('gives two processes on one store different places, so the limit holds across them', async () => {
    const store = memoryStore();
    const a = leasedCounter(store.count, 4);
    const b = leasedCounter(store.count, 4);
    const limit = 10;
    const places = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b)(minute(1))));
    expect(new Set(places).size).toBe(30);
    expect(places.filter((place) => place <= limit)).toHaveLength(limit);
  });

  it('lets requests that find the block spent wait for one reservation between them', async () => {
    const store = memoryStore();
    const count = leasedCounter(store.count, 50);
    const places = await Promise.all(Array.from({ length: 50 }, () => count(minute(1))));
    expect([...places].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(store.statements()).toBe(1);
  });

  it('starts a new window from its own count, not the last one’s block', async () => {
    const store = memoryStore();
    const count = leasedCounter(store.count, 10);
    await count(minute(1));
    expect(await count(minute(2))).toBe(1);
    expect(await count(minute(1))).toBe(2);
  });

  it('fails the requests waiting on a reservation that fails, and tries again on the next', async () => {
    let fail = true;
    const store = memoryStore();
    const count = leasedCounter(async (hit, n) => {
      if (fail) throw new Error('database down');
      return store.count(hit, n);
    }, 5);
    await expect(Promise.all([count(minute(1)), count(minute(1))])).rejects.toThrow('database down');
    fail = false;
    expect(await count(minute(1))).toBe(1);
  });

  it('forgets the blocks of expired windows when swept', async () => {
    const store = memoryStore();
    const count = leasedCounter(store.count, 10);
    await count(minute(1));
    count.sweep(minute(1).expiresAt.getTime());
    // The old window's block is gone: a request still in it reserves again.
    expect(await count(minute(1))).toBe(11);
  });
});
