import { z } from 'zod';
import { withOneTimeSecret } from '../http/one-time-secret.ts';
import { pageSchema } from '../http/pagination.ts';
import { isoOrNull, utcInstant } from '../lib/dates.ts';
import { apiKeyKind, apiKeyMode } from './api-keys.schema.ts';
import type { ApiKeyRow } from './promoters.store.ts';

export const apiKeySchema = z
  .object({
    id: z.string().describe('`key_…`'),
    mode: apiKeyMode.describe('Test keys see test data only, live keys live data only.'),
    kind: apiKeyKind.describe(
      '`secret` acts for its promoter; `admin` also for the promoters its promoter manages, named in `EntryRate-Promoter`; `scanner` only scans and reads door counts.',
    ),
    eventIds: z
      .array(z.string())
      .nullable()
      .describe("A scanner key's events; null: every event (and for other kinds)."),
    name: z.string().nullable().describe('A label, for you to tell keys apart.'),
    last4: z.string().describe('The last four characters of the secret.'),
    createdAt: utcInstant,
    revokedAt: utcInstant.nullable().describe('Null while the key works.'),
    lastUsedAt: utcInstant
      .nullable()
      .describe('When a request last came with this key, to the minute; null if never.'),
  })
  .meta({
    id: 'ApiKey',
    description: 'A key as its promoter sees it: never the secret, which is stored only as a hash.',
  });
export type ApiKey = z.infer<typeof apiKeySchema>;

export const apiKeyPageSchema = pageSchema(apiKeySchema, 'ApiKeyPage');

export const apiKeyWithSecretSchema = withOneTimeSecret(apiKeySchema, {
  id: 'ApiKeyWithSecret',
  description: 'A key just made, with its secret.',
  secret: 'The secret key (`er_test_…`, `er_live_…`; a scanner key `er_scan_test_…`, `er_scan_live_…`)',
});

/** A key just made: the only response that ever carries its `secret`. */
export type NewApiKey = ApiKey & { secret: string };

export function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    mode: row.mode,
    kind: row.kind,
    eventIds: row.event_ids,
    name: row.name,
    last4: row.last4,
    createdAt: new Date(row.created_at).toISOString(),
    revokedAt: isoOrNull(row.revoked_at),
    lastUsedAt: isoOrNull(row.last_used_at),
  };
}
