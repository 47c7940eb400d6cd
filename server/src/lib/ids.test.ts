import { describe, expect, it } from 'vitest';
import { newId, slugify } from './ids.ts';

describe('newId', () => {
  it('prefixes and does not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId('ord')));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^ord_[0-9a-z]{16}$/);
  });
});

describe('slugify', () => {
  it('makes tier and event slugs from names', () => {
    expect(slugify('Early bird')).toBe('early-bird');
    expect(slugify('Mura Masa · UK tour')).toBe('mura-masa-uk-tour');
    expect(slugify('Café Société!')).toBe('cafe-societe');
    expect(slugify('···')).toBe('item');
  });
});
