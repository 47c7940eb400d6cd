import type { Executor } from '../db/database.ts';
import { formatMoney } from '../lib/money.ts';
import { type BuyerOrderRow, findOrdersForBuyer, listTicketsForBuyer } from './order-view.store.ts';
import { currentPayload } from './qr.ts';
import { checkTicketLink, type LinkCheck, ticketLinks } from './ticket-links.ts';
import type { OrderView, TicketView } from './ticket-view.ts';

/** Formats an instant in a venue's zone: 'Saturday 2 May 2031 at 19:00 BST'. */
function venueTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(at);
}

const scanTime = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(at);

const price = (amount: number, currency: string) => (amount === 0 ? 'Free' : formatMoney(amount, currency));

/**
 * What the buyer is shown of some orders (ticket page, mails), newest first, with their current
 * links and each ticket's code as of `now`. Orders that do not exist are left out.
 */
export async function loadOrderViews(
  db: Executor,
  orderIds: string[],
  context: { publicUrl: string; now?: Date },
): Promise<OrderView[]> {
  const now = context.now ?? new Date();
  const [orders, tickets] = await Promise.all([
    findOrdersForBuyer(db, orderIds),
    listTicketsForBuyer(db, orderIds),
  ]);
  return orders.map((order) =>
    toOrderView(
      order,
      tickets.filter((t) => t.order_id === order.id),
      context.publicUrl,
      now,
    ),
  );
}

/**
 * The order behind a ticket page link, read once: how the token checks against it and, when it is
 * the current link, the order as its buyer is shown it.
 */
export async function loadLinkedOrderView(
  db: Executor,
  orderId: string,
  token: string,
  context: { publicUrl: string; now?: Date },
): Promise<{ check: LinkCheck; view: OrderView | null }> {
  const [order] = await findOrdersForBuyer(db, [orderId]);
  const check = order ? checkTicketLink(order, token) : 'invalid';
  if (!order || check !== 'ok') return { check, view: null };
  const tickets = await listTicketsForBuyer(db, [orderId]);
  return { check, view: toOrderView(order, tickets, context.publicUrl, context.now ?? new Date()) };
}

function toOrderView(
  order: BuyerOrderRow,
  tickets: Awaited<ReturnType<typeof listTicketsForBuyer>>,
  publicUrl: string,
  now: Date,
): OrderView {
  const tz = order.timezone;
  const ticketViews = tickets.map(
    (t): TicketView => ({
      id: t.id,
      tierName: t.tier_name,
      status: t.status === 'void' ? 'void' : t.scanned_at ? 'scanned' : 'valid',
      scannedAtLocal: t.scanned_at ? scanTime(new Date(t.scanned_at), tz) : null,
      qrPayload: currentPayload(
        { ticketId: t.id, eventSecret: order.qr_secret, rotating: order.rotating_qr },
        now,
      ),
    }),
  );
  return {
    orderId: order.id,
    mode: order.mode,
    status: order.status,
    promoterName: order.promoter_name,
    buyerEmail: order.buyer_email,
    event: {
      title: order.event_title,
      status: order.event_status,
      doors: new Date(order.doors).toISOString(),
      doorsLocal: venueTime(new Date(order.doors), tz),
      rotatingQr: order.rotating_qr,
    },
    venue: { name: order.venue_name, city: order.venue_city, timezone: tz },
    total: price(order.amount, order.currency),
    refunded: order.amount_refunded > 0 ? formatMoney(order.amount_refunded, order.currency) : null,
    tickets: ticketViews,
    ...ticketLinks(publicUrl, order),
  };
}
