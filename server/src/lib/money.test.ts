import { describe, expect, it } from 'vitest';
import { formatMoney } from './money.ts';

describe('formatMoney', () => {
  it('reads minor units in the currency’s own decimals', () => {
    expect(formatMoney(2400, 'gbp')).toBe('£24.00');
    expect(formatMoney(5, 'EUR')).toBe('€0.05');
    expect(formatMoney(500, 'jpy')).toBe('JP¥500');
  });
});
