// The Idempotency-Key for creating a session lives in sessionStorage, tied to the exact body it was
// made for: a double click, a retry or a reload sends the same key and the server replays the same
// session instead of reserving tickets twice; a different body is a different purchase and gets a new key.

/** The slice of Storage the widget uses, so tests and storage-less pages can pass a stand-in. */
export type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** sessionStorage key of the idempotency record of one widget (`scope`: its event, mode and place). */
export const idempotencyName = (scope: string) => `entryrate:idempotency:${scope}`;

/**
 * A random key, 128 bits as hex. `crypto.randomUUID` exists only in secure contexts, and promoters'
 * pages may be http; getRandomValues works everywhere.
 */
export const randomKey = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/** The key to send with `bodyJson`: the stored one while the body is unchanged, otherwise a new, stored one. */
export function keyForBody(store: KeyValue, scope: string, bodyJson: string, fresh = randomKey): string {
  const name = idempotencyName(scope);
  try {
    const saved = JSON.parse(store.getItem(name) ?? 'null');
    if (saved?.bodyJson === bodyJson && typeof saved.key === 'string') return saved.key;
  } catch {
    // An unreadable record is as good as none.
  }
  const key = fresh();
  try {
    store.setItem(name, JSON.stringify({ key, bodyJson }));
  } catch {
    // Storage full: the key still covers retries from this page, just not a reload.
  }
  return key;
}

/** Forgets the key once its session is finished with, so buying the same again is a new purchase. */
export const forgetKey = (store: KeyValue, scope: string) => store.removeItem(idempotencyName(scope));

/** sessionStorage when the page allows it (sandboxed frames and some privacy modes throw), else memory. */
export function pageStore(): KeyValue {
  try {
    const s = window.sessionStorage;
    s.getItem('');
    return s;
  } catch {
    const m = new Map<string, string>();
    return {
      getItem: (k) => m.get(k) ?? null,
      setItem: (k, v) => void m.set(k, v),
      removeItem: (k) => void m.delete(k),
    };
  }
}
