import { z } from 'zod';

/** A key's label, for its owner to tell keys apart. */
export const apiKeyName = z.string().trim().min(1).max(80);

/**
 * What a key may do: `secret`, everything for its promoter; `admin`, also for any promoter its
 * promoter manages (an agency's), chosen per request with `EntryRate-Promoter`; `scanner`, only scan
 * tickets and read door counts, of some events or all (a door device holds it).
 */
export const apiKeyKind = z.enum(['secret', 'admin', 'scanner']);

export const createApiKeyBody = z
  .object({
    name: apiKeyName.optional(),
    kind: apiKeyKind
      .default('secret')
      .describe(
        '`admin` also acts for the promoters yours manages (`POST /v1/promoters`), by `EntryRate-Promoter`; any owner may make one, and it reaches nothing more until you manage a promoter. `scanner` (`er_scan_…`) only scans and reads door counts: every other route refuses it with 403.',
      ),
    eventIds: z
      .array(z.string().min(1).max(100))
      .min(1, 'must name at least one event, or be left out for every event')
      .max(100)
      .optional()
      .describe("A scanner key's events (yours, in this mode); left out, it scans every event."),
  })
  .refine((body) => body.eventIds === undefined || body.kind === 'scanner', {
    message: 'only a scanner key is limited to events',
    path: ['eventIds'],
  })
  .default({ kind: 'secret' });
export type CreateApiKeyInput = z.infer<typeof createApiKeyBody>;

export const apiKeyIdParam = z.string().min(1).max(100);

/** A promoter's name, as `npm run entryrate -- promoter create` takes it. */
export const promoterName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');

export const apiKeyMode = z.enum(['test', 'live']);
