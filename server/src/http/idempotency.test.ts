import { describe, expect, it } from 'vitest';
import { fingerprintOf } from './idempotency.ts';

describe('fingerprintOf', () => {
  it('ignores key order and the body idempotency_key', () => {
    const a = fingerprintOf('POST', '/v1/events', { title: 'x', tiers: [{ name: 'a', price: 1 }] });
    const b = fingerprintOf('POST', '/v1/events', {
      tiers: [{ price: 1, name: 'a' }],
      title: 'x',
      idempotency_key: 'k',
    });
    expect(a).toBe(b);
  });

  it('tells different bodies, paths and array orders apart', () => {
    const base = fingerprintOf('POST', '/v1/events', { items: [1, 2] });
    expect(fingerprintOf('POST', '/v1/events', { items: [2, 1] })).not.toBe(base);
    expect(fingerprintOf('POST', '/v1/venues', { items: [1, 2] })).not.toBe(base);
    expect(fingerprintOf('POST', '/v1/events', { items: [1, 2], x: null })).not.toBe(base);
  });
});
