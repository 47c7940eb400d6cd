import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import type { PaymentGateway, PaymentIntentState } from '../payments/payment-gateway.ts';
import { type FulfilOutcome, fulfilPayment } from './checkout.fulfil.ts';
import { findSession, type SessionRow } from './checkout.store.ts';
import { claimDueSettlements, recordSettlement, recordSettlementFailure } from './settlement.store.ts';

/** How long a claimed session is left to one worker before another may take it. */
const LEASE_SECONDS = 120;
/** Failed attempts in a row before the worker gives up: with the backoff below, about 3 days. */
export const MAX_SETTLE_ATTEMPTS = 20;

/** Wait before retrying after `attempts` failures: 30 s doubling to 6 h, ±20 % jitter. */
export function settleBackoffMs(attempts: number, random = Math.random): number {
  const base = Math.min(30_000 * 2 ** Math.max(attempts - 1, 0), 6 * 3_600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

export interface SettlePassResult {
  /** Sessions the pass looked at. */
  checked: number;
  /** Of those, the ones that failed and will be tried again later. */
  retrying: number;
  /** Of those, the ones it gave up on (their settlement is `failed` for the promoter to see). */
  gaveUp: number;
}

/**
 * The worker's side of every payment: for each session whose turn has come, asks Stripe what its
 * PaymentIntent is now and does what the webhook would have done, so no payment depends on one
 * delivery. A succeeded payment is completed (or refunded when no seats are left) through the same
 * fulfilPayment as the webhook, under the session lock, so both racing make one order. A closed
 * session's PaymentIntent is cancelled; a refund owed is made, idempotently at Stripe. Failures
 * back off per session, and the queue is ordered by due time, so a session that cannot settle
 * never blocks the others.
 */
export async function settleDueSessions(
  db: Database,
  payments: PaymentGateway,
  logger: Logger,
  options: { limit: number },
): Promise<SettlePassResult> {
  const due = await claimDueSettlements(db, { limit: options.limit, leaseSeconds: LEASE_SECONDS });
  const result: SettlePassResult = { checked: due.length, retrying: 0, gaveUp: 0 };
  for (const claimed of due) {
    try {
      await settleSession(db, payments, logger, claimed);
    } catch (error) {
      const attempts = claimed.settle_attempts + 1;
      const gaveUp = attempts >= MAX_SETTLE_ATTEMPTS;
      const next = gaveUp ? null : new Date(Date.now() + settleBackoffMs(attempts));
      const message = error instanceof Error ? error.message : String(error);
      await recordSettlementFailure(db, claimed.id, { error: message, next });
      if (gaveUp) result.gaveUp++;
      else result.retrying++;
      logger[gaveUp ? 'error' : 'warn'](
        { err: error, sessionId: claimed.id, attempts, next },
        gaveUp
          ? 'gave up settling a session with Stripe: the promoter must look'
          : 'could not settle a session with Stripe',
      );
    }
  }
  return result;
}

async function settleSession(
  db: Database,
  payments: PaymentGateway,
  logger: Logger,
  claimed: SessionRow,
): Promise<void> {
  const intentId = claimed.payment_intent_id;
  if (!intentId) return recordSettlement(db, claimed.id, { next: null });
  const intent = await payments.retrievePaymentIntent(intentId);
  if (intent.status === 'succeeded') {
    const outcome = await applySucceeded(db, logger, intent);
    // Our own recorded PaymentIntent, yet not a payment for this session: a person must look.
    if (outcome.kind === 'ignored')
      throw new Error(`Stripe says ${intentId} succeeded, but ${outcome.reason}`);
    // Re-read: the webhook (or the fulfilment above) may have moved the session on meanwhile.
    const paid = (await findSession(db, claimed.id)) as SessionRow;
    if (paid.payment_status === 'refund_pending') {
      const refund = await payments.refundPaymentIntent(intentId, `refund_for_${paid.id}`, undefined, {
        reason: 'hold_expired_no_stock',
      });
      logger.info(
        { sessionId: paid.id, refundId: refund.refundId },
        'payment refunded: no seats were left for it',
      );
      return recordSettlement(db, paid.id, { paymentStatus: 'refunded', cancelled: true, next: null });
    }
    // Complete, or refunded already: nothing more is owed.
    return recordSettlement(db, paid.id, { cancelled: true, next: null });
  }
  const session = (await findSession(db, claimed.id)) as SessionRow;
  if (intent.status === 'canceled' || session.status === 'complete') {
    return recordSettlement(db, session.id, { cancelled: true, next: null });
  }
  if (session.status !== 'open') {
    // Closed before it was paid: cancel it, unless the buyer's payment beat us to it (then settle that).
    if ((await payments.cancelPaymentIntent(intentId)) === 'succeeded') {
      return settleSession(db, payments, logger, session);
    }
    return recordSettlement(db, session.id, { cancelled: true, next: null });
  }
  // Still open and not paid yet: look again soon (a webhook may be lost), less often the older the
  // session is, and at the latest just after it expires.
  const age = Date.now() - new Date(session.created_at).getTime();
  const next = Math.min(Date.now() + Math.max(30_000, age), new Date(session.expires_at).getTime() + 1_000);
  return recordSettlement(db, session.id, { next: new Date(next) });
}

/** Applies a succeeded PaymentIntent exactly as its webhook would have. */
async function applySucceeded(
  db: Database,
  logger: Logger,
  intent: PaymentIntentState,
): Promise<FulfilOutcome> {
  return db.transaction().execute((tx) =>
    fulfilPayment(
      tx,
      {
        paymentIntentId: intent.id,
        amount: intent.amountReceived || intent.amount,
        currency: intent.currency,
        livemode: intent.livemode,
        account: null,
      },
      logger,
    ),
  );
}
