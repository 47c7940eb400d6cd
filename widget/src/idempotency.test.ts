import { describe, expect, it } from 'vitest';
import { forgetKey, idempotencyName, type KeyValue, keyForBody, randomKey } from './idempotency';

const memory = (): KeyValue & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
};

const counter = () => {
  let n = 0;
  return () => `key-${++n}`;
};

describe('keyForBody', () => {
  const body = JSON.stringify({ eventId: 'evt_1', items: [{ tierId: 'tier_a', quantity: 2 }] });

  it('reuses the key while the body is the same (double click, retry, reload)', () => {
    const store = memory();
    const fresh = counter();
    const first = keyForBody(store, 'evt_1', body, fresh);
    expect(keyForBody(store, 'evt_1', body, fresh)).toBe(first);
    expect(keyForBody(store, 'evt_1', body, fresh)).toBe(first);
  });

  it('makes a new key when the body changes, and keeps the new one', () => {
    const store = memory();
    const fresh = counter();
    const first = keyForBody(store, 'evt_1', body, fresh);
    const other = JSON.stringify({ eventId: 'evt_1', items: [{ tierId: 'tier_a', quantity: 3 }] });
    const second = keyForBody(store, 'evt_1', other, fresh);
    expect(second).not.toBe(first);
    expect(keyForBody(store, 'evt_1', other, fresh)).toBe(second);
    expect(keyForBody(store, 'evt_1', body, fresh)).not.toBe(first);
  });

  it('keeps one record per event, named after it', () => {
    const store = memory();
    keyForBody(store, 'evt_1', body, counter());
    expect(idempotencyName('evt_1')).toBe('entryrate:idempotency:evt_1');
    expect(JSON.parse(store.data.get('entryrate:idempotency:evt_1') ?? '')).toEqual({
      key: 'key-1',
      bodyJson: body,
    });
  });

  it('starts over after forgetKey, and survives a corrupt record', () => {
    const store = memory();
    const fresh = counter();
    const first = keyForBody(store, 'evt_1', body, fresh);
    forgetKey(store, 'evt_1');
    expect(keyForBody(store, 'evt_1', body, fresh)).not.toBe(first);
    store.setItem(idempotencyName('evt_1'), '{not json');
    expect(keyForBody(store, 'evt_1', body, fresh)).toBe('key-3');
  });

  it('still answers when storage refuses to write', () => {
    const full: KeyValue = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    expect(keyForBody(full, 'evt_1', body, counter())).toBe('key-1');
  });
});

describe('randomKey', () => {
  it('makes 128 random bits as hex, a valid Idempotency-Key', () => {
    expect(randomKey()).toMatch(/^[0-9a-f]{32}$/);
    expect(randomKey()).not.toBe(randomKey());
  });
});
