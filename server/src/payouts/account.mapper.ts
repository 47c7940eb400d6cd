import { z } from 'zod';
import { currencyCode } from '../lib/money.ts';
import type { StripeAccount } from '../payments/payment-gateway.ts';

export const stripeAccountSchema = z
  .object({
    id: z.string().describe("Stripe's `acct_…`."),
    chargesEnabled: z.boolean().describe('Whether buyers can pay you: checkouts need it.'),
    payoutsEnabled: z.boolean().describe('Whether Stripe pays your balance out to your bank.'),
    detailsSubmitted: z.boolean().describe("Whether you finished Stripe's onboarding forms."),
    country: z.string().nullable().describe('ISO 3166-1 alpha-2, such as `GB`.'),
    defaultCurrency: currencyCode.nullable(),
  })
  .meta({ id: 'StripeAccount', description: 'Your Stripe Connect account, as Stripe reports it now.' });

export const accountSchema = z
  .object({
    promoterId: z.string().describe('`pr_…`'),
    name: z.string(),
    mode: z.enum(['test', 'live']).describe("The mode of the key (or the session's choice)."),
    stripeAccount: stripeAccountSchema.nullable().describe('Null: no Stripe account is connected yet.'),
  })
  .meta({ id: 'Account', description: 'You, as a promoter, and the Stripe account you are paid through.' });
export type Account = z.infer<typeof accountSchema>;

export function toAccount(
  promoter: { id: string; name: string },
  mode: 'test' | 'live',
  stripeAccount: StripeAccount | null,
): Account {
  return {
    promoterId: promoter.id,
    name: promoter.name,
    mode,
    stripeAccount: stripeAccount && {
      id: stripeAccount.id,
      chargesEnabled: stripeAccount.chargesEnabled,
      payoutsEnabled: stripeAccount.payoutsEnabled,
      detailsSubmitted: stripeAccount.detailsSubmitted,
      country: stripeAccount.country,
      defaultCurrency: stripeAccount.defaultCurrency,
    },
  };
}
