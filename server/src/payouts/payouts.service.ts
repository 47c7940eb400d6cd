import type { Logger } from 'pino';
import type { Database, Executor } from '../db/database.ts';
import type { Owner } from '../events/events.store.ts';
import { ApiError } from '../http/errors.ts';
import { offsetOf, type Page, pageOf } from '../http/pagination.ts';
import { withPaymentErrors } from '../payments/payment-errors.ts';
import type { PaymentGateway, StripePayout } from '../payments/payment-gateway.ts';
import { enqueueWebhookEvent } from '../webhooks/webhooks.outbox.ts';
import { type Payout, toPayout } from './payouts.mapper.ts';
import type { ListPayoutsQuery } from './payouts.schema.ts';
import { findPromoterByStripeAccount, findStripeAccountOf } from './payouts.store.ts';

/**
 * The promoter's payouts, read from its Stripe Connect account (Stripe owns them; nothing is kept
 * here). A test key sees the account's test-mode payouts, as Stripe shows them to test keys.
 * Stripe pages by cursor, so the whole filtered list is read to answer with a total.
 */
export async function listPayouts(
  db: Database,
  payments: PaymentGateway,
  owner: Owner,
  query: ListPayoutsQuery,
): Promise<Page<Payout>> {
  const accountId = await findStripeAccountOf(db, owner.promoterId);
  if (!accountId) {
    throw new ApiError(409, 'payouts.account_not_connected', 'No Stripe account is connected to you yet.');
  }
  const filters = {
    mode: owner.mode,
    ...(query.status ? { status: query.status } : {}),
    ...(query.arrivalFrom ? { arrivalFrom: query.arrivalFrom } : {}),
    ...(query.arrivalTo ? { arrivalTo: query.arrivalTo } : {}),
  };
  const payouts = await withPaymentErrors(() => payments.listPayouts(accountId, filters), {
    mode_mismatch: () =>
      new ApiError(
        409,
        'payouts.mode_unavailable',
        `This server reads payouts with a Stripe ${owner.mode === 'live' ? 'test' : 'live'} key, so ${owner.mode}-mode payouts are not available here.`,
      ),
    account_not_accessible: () =>
      new ApiError(
        409,
        'payouts.account_not_connected',
        `Stripe no longer lets us read your account ${accountId}; reconnect it.`,
      ),
  });
  const start = offsetOf(query);
  return pageOf(query, { rows: payouts.slice(start, start + query.limit), total: payouts.length }, toPayout);
}

/**
 * Stripe's `payout.paid` for a Connect account: queues our `payout.paid` for the promoter whose
 * account it is, in the transaction that records the Stripe event.
 */
export async function recordPayoutPaid(
  tx: Executor,
  event: { account: string | undefined; livemode: boolean; payout: StripePayout },
  logger: Logger,
): Promise<string | null> {
  // A payout of the platform's own balance is not a promoter's: only Connect events name an account.
  if (!event.account) return "a payout of the platform's own account, not a promoter's";
  const promoterId = await findPromoterByStripeAccount(tx, event.account);
  if (!promoterId) {
    logger.info(
      { account: event.account, payoutId: event.payout.id },
      'payout of no promoter of ours; ignored',
    );
    return null;
  }
  await enqueueWebhookEvent(tx, {
    promoterId,
    mode: event.livemode ? 'live' : 'test',
    type: 'payout.paid',
    data: toPayout(event.payout),
  });
  return null;
}
