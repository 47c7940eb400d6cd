import { z } from 'zod';

export const createApiKeyBody = z.object({ name: z.string().trim().min(1).max(80).optional() }).default({});

export const apiKeyIdParam = z.string().min(1).max(100);
