import { z } from 'zod';
import { promoterName } from './api-keys.schema.ts';

export const createPromoterBody = z.object({ name: promoterName });
export type CreatePromoterInput = z.infer<typeof createPromoterBody>;
