import type { Database } from '../db/database.ts';
import type { Owner } from '../events/events.store.ts';
import { ApiError } from '../http/errors.ts';
import { withPaymentErrors } from '../payments/payment-errors.ts';
import type { PaymentGateway } from '../payments/payment-gateway.ts';
import { findPromoter } from '../promoters/promoters.store.ts';
import { type Account, toAccount } from './account.mapper.ts';

/**
 * The promoter and the state of its Stripe Connect account, read from Stripe now (nothing of it is
 * kept here): whether it can take charges and get payouts. Null when none is connected yet.
 */
export async function retrieveAccount(
  db: Database,
  payments: PaymentGateway,
  owner: Owner,
): Promise<Account> {
  const promoter = await findPromoter(db, owner.promoterId);
  // The Principal was made from this promoter's key or membership, so it is there.
  if (!promoter) throw new Error(`promoter ${owner.promoterId} of an authenticated caller is missing`);
  const accountId = promoter.stripe_account_id;
  if (!accountId) return toAccount(promoter, owner.mode, null);
  const stripeAccount = await withPaymentErrors(() => payments.retrieveAccount(accountId), {
    account_not_accessible: () =>
      new ApiError(
        409,
        'payouts.account_not_connected',
        `Stripe no longer lets us read your account ${accountId}; reconnect it.`,
      ),
  });
  return toAccount(promoter, owner.mode, stripeAccount);
}
