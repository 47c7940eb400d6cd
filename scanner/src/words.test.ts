import { describe, expect, it } from 'vitest';
import { clockTime, verdictOf } from './words.ts';

const now = new Date(2031, 5, 1, 21, 0);
const at = (hours: number, minutes: number, day = 1) => new Date(2031, 5, day, hours, minutes).toISOString();

describe('what the door reads', () => {
  it('names the tier of a valid ticket', () => {
    expect(verdictOf({ valid: true, tierName: 'Early bird' }, now)).toEqual({
      tone: 'valid',
      headline: 'Valid',
      detail: 'Early bird',
    });
  });

  it('says when and at which gate a ticket was already scanned', () => {
    const verdict = verdictOf(
      {
        valid: false,
        reason: 'already_scanned',
        admission: { scanId: 's1', scannedAt: at(20, 14), gate: 'Gate 2' },
      },
      now,
    );
    expect(verdict).toEqual({
      tone: 'warning',
      headline: 'Already scanned',
      detail: 'Scanned in at 20:14 at Gate 2.',
    });
  });

  it('gives the day of a scan on another day, and leaves out a gate nobody named', () => {
    const verdict = verdictOf(
      {
        valid: false,
        reason: 'already_scanned',
        admission: { scanId: 's1', scannedAt: at(23, 5, 30), gate: null },
      },
      new Date(2031, 6, 1, 0, 10),
    );
    expect(verdict.detail).toBe('Scanned in at Mon 30 Jun, 23:05.');
  });

  it('refuses refunded, foreign, forged and screenshot codes in red, each with its own words', () => {
    const words = (['void', 'wrong_event', 'not_found', 'forged', 'expired_window'] as const).map((reason) =>
      verdictOf({ valid: false, reason, admission: null }, now),
    );
    expect(words.map((w) => w.tone)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'invalid']);
    expect(words.map((w) => w.headline)).toEqual([
      'Refunded',
      'Another event',
      'Not our ticket',
      'Not a ticket',
      'Expired code',
    ]);
    expect(words[4]?.detail).toMatch(/screenshot/);
  });

  it('gives the time alone for today', () => {
    expect(clockTime(at(9, 5), now)).toBe('09:05');
  });
});
