import type { Logger } from 'pino';
import type { Executor } from '../db/database.ts';
import { findEventById } from '../events/events.store.ts';
import { queueTicketsMail } from '../orders/order-mails.ts';
import { issueOrder, loadOrder } from '../orders/orders.service.ts';
import { enqueueWebhookEvent } from '../webhooks/webhooks.outbox.ts';
import {
  listSessionItems,
  lockSessionByPaymentIntent,
  markRefundPending,
  markSessionComplete,
  type SessionItemRow,
  type SessionRow,
} from './checkout.store.ts';
import { releaseHold, sellFromFreeStock, sellHeldSeats } from './holds.ts';

/** A succeeded PaymentIntent as Stripe reported it, by webhook or when the worker asked. */
export interface SucceededPayment {
  paymentIntentId: string;
  /** What was received, in minor units. */
  amount: number;
  currency: string;
  livemode: boolean;
  /** The Connect account the event came from; PaymentIntents the server creates have none. */
  account: string | null;
}

export type FulfilOutcome =
  | { kind: 'completed'; orderId: string }
  | { kind: 'refund_pending' }
  /** Not a payment of ours: recorded, ignored, and logged as suspicious. */
  | { kind: 'ignored'; reason: string };

/**
 * Completes the session a succeeded PaymentIntent paid for, inside the caller's transaction: the
 * held seats become sold and the order with its tickets is issued. Only the PaymentIntent the
 * server created for a session and recorded on it counts, on the platform account, in the
 * session's mode, for the session's amount and currency: anything else is ignored. A payment that
 * lands after the hold expired or was cancelled still completes if the seats are free, and is
 * refunded otherwise. The session row is locked, so the webhook and the worker take turns; a
 * complete session is left alone. The one path from "Stripe says succeeded" to an order.
 */
export async function fulfilPayment(
  tx: Executor,
  payment: SucceededPayment,
  logger: Logger,
): Promise<FulfilOutcome> {
  const ignore = (reason: string): FulfilOutcome => {
    logger.warn({ payment }, `suspicious Stripe payment ignored: ${reason}`);
    return { kind: 'ignored', reason };
  };
  if (payment.account) return ignore(`it was made on the connected account ${payment.account}`);
  const session = await lockSessionByPaymentIntent(tx, payment.paymentIntentId);
  if (!session) return ignore('no checkout session recorded this PaymentIntent');
  if (session.mode !== (payment.livemode ? 'live' : 'test')) {
    return ignore(`a ${payment.livemode ? 'live' : 'test'}-mode payment for a ${session.mode}-mode session`);
  }
  if (session.status === 'complete' && session.order_id)
    return { kind: 'completed', orderId: session.order_id };
  if (payment.amount !== session.amount_total || payment.currency !== session.currency) {
    // Our own PaymentIntent, paid for an amount the session no longer asks for (tickets changed
    // mid-payment): never issue tickets for it; give the seats back and refund the payment.
    logger.warn(
      { payment, sessionId: session.id },
      'PaymentIntent amount does not match its session: refunding',
    );
    if (session.status === 'open') await releaseHold(tx, session, 'cancelled');
    if (session.payment_status === 'unpaid') await markRefundPending(tx, session.id);
    return { kind: 'refund_pending' };
  }
  const items = await listSessionItems(tx, session.id);
  if (session.status === 'open') {
    await sellHeldSeats(tx, items);
  } else {
    // Expired or cancelled: the hold was already given back. A refund already under way stays so.
    if (session.payment_status !== 'unpaid') return { kind: 'refund_pending' };
    if (!(await sellFromFreeStock(tx, items))) {
      await markRefundPending(tx, session.id);
      logger.warn(
        { sessionId: session.id, status: session.status },
        'late payment and no seats left: refunding',
      );
      return { kind: 'refund_pending' };
    }
  }
  return { kind: 'completed', orderId: await issueSessionOrder(tx, session, items, payment.paymentIntentId) };
}

/**
 * Completes an open free session (its total is 0) in the caller's transaction, without Stripe:
 * its held seats are sold and its order issued at once.
 */
export async function fulfilFreeSession(tx: Executor, session: SessionRow): Promise<string> {
  if (session.amount_total !== 0) throw new Error(`Session ${session.id} is not free`);
  const items = await listSessionItems(tx, session.id);
  await sellHeldSeats(tx, items);
  return issueSessionOrder(tx, session, items, null);
}

/** Issues the order and tickets of a session whose seats are sold, and tells the promoter and the buyer. */
async function issueSessionOrder(
  tx: Executor,
  session: SessionRow,
  items: SessionItemRow[],
  paymentIntentId: string | null,
): Promise<string> {
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
    paymentIntentId,
    items: items.map((i) => ({ tierId: i.tier_id, quantity: i.quantity })),
  });
  await markSessionComplete(tx, session.id, orderId);
  // Queued in this transaction, so the promoter hears of, and the buyer is mailed, exactly the
  // orders that exist.
  await queueTicketsMail(tx, { id: orderId, buyerEmail: session.customer_email }, { resent: false });
  await enqueueWebhookEvent(tx, {
    promoterId: session.promoter_id,
    mode: session.mode,
    type: 'order.completed',
    data: await loadOrder(tx, orderId),
  });
  return orderId;
}
