import { describe, expect, it } from 'vitest';
import { chargeProblem, formatMoney, majorUnits } from './money.ts';

describe('formatMoney', () => {
  it('reads minor units in the currency’s own decimals', () => {
    expect(formatMoney(2400, 'gbp')).toBe('£24.00');
    expect(formatMoney(5, 'EUR')).toBe('€0.05');
    expect(formatMoney(500, 'jpy')).toBe('JP¥500');
  });
});

describe('majorUnits', () => {
  it('writes minor units as a decimal in the currency’s own decimals, exactly', () => {
    expect(majorUnits(1200, 'gbp')).toBe('12.00');
    expect(majorUnits(5, 'eur')).toBe('0.05');
    expect(majorUnits(0, 'usd')).toBe('0.00');
    expect(majorUnits(99_999_999, 'usd')).toBe('999999.99');
    expect(majorUnits(500, 'jpy')).toBe('500');
    expect(majorUnits(-1234, 'gbp')).toBe('-12.34');
  });
});

describe('chargeProblem', () => {
  it('lets free orders and chargeable totals through', () => {
    expect(chargeProblem(0, 'gbp')).toBeNull();
    expect(chargeProblem(30, 'gbp')).toBeNull();
    expect(chargeProblem(99_999_999, 'usd')).toBeNull();
  });

  it('names the minimum and maximum Stripe would refuse', () => {
    expect(chargeProblem(29, 'gbp')).toBe("The total £0.29 is under Stripe's minimum charge of £0.30.");
    expect(chargeProblem(49, 'jpy')).toMatch(/under Stripe's minimum charge of JP¥50/);
    expect(chargeProblem(100_000_000, 'eur')).toMatch(/over Stripe's maximum charge/);
    expect(chargeProblem(1000, 'xyz')).toBe('EntryRate does not sell in XYZ.');
  });
});
