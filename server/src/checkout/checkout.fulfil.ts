import type { Logger } from 'pino';
import type { Executor } from '../db/database.ts';
import { findEventById } from '../events/events.store.ts';
import { issueOrder, loadOrder } from '../orders/orders.service.ts';
import { enqueueWebhookEvent } from '../webhooks/webhooks.outbox.ts';
import { releaseHold } from './checkout.lifecycle.ts';
import {
  convertHeldSeats,
  listSessionItems,
  lockSession,
  markSessionComplete,
  type SessionItemRow,
  sellFreeSeats,
  setPaymentStatus,
  unsellSeats,
} from './checkout.store.ts';

export interface SucceededPayment {
  paymentIntentId: string;
  sessionId: string | undefined;
  amount: number;
  currency: string;
}

/** Sells a closed session's seats from free stock, all or none; false when a tier has too few left. */
async function sellAgain(tx: Executor, items: SessionItemRow[]): Promise<boolean> {
  const sold: SessionItemRow[] = [];
  for (const item of items) {
    if (!(await sellFreeSeats(tx, item.tier_id, item.quantity))) {
      for (const done of sold) await unsellSeats(tx, done.tier_id, done.quantity);
      return false;
    }
    sold.push(item);
  }
  return true;
}

/**
 * Completes the session a succeeded PaymentIntent paid for, inside the caller's transaction: the
 * held seats become sold and the order with its tickets is issued. A payment that lands after the
 * hold expired or was cancelled still completes if the seats are free, and is refunded otherwise.
 * The session row is locked, so concurrent deliveries take turns; a complete session is left alone.
 */
export async function fulfilPayment(
  tx: Executor,
  payment: SucceededPayment,
  logger: Logger,
): Promise<string | null> {
  const session = payment.sessionId ? await lockSession(tx, payment.sessionId) : undefined;
  if (!session || (session.payment_intent_id && session.payment_intent_id !== payment.paymentIntentId)) {
    logger.warn({ payment }, 'succeeded PaymentIntent matches no checkout session; ignored');
    return null;
  }
  if (session.status === 'complete') return session.order_id;
  if (payment.amount !== session.amount_total || payment.currency !== session.currency) {
    // The buyer paid an amount the session no longer asks for (tickets changed mid-payment).
    // Never issue tickets for it: give the seats back and refund the payment.
    logger.warn(
      { payment, sessionId: session.id },
      'PaymentIntent amount does not match its session: refunding',
    );
    if (session.status === 'open') await releaseHold(tx, session, 'cancelled');
    if (session.payment_status === 'unpaid') await setPaymentStatus(tx, session.id, 'refund_pending');
    return null;
  }
  const items = await listSessionItems(tx, session.id);
  if (session.status === 'open') {
    for (const item of items) await convertHeldSeats(tx, item.tier_id, item.quantity);
  } else {
    // Expired or cancelled: the hold was already given back. A refund already under way stays so.
    if (session.payment_status !== 'unpaid') return null;
    if (!(await sellAgain(tx, items))) {
      await setPaymentStatus(tx, session.id, 'refund_pending');
      logger.warn(
        { sessionId: session.id, status: session.status },
        'late payment and no seats left: refunding',
      );
      return null;
    }
  }

  const event = await findEventById(tx, session.event_id);
  if (!event) throw new Error(`Session ${session.id} names missing event ${session.event_id}`);
  const orderId = await issueOrder(tx, {
    sessionId: session.id,
    promoterId: session.promoter_id,
    mode: session.mode,
    eventId: session.event_id,
    eventQrSecret: event.qr_secret,
    buyerEmail: session.customer_email,
    amount: session.amount_total,
    currency: session.currency,
    paymentIntentId: payment.paymentIntentId,
    items: items.map((i) => ({ tierId: i.tier_id, quantity: i.quantity })),
  });
  await markSessionComplete(tx, session.id, orderId);
  // Queued in this transaction, so the promoter hears of exactly the orders that exist.
  await enqueueWebhookEvent(tx, {
    promoterId: session.promoter_id,
    mode: session.mode,
    type: 'order.completed',
    data: await loadOrder(tx, orderId),
  });
  return orderId;
}
