import { z } from 'zod';
import { pageSchema } from '../http/pagination.ts';
import { utcInstant } from '../lib/dates.ts';
import { currencyCode, minorUnits } from '../lib/money.ts';
import type { StripePayout } from '../payments/payment-gateway.ts';
import { PAYOUT_STATUSES } from './payouts.schema.ts';

export const payoutSchema = z
  .object({
    id: z.string().describe("Stripe's `po_…`."),
    amount: minorUnits.describe('Minor units.'),
    currency: currencyCode,
    status: z.enum(PAYOUT_STATUSES),
    arrivalDate: utcInstant.describe('When it reaches (or reached) your bank.'),
    createdAt: utcInstant,
  })
  .meta({ id: 'Payout', description: 'Money Stripe sends from your Connect balance to your bank.' });
export type Payout = z.infer<typeof payoutSchema>;

export const payoutPageSchema = pageSchema(payoutSchema, 'PayoutPage');

export function toPayout(payout: StripePayout): Payout {
  return {
    id: payout.id,
    amount: payout.amount,
    currency: payout.currency,
    status: payout.status,
    arrivalDate: payout.arrivalDate.toISOString(),
    createdAt: payout.created.toISOString(),
  };
}
