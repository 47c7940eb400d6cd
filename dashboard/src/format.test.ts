import { describe, expect, it } from 'vitest';
import { parseMajorUnits, toMajorUnits } from './format.ts';

describe('amounts typed in major units', () => {
  it('reads prices exactly, without float rounding', () => {
    expect(parseMajorUnits('12.50', 'gbp')).toBe(1250);
    expect(parseMajorUnits('12,5', 'eur')).toBe(1250);
    expect(parseMajorUnits('0.29', 'gbp')).toBe(29);
    expect(parseMajorUnits('1.10', 'gbp')).toBe(110);
    expect(parseMajorUnits(' 12 ', 'gbp')).toBe(1200);
    expect(parseMajorUnits('1200', 'jpy')).toBe(1200);
  });

  it('refuses what is not an amount in that currency', () => {
    for (const text of ['', '12.505', '-3', '£12', '1e3', '12.'])
      expect(parseMajorUnits(text, 'gbp')).toBeNull();
    expect(parseMajorUnits('12.5', 'jpy')).toBeNull();
  });

  it('writes an amount back as it was typed', () => {
    expect(toMajorUnits(1250, 'gbp')).toBe('12.50');
    expect(toMajorUnits(1200, 'jpy')).toBe('1200');
  });
});
