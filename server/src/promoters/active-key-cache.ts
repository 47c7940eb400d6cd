import { hashApiKey } from './api-keys.ts';
import type { ActiveKey } from './promoters.store.ts';

/**
 * How long a process trusts a key it has looked up. A key revoked through this process is forgotten
 * at once; revoked through another (a second server, the CLI) it still works here for up to this
 * long. Ten seconds take the lookup off nearly every request of a busy key (a venue's scanners share
 * one) and still end a revoked key's use within seconds everywhere.
 */
export const ACTIVE_KEY_TTL_MS = 10_000;

/** The most keys one process holds; past it the oldest goes. Unknown keys are never held. */
export const ACTIVE_KEY_MAX = 10_000;

/** Working keys by the hash of their secret, held for a short time (see ACTIVE_KEY_TTL_MS). */
export interface ActiveKeyCache {
  /** The key `token` names: held, or else `load`ed (and held if it works). */
  find(token: string, load: () => Promise<ActiveKey | undefined>): Promise<ActiveKey | undefined>;
  /** Drops the key with this id, so its next request is looked up again (after a revocation). */
  forget(keyId: string): void;
}

interface Held {
  key: ActiveKey;
  expiresAtMs: number;
}

/** A cache of working keys for one process; `now` and the bounds are for tests. */
export function activeKeyCache(
  options: { ttlMs?: number; maxEntries?: number; now?: () => Date } = {},
): ActiveKeyCache {
  const ttlMs = options.ttlMs ?? ACTIVE_KEY_TTL_MS;
  const maxEntries = options.maxEntries ?? ACTIVE_KEY_MAX;
  const now = options.now ?? (() => new Date());
  // In insertion order, so the first entry is the oldest.
  const held = new Map<string, Held>();
  // Counts forgets: a lookup that began before one may have read a key just revoked.
  let forgets = 0;

  return {
    async find(token, load) {
      const hash = hashApiKey(token);
      const startedMs = now().getTime();
      const entry = held.get(hash);
      if (entry && entry.expiresAtMs > startedMs) return entry.key;
      held.delete(hash);

      const seen = forgets;
      const key = await load();
      if (key && seen === forgets) {
        if (held.size >= maxEntries) held.delete(held.keys().next().value as string);
        held.set(hash, { key, expiresAtMs: startedMs + ttlMs });
      }
      return key;
    },
    forget(keyId) {
      forgets++;
      for (const [hash, entry] of held) if (entry.key.keyId === keyId) held.delete(hash);
    },
  };
}
