import { describe, expect, it } from 'vitest';
import { ATTEMPTS_DUE_MS, GIVE_UP_AFTER_MS, inWords, nextAttemptDue } from './retry-schedule.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('the webhook retry schedule', () => {
  it('tries at once, backs off exponentially, then every 12 hours, with a last attempt at 3 days', () => {
    expect(ATTEMPTS_DUE_MS).toEqual([
      0,
      MINUTE,
      6 * MINUTE,
      36 * MINUTE,
      2 * HOUR + 36 * MINUTE,
      7 * HOUR + 36 * MINUTE,
      17 * HOUR + 36 * MINUTE,
      29 * HOUR + 36 * MINUTE,
      41 * HOUR + 36 * MINUTE,
      53 * HOUR + 36 * MINUTE,
      65 * HOUR + 36 * MINUTE,
      72 * HOUR,
    ]);
    expect(GIVE_UP_AFTER_MS).toBe(72 * HOUR);
  });

  it('counts from the event, and has no attempt after the last', () => {
    const created = Date.UTC(2026, 0, 1);
    expect(nextAttemptDue(created, 1)).toBe(created + MINUTE);
    expect(nextAttemptDue(created, 4)).toBe(created + 2 * HOUR + 36 * MINUTE);
    expect(nextAttemptDue(created, ATTEMPTS_DUE_MS.length - 1)).toBe(created + 72 * HOUR);
    expect(nextAttemptDue(created, ATTEMPTS_DUE_MS.length)).toBeNull();
  });
});

describe('inWords', () => {
  it('reads as the log shows spans', () => {
    expect([0, MINUTE, 2 * HOUR + 36 * MINUTE, 72 * HOUR, 90_500].map(inWords)).toEqual([
      '0s',
      '1m',
      '2h36m',
      '3d',
      '1m31s',
    ]);
  });
});
