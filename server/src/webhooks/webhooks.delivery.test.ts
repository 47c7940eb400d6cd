import { describe, expect, it } from 'vitest';
import { nextAttemptAfter, RETRY_DELAYS_MS, RETRY_FOR_MS } from './webhooks.delivery.ts';

const HOUR = 3_600_000;
const t0 = new Date('2026-05-01T12:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('nextAttemptAfter', () => {
  it('waits 30 s, 2 min, 10 min, 1 h, 6 h, then every 12 h (without jitter)', () => {
    const noJitter = () => 0.5;
    const waits = [1, 2, 3, 4, 5, 6, 7].map(
      (attempts) => (nextAttemptAfter(attempts, t0, t0, noJitter) as Date).getTime() - t0.getTime(),
    );
    expect(waits).toEqual([30_000, 120_000, 600_000, HOUR, 6 * HOUR, 12 * HOUR, 12 * HOUR]);
    expect(RETRY_DELAYS_MS).toHaveLength(6);
  });

  it('jitters each wait by up to a fifth either way', () => {
    const low = nextAttemptAfter(4, t0, t0, () => 0) as Date;
    const high = nextAttemptAfter(4, t0, t0, () => 0.999999) as Date;
    expect(low.getTime() - t0.getTime()).toBe(0.8 * HOUR);
    expect(high.getTime() - t0.getTime()).toBeGreaterThan(1.19 * HOUR);
    expect(high.getTime() - t0.getTime()).toBeLessThan(1.2 * HOUR);
  });

  it('never schedules past 3 days after the event, and gives up once they are over', () => {
    const late = at(RETRY_FOR_MS - HOUR);
    expect(nextAttemptAfter(9, t0, late, () => 0.5)).toEqual(at(RETRY_FOR_MS));
    expect(nextAttemptAfter(10, t0, at(RETRY_FOR_MS))).toBeNull();
    expect(nextAttemptAfter(10, t0, at(RETRY_FOR_MS + 1))).toBeNull();
  });

  it('makes about a dozen attempts over the 3 days', () => {
    let now = t0;
    let attempts = 1;
    for (
      let next = nextAttemptAfter(1, t0, now, () => 0.5);
      next;
      next = nextAttemptAfter(attempts, t0, now)
    ) {
      now = next;
      attempts += 1;
    }
    expect(now).toEqual(at(RETRY_FOR_MS));
    expect(attempts).toBeGreaterThanOrEqual(10);
    expect(attempts).toBeLessThanOrEqual(14);
  });
});
