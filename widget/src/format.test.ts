import { describe, expect, it } from 'vitest';
import { formatClock, formatDoors, formatMoney, stockLabel } from './format';

describe('formatMoney', () => {
  it('formats minor units in the currency, whatever its case', () => {
    expect(formatMoney(2400, 'gbp', 'en-GB')).toBe('£24.00');
    expect(formatMoney(1250, 'EUR', 'en-GB')).toBe('€12.50');
  });

  it('scales by the currency’s own decimals', () => {
    expect(formatMoney(1200, 'jpy', 'en-GB')).toBe('JP¥1,200');
    expect(formatMoney(1200, 'kwd', 'en-GB')).toMatch(/^KWD\s1\.200$/);
  });
});

describe('formatDoors', () => {
  it('shows weekday, date and time in the given locale and zone', () => {
    expect(formatDoors('2027-05-02T19:00:00.000Z', 'en-GB', 'Europe/London')).toBe('Sun, 2 May 2027, 20:00');
  });
});

describe('formatClock', () => {
  it('rounds down to whole seconds', () => {
    expect(formatClock(899_999)).toBe('14:59');
    expect(formatClock(65_000)).toBe('1:05');
    expect(formatClock(999)).toBe('0:00');
    expect(formatClock(-5)).toBe('0:00');
  });
});

describe('stockLabel', () => {
  it('says how many are left, and stresses it when few are', () => {
    expect(stockLabel(198)).toBe('198 left');
    expect(stockLabel(11)).toBe('11 left');
    expect(stockLabel(10)).toBe('Only 10 left');
    expect(stockLabel(0)).toBe('Sold out');
  });
});
