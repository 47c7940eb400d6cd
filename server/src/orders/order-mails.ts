import type { Executor } from '../db/database.ts';
import { newId } from '../lib/ids.ts';
import type { ClaimedMail } from '../mail/mail.outbox.store.ts';
import { insertMailPerOrderOfEvent, supersedePendingMails } from '../mail/mail.outbox.store.ts';
import { enqueueMail } from '../mail/mail.outbox.ts';
import { bumpTicketLink, setEmailStatus } from './orders.store.ts';

/**
 * Queues the mail that carries an order's tickets, in the caller's transaction: once per order when
 * it is issued, and again each time it is resent (which also issues a new ticket page link, revoking
 * the old, and replaces a resend still waiting, so a corrected address wins). The order's
 * `emailStatus` follows that mail.
 */
export async function queueTicketsMail(
  tx: Executor,
  order: { id: string; buyerEmail: string },
  options: { resent: boolean },
): Promise<void> {
  const id = newId('mail');
  if (options.resent) {
    await supersedePendingMails(tx, order.id, 'order');
    await bumpTicketLink(tx, order.id);
  }
  await enqueueMail(tx, {
    id,
    kind: 'order',
    orderId: order.id,
    recipient: order.buyerEmail,
    dedupeKey: options.resent ? `order:${order.id}:resend:${id}` : `order:${order.id}`,
    payload: { resent: options.resent },
  });
  await setEmailStatus(tx, order.id, 'pending', null);
}

/**
 * Queues the mail about a refund, once per (order, amount refunded so far): every refund raises
 * that amount, so each is mailed once, however often Stripe or the promoter repeats it.
 */
export async function queueRefundMail(
  tx: Executor,
  order: { id: string; buyerEmail: string; currency: string },
  refund: { amount: number; amountRefunded: number; full: boolean },
): Promise<void> {
  await enqueueMail(tx, {
    kind: 'refund',
    orderId: order.id,
    recipient: order.buyerEmail,
    dedupeKey: `refund:${order.id}:${refund.amountRefunded}`,
    payload: { amount: refund.amount, currency: order.currency, full: refund.full },
  });
}

/** Queues the mail telling every buyer of an event that it is cancelled, once per order. */
export async function queueCancellationMails(tx: Executor, eventId: string): Promise<number> {
  return insertMailPerOrderOfEvent(tx, {
    kind: 'cancellation',
    eventId,
    dedupePrefix: 'cancellation:',
    idPrefix: 'mail_cancel_',
  });
}

/** The worker's note of a tickets mail's final outcome on its order, for the promoter to see. */
export async function noteTicketsMailOutcome(
  tx: Executor,
  mail: ClaimedMail,
  outcome: { status: 'sent' | 'failed'; error: string | null },
): Promise<void> {
  if (mail.kind !== 'order' || !mail.orderId) return;
  await setEmailStatus(tx, mail.orderId, outcome.status, outcome.status === 'failed' ? outcome.error : null);
}
