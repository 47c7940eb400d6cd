import { z } from 'zod';
import { pageQuery } from '../http/pagination.ts';
import { isoDay, isoInstant } from '../lib/dates.ts';

export const PAYOUT_STATUSES = ['pending', 'in_transit', 'paid', 'failed', 'canceled'] as const;

const day = z.union([isoDay, isoInstant]).transform((value) => new Date(value));

export const listPayoutsQuery = pageQuery
  .extend({
    status: z.enum(PAYOUT_STATUSES).optional(),
    arrivalFrom: day.optional().describe('Payouts arriving on or after this date (or instant).'),
    arrivalTo: day.optional().describe('Payouts arriving on or before this date (or instant).'),
  })
  .refine((q) => !q.arrivalFrom || !q.arrivalTo || q.arrivalFrom <= q.arrivalTo, {
    message: 'arrivalTo must not be before arrivalFrom',
    path: ['arrivalTo'],
  });
export type ListPayoutsQuery = z.infer<typeof listPayoutsQuery>;
