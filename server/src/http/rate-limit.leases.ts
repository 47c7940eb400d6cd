import type { CounterStore, Hit } from './rate-limit.store.ts';

/**
 * Counts one request and answers its place in the window's count, this request included: a place
 * above the limit is refused. Places are unique across every process that shares the store.
 */
export type RequestCounter = (hit: Hit) => Promise<number>;

interface Lease {
  /** The next place to hand out, and the last one this process holds. */
  next: number;
  last: number;
  expiresAtMs: number;
  taking: Promise<void> | null;
}

/**
 * A counter that takes places from the shared store `size` at a time and hands them out from memory,
 * so a busy bucket (every scanner of a venue on one key) costs one statement per `size` requests and
 * its row is no longer a lock every request queues on. The limit stays one for all processes: a place
 * is counted in the store before it is used. What it costs: a process may hold up to `size - 1`
 * places it has not used when the window ends, so with several processes a bucket may be refused
 * that many places early per process. Concurrent requests that find no place left wait for one
 * reservation between them.
 */
export function leasedCounter(
  reserve: CounterStore['count'],
  size: number,
): RequestCounter & { sweep(nowMs: number): void } {
  if (!Number.isInteger(size) || size < 1) throw new Error('leasedCounter: size must be a positive integer');
  const leases = new Map<string, Lease>();

  const take = async (lease: Lease, hit: Hit) => {
    try {
      const total = await reserve(hit, size);
      lease.next = total - size + 1;
      lease.last = total;
    } finally {
      lease.taking = null;
    }
  };

  const count = async (hit: Hit): Promise<number> => {
    // One lease per bucket and window: a window's places are worth nothing in the next.
    const id = `${hit.bucket}@${hit.windowStart.getTime()}`;
    for (;;) {
      let lease = leases.get(id);
      if (!lease) {
        lease = { next: 1, last: 0, expiresAtMs: hit.expiresAt.getTime(), taking: null };
        leases.set(id, lease);
      }
      if (lease.next <= lease.last) return lease.next++;
      lease.taking ??= take(lease, hit);
      await lease.taking;
    }
  };

  /** Drops the leases of windows whose counters have expired. */
  const sweep = (nowMs: number) => {
    for (const [id, lease] of leases) if (lease.expiresAtMs <= nowMs && !lease.taking) leases.delete(id);
  };
  return Object.assign(count, { sweep });
}
