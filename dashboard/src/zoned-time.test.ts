import { describe, expect, it } from 'vitest';
import { isoToZoned, zonedToIso } from './zoned-time.ts';

describe('a venue wall-clock time and its instant', () => {
  it('reads a time in the venue zone, summer and winter', () => {
    expect(zonedToIso('2027-07-10T19:30', 'Europe/Berlin')).toBe('2027-07-10T17:30:00.000Z');
    expect(zonedToIso('2027-01-10T19:30', 'Europe/Berlin')).toBe('2027-01-10T18:30:00.000Z');
    expect(zonedToIso('2027-01-10T19:30', 'America/New_York')).toBe('2027-01-11T00:30:00.000Z');
    expect(zonedToIso('2027-01-10T19:30', 'UTC')).toBe('2027-01-10T19:30:00.000Z');
  });

  it('is right on the days the clocks change', () => {
    // London goes to BST at 01:00 UTC on 28 March 2027.
    expect(zonedToIso('2027-03-28T00:30', 'Europe/London')).toBe('2027-03-28T00:30:00.000Z');
    expect(zonedToIso('2027-03-28T03:00', 'Europe/London')).toBe('2027-03-28T02:00:00.000Z');
    // … and back at 01:00 UTC on 31 October 2027.
    expect(zonedToIso('2027-10-31T03:00', 'Europe/London')).toBe('2027-10-31T03:00:00.000Z');
  });

  it('shows an instant as the venue wall clock, and back again', () => {
    expect(isoToZoned('2027-07-10T17:30:00.000Z', 'Europe/Berlin')).toBe('2027-07-10T19:30');
    expect(isoToZoned('2027-01-11T00:30:00Z', 'America/New_York')).toBe('2027-01-10T19:30');
    const local = '2027-11-05T21:15';
    expect(isoToZoned(zonedToIso(local, 'Australia/Sydney'), 'Australia/Sydney')).toBe(local);
  });

  it('answers nothing for what is not a date and time', () => {
    expect(zonedToIso('', 'Europe/London')).toBeNull();
    expect(zonedToIso('tomorrow at eight', 'Europe/London')).toBeNull();
    expect(isoToZoned(null, 'Europe/London')).toBe('');
  });
});
