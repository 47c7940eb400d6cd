import type { Database, Executor } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { newId } from '../lib/ids.ts';
import { countMailsTo } from '../mail/mail.outbox.store.ts';
import { enqueueMail } from '../mail/mail.outbox.ts';
import { bumpTicketLink } from '../orders/orders.store.ts';
import { findOrderIdsByEmail } from './order-view.store.ts';
import { loadLinkedOrderView } from './order-view.ts';
import type { OrderView } from './ticket-view.ts';

/** How many "find my tickets" mails one address gets an hour; more requests are answered the same. */
export const LINK_MAILS_PER_HOUR = 3;
/** How many of an address's orders one such mail lists, newest first. */
const LINKED_ORDERS = 20;

/**
 * The order behind a ticket page link, as its buyer is shown it. A link we never issued is 404
 * `ticket_link.invalid` (so is an order that does not exist: the two must look alike); a genuine
 * link since replaced by a newer one is 410 `ticket_link.replaced`.
 */
export async function openTicketLink(
  db: Executor,
  orderId: string,
  token: string,
  context: { publicUrl: string; now?: Date },
): Promise<OrderView> {
  const { check, view } = await loadLinkedOrderView(db, orderId, token, context);
  if (check === 'replaced') {
    throw new ApiError(410, 'ticket_link.replaced', 'This link was replaced by a newer one sent by email.');
  }
  if (!view) throw new ApiError(404, 'ticket_link.invalid', 'This link does not open any tickets.');
  return view;
}

/**
 * "Lost your tickets?": mails the address a fresh link to each of its orders (all promoters, both
 * modes), issuing new links and so revoking the old ones, in one transaction. The caller answers
 * the same whatever happens here: whether the address has orders must not show. An address gets
 * at most `LINK_MAILS_PER_HOUR` such mails an hour, so the form cannot be used to flood an inbox.
 */
export async function requestTicketLinks(db: Database, email: string, now = new Date()): Promise<void> {
  const address = email.trim().toLowerCase();
  await db.transaction().execute(async (tx) => {
    const hourAgo = new Date(now.getTime() - 60 * 60 * 1000);
    if ((await countMailsTo(tx, address, 'ticket_links', hourAgo)) >= LINK_MAILS_PER_HOUR) return;
    const orderIds = await findOrderIdsByEmail(tx, address, LINKED_ORDERS);
    if (orderIds.length === 0) return;
    await bumpTicketLink(tx, ...orderIds);
    const id = newId('mail');
    await enqueueMail(tx, {
      id,
      kind: 'ticket_links',
      orderId: null,
      recipient: address,
      dedupeKey: `ticket_links:${id}`,
      payload: { orderIds },
    });
  });
}
