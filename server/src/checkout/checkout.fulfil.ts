import type { Logger } from 'pino';
import type { Executor } from '../db/database.ts';
import { findEventById } from '../events/events.store.ts';
import { issueOrder } from '../orders/orders.service.ts';
import { convertHeldSeats, listSessionItems, lockSession, markSessionComplete } from './checkout.store.ts';

export interface SucceededPayment {
  paymentIntentId: string;
  sessionId: string | undefined;
  amount: number;
  currency: string;
}

/**
 * Completes the session a succeeded PaymentIntent paid for, inside the caller's transaction: the
 * held seats become sold and the order with its tickets is issued. The session row is locked, so
 * concurrent deliveries take turns, and a session already complete is left alone.
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
    // Never issue tickets for a different amount than the session asked for.
    logger.error({ payment, sessionId: session.id }, 'PaymentIntent amount does not match its session');
    return null;
  }
  if (session.status !== 'open') {
    // Expired and cancelled sessions released their seats; late payments are settled by the expiry work.
    logger.error({ payment, sessionId: session.id, status: session.status }, 'payment for a closed session');
    return null;
  }

  const items = await listSessionItems(tx, session.id);
  for (const item of items) await convertHeldSeats(tx, item.tier_id, item.quantity);
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
  return orderId;
}
