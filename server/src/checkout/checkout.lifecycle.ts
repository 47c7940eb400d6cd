import type { Logger } from 'pino';
import type { Database, Executor } from '../db/database.ts';
import type { PaymentGateway } from '../payments/stripe.gateway.ts';
import {
  clearIntentCancel,
  closeSession,
  listSessionItems,
  listStripePending,
  lockDueSessions,
  releaseSeats,
  type SessionRow,
  setPaymentStatus,
} from './checkout.store.ts';

/** Gives a session's held seats back and closes it; the caller holds the session row lock. */
export async function releaseHold(
  tx: Executor,
  session: SessionRow,
  status: 'expired' | 'cancelled',
): Promise<void> {
  for (const item of await listSessionItems(tx, session.id)) {
    await releaseSeats(tx, item.tier_id, item.quantity);
  }
  await closeSession(tx, session.id, status);
}

/**
 * Expires open sessions whose hold ran out and releases their seats, in the caller's transaction.
 * With `tierId`, only sessions holding that tier: a buyer who finds it full frees it first.
 */
export async function expireDueSessions(
  tx: Executor,
  options: { limit: number; tierId?: string },
): Promise<number> {
  const due = await lockDueSessions(tx, options);
  for (const session of due) await releaseHold(tx, session, 'expired');
  return due.length;
}

/**
 * Does the Stripe side of closed sessions, outside any transaction that locks stock: cancels
 * their PaymentIntents and refunds payments that arrived when no seats were left. Every call is
 * idempotent at Stripe, so two workers doing the same session at once do it once.
 */
export async function settleWithStripe(
  db: Database,
  payments: PaymentGateway,
  logger: Logger,
  options: { limit: number },
): Promise<number> {
  const pending = await listStripePending(db, options.limit);
  for (const session of pending) {
    const intentId = session.payment_intent_id;
    try {
      if (session.payment_status === 'refund_pending' && intentId) {
        const { refundId } = await payments.refundPaymentIntent(
          intentId,
          `refund_for_${session.id}`,
          undefined, // in full
          { reason: 'hold_expired_no_stock' },
        );
        await setPaymentStatus(db, session.id, 'refunded');
        logger.info({ sessionId: session.id, refundId }, 'late payment refunded: no seats were left');
      }
      if (session.intent_cancel_pending && intentId) {
        const state = await payments.cancelPaymentIntent(intentId);
        logger.info(
          { sessionId: session.id, paymentIntentId: intentId, state },
          'PaymentIntent of a closed session',
        );
      }
      if (session.intent_cancel_pending) await clearIntentCancel(db, session.id);
    } catch (error) {
      // Left pending: the next pass tries again.
      logger.warn({ err: error, sessionId: session.id }, 'could not settle a closed session with Stripe');
    }
  }
  return pending.length;
}
