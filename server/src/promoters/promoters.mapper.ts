import { z } from 'zod';
import { pageSchema } from '../http/pagination.ts';
import { utcInstant } from '../lib/dates.ts';
import type { PromoterRow } from './promoters.store.ts';

export const promoterSchema = z
  .object({
    id: z.string().describe('`pr_…`: what `EntryRate-Promoter` names.'),
    name: z.string(),
    agencyId: z
      .string()
      .nullable()
      .describe('The promoter that manages this one (whose admin keys act for it); null when none does.'),
    createdAt: utcInstant,
  })
  .meta({ id: 'Promoter', description: 'A promoter: who events, orders and keys belong to.' });
export type Promoter = z.infer<typeof promoterSchema>;

export const promoterPageSchema = pageSchema(promoterSchema, 'PromoterPage');

export function toPromoter(row: PromoterRow): Promoter {
  return {
    id: row.id,
    name: row.name,
    agencyId: row.agency_id,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
