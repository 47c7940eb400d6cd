import { z } from 'zod';

/** A key's label, for its owner to tell keys apart. */
export const apiKeyName = z.string().trim().min(1).max(80);

/**
 * What a key may act for: `secret`, its promoter; `admin`, also any promoter its promoter manages
 * (an agency's), chosen per request with `EntryRate-Promoter`. Issue 13 adds `scanner`.
 */
export const apiKeyKind = z.enum(['secret', 'admin']);

export const createApiKeyBody = z
  .object({
    name: apiKeyName.optional(),
    kind: apiKeyKind
      .default('secret')
      .describe(
        '`admin` also acts for the promoters yours manages (`POST /v1/promoters`), by `EntryRate-Promoter`; any owner may make one, and it reaches nothing more until you manage a promoter.',
      ),
  })
  .default({ kind: 'secret' });

export const apiKeyIdParam = z.string().min(1).max(100);

/** A promoter's name, as `npm run entryrate -- promoter create` takes it. */
export const promoterName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');

export const apiKeyMode = z.enum(['test', 'live']);
