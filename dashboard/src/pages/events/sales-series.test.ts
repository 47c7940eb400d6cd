import { describe, expect, it } from 'vitest';
import { MAX_DAILY_BARS, salesBars } from './sales-series.ts';

describe('the sales chart bars', () => {
  it('shows every day from the first sale to the last, the quiet ones empty', () => {
    const bars = salesBars([
      { date: '2027-03-01', tickets: 4, revenue: 4800 },
      { date: '2027-03-03', tickets: 1, revenue: 1200 },
    ]);
    expect(bars).toEqual([
      { start: '2027-03-01', end: '2027-03-01', tickets: 4, revenue: 4800 },
      { start: '2027-03-02', end: '2027-03-02', tickets: 0, revenue: 0 },
      { start: '2027-03-03', end: '2027-03-03', tickets: 1, revenue: 1200 },
    ]);
  });

  it('counts weeks once days are too many to read, losing no sale', () => {
    const days = Array.from({ length: 60 }, (_, i) => ({
      date: new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10),
      tickets: 1,
      revenue: 100,
    }));
    const bars = salesBars(days);
    expect(bars.length).toBeLessThanOrEqual(MAX_DAILY_BARS);
    expect(bars[0]).toEqual({ start: '2027-01-01', end: '2027-01-07', tickets: 7, revenue: 700 });
    expect(bars.at(-1)?.end).toBe('2027-03-01');
    expect(bars.reduce((sum, bar) => sum + bar.tickets, 0)).toBe(60);
  });

  it('crosses a change of the clocks without losing or doubling a day', () => {
    const bars = salesBars([
      { date: '2027-03-27', tickets: 1, revenue: 1 },
      { date: '2027-03-29', tickets: 1, revenue: 1 },
    ]);
    expect(bars.map((b) => b.start)).toEqual(['2027-03-27', '2027-03-28', '2027-03-29']);
  });

  it('has no bars before the first sale', () => {
    expect(salesBars([])).toEqual([]);
  });
});
