import { describe, expect, it } from 'vitest';
import type { KeyValue } from './idempotency';
import { forgetSession, recallSession, rememberSession, widgetSessionName } from './session-store';

const memory = (): KeyValue & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
};
const ref = { id: 'cs_0123abcd', clientSecret: 'cs_0123abcd_secret_xyz' };
const NAME = 'entryrate:test';

describe('rememberSession / recallSession / forgetSession', () => {
  it('keeps { id, secret } under its name and gives the session back after a reload', () => {
    const store = memory();
    rememberSession(store, NAME, ref);
    expect(JSON.parse(store.data.get(NAME) ?? '')).toEqual({ id: ref.id, secret: ref.clientSecret });
    expect(recallSession(store, NAME)).toEqual(ref);
    expect(recallSession(store, 'entryrate:other')).toBeNull();
    forgetSession(store, NAME);
    expect(recallSession(store, NAME)).toBeNull();
  });

  it('treats an empty, unreadable or foreign record as none', () => {
    const store = memory();
    expect(recallSession(store, NAME)).toBeNull();
    store.setItem(NAME, '{not json');
    expect(recallSession(store, NAME)).toBeNull();
    store.setItem(NAME, JSON.stringify({ id: 'ord_1', secret: 's' }));
    expect(recallSession(store, NAME)).toBeNull();
  });

  it('does not throw when storage refuses to write', () => {
    const full: KeyValue = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    expect(() => rememberSession(full, NAME, ref)).not.toThrow();
  });

  it('names each widget’s session apart', () => {
    expect(widgetSessionName('evt_1:modal')).not.toBe(widgetSessionName('evt_1:inline'));
  });
});
