import { z } from 'zod';

/** A key's label, for its owner to tell keys apart. */
export const apiKeyName = z.string().trim().min(1).max(80);

export const createApiKeyBody = z.object({ name: apiKeyName.optional() }).default({});

export const apiKeyIdParam = z.string().min(1).max(100);

/** A promoter's name, as `npm run entryrate -- promoter create` takes it. */
export const promoterName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');

export const apiKeyMode = z.enum(['test', 'live']);
