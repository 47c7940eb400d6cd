import type { Executor } from '../db/database.ts';
import type { Owner } from '../events/events.store.ts';
import type { TicketQrRow } from '../orders/orders.store.ts';

/** A ticket with its event's QR settings and, once scanned in, when. */
/** A ticket with its QR settings and its admission (`scan_id`, `scanned_at`, `scanned_gate`), if scanned. */
export type TicketDetailRow = TicketQrRow & {
  scanned_at: Date | null;
  scan_id?: string | null;
  scanned_gate?: string | null;
};

/** One primary-key lookup of a ticket, joined to its event (one row) and its scan (unique). */
function ticketDetail(db: Executor, id: string) {
  return db
    .selectFrom('tickets')
    .innerJoin('events', 'events.id', 'tickets.event_id')
    .leftJoin('scans', 'scans.ticket_id', 'tickets.id')
    .selectAll('tickets')
    .select([
      'events.qr_secret',
      'events.rotating_qr',
      'scans.scanned_at',
      'scans.id as scan_id',
      'scans.gate as scanned_gate',
    ])
    .where('tickets.id', '=', id);
}

/** A ticket of an event of this promoter in this mode; another promoter's ticket is not found. */
export async function findOwnedTicket(
  db: Executor,
  owner: Owner,
  id: string,
): Promise<TicketDetailRow | undefined> {
  return ticketDetail(db, id)
    .where('events.promoter_id', '=', owner.promoterId)
    .where('events.mode', '=', owner.mode)
    .executeTakeFirst();
}

/** A ticket of one order (what a buyer's checkout session may show). */
export async function findTicketOfOrder(
  db: Executor,
  orderId: string,
  id: string,
): Promise<TicketDetailRow | undefined> {
  return ticketDetail(db, id).where('tickets.order_id', '=', orderId).executeTakeFirst();
}
