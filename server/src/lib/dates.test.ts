import { describe, expect, it } from 'vitest';
import { isoDay, isoInstant } from './dates.ts';

describe('isoInstant', () => {
  it.each([
    '2026-05-02T19:00:00Z',
    '2026-05-02T19:00:00.123456+05:30',
    '0001-01-01T00:00:00Z',
    '9999-12-31T23:59:59.999Z',
    '2030-01-01T00:00:00-15:59',
  ])('takes %s', (text) => {
    expect(isoInstant.safeParse(text).success).toBe(true);
  });

  it.each([
    ['year 0000', '0000-01-01T00:00:00Z'],
    ['an instant before year 1 in UTC', '0001-01-01T00:00:00+01:00'],
    ['an instant after 9999 in UTC', '9999-12-31T23:59:59-01:00'],
    ['an expanded year', '+010000-01-01T00:00:00Z'],
    ['a negative year', '-000001-01-01T00:00:00Z'],
    ['an offset PostgreSQL refuses', '2030-01-01T00:00:00+16:00'],
    ['no offset', '2030-01-01T00:00:00'],
    ['a day that does not exist', '2030-02-30T00:00:00Z'],
  ])('refuses %s', (_why, text) => {
    expect(isoInstant.safeParse(text).success).toBe(false);
  });
});

describe('isoDay', () => {
  it('takes years 0001 to 9999 only', () => {
    expect(isoDay.safeParse('2026-05-02').success).toBe(true);
    expect(isoDay.safeParse('0001-01-01').success).toBe(true);
    expect(isoDay.safeParse('0000-12-31').success).toBe(false);
    expect(isoDay.safeParse('+10000-01-01').success).toBe(false);
  });
});
