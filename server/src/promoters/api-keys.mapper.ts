import type { Mode } from './api-keys.ts';
import type { ApiKeyRow } from './promoters.store.ts';

/** A key as its promoter sees it: never the secret, which is stored only as a hash. */
export interface ApiKey {
  id: string;
  mode: Mode;
  name: string | null;
  last4: string;
  createdAt: string;
  revokedAt: string | null;
}

/** A key just made: the only response that ever carries its `secret`. */
export interface NewApiKey extends ApiKey {
  secret: string;
}

export function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    mode: row.mode,
    name: row.name,
    last4: row.last4,
    createdAt: new Date(row.created_at).toISOString(),
    revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
  };
}
