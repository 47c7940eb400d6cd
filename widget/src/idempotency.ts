// The Idempotency-Key for creating a session lives in sessionStorage, tied to the exact body it was
// made for: a double click, a retry or a reload sends the same key and the server replays the same
// session instead of reserving tickets twice; a different body is a different purchase and gets a new key.

/** The slice of Storage the widget uses, so tests and storage-less pages can pass a stand-in. */
export type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** sessionStorage key of the idempotency record for one event. */
export const idempotencyName = (eventId: string) => `entryrate:idempotency:${eventId}`;

/** A random v4 UUID; `crypto.randomUUID` exists only in secure contexts and promoters' pages may be http. */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The key to send with `bodyJson`: the stored one while the body is unchanged, otherwise a new, stored one. */
export function keyForBody(store: KeyValue, eventId: string, bodyJson: string, fresh = uuid): string {
  const name = idempotencyName(eventId);
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
export const forgetKey = (store: KeyValue, eventId: string) => store.removeItem(idempotencyName(eventId));

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
