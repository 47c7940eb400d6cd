import { describe, expect, it } from 'vitest';
import { clockOffset, holdAnnouncement, timeLeft } from './clock';

describe('hold countdown', () => {
  const serverNow = Date.parse('2026-11-23T15:00:00.000Z');
  const expiresAt = '2026-11-23T15:15:00.000Z';

  it('counts on the server clock when the browser clock is behind', () => {
    const browserNow = serverNow - 120_000; // two minutes slow
    const offset = clockOffset('2026-11-23T15:00:00.000Z', browserNow);
    expect(offset).toBe(120_000);
    expect(timeLeft(expiresAt, offset, browserNow)).toBe(15 * 60_000);
    expect(timeLeft(expiresAt, offset, browserNow + 60_000)).toBe(14 * 60_000);
  });

  it('counts on the server clock when the browser clock is ahead', () => {
    const browserNow = serverNow + 300_000;
    const offset = clockOffset('2026-11-23T15:00:00.000Z', browserNow);
    expect(timeLeft(expiresAt, offset, browserNow + 1_000)).toBe(15 * 60_000 - 1_000);
  });

  it('never goes below zero', () => {
    expect(timeLeft(expiresAt, 0, serverNow + 16 * 60_000)).toBe(0);
  });
});

describe('holdAnnouncement', () => {
  it('is silent for most of the hold', () => {
    expect(holdAnnouncement(14 * 60_000)).toBe('');
    expect(holdAnnouncement(10 * 60_000 + 1_000)).toBe('');
  });

  it('changes only when a milestone is crossed', () => {
    expect(holdAnnouncement(10 * 60_000)).toBe('10 minutes left to pay.');
    expect(holdAnnouncement(6 * 60_000)).toBe('10 minutes left to pay.');
    expect(holdAnnouncement(5 * 60_000)).toBe('5 minutes left to pay.');
    expect(holdAnnouncement(61_000)).toBe('2 minutes left to pay.');
    expect(holdAnnouncement(60_000)).toBe('1 minute left to pay.');
    expect(holdAnnouncement(29_000)).toBe('30 seconds left to pay.');
    expect(holdAnnouncement(0)).toBe('Your hold has expired.');
  });
});
