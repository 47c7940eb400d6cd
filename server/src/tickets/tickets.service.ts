import type { Executor } from '../db/database.ts';
import type { Owner } from '../events/events.store.ts';
import { ApiError } from '../http/errors.ts';
import { currentPayload } from './qr.ts';
import { type Ticket, ticketQrOf, toTicket } from './tickets.mapper.ts';
import { findOwnedTicket, findTicketOfOrder } from './tickets.store.ts';

/** One ticket of the promoter's events; another promoter's ticket is 404 `ticket.not_found`. */
export async function getTicket(db: Executor, owner: Owner, id: string, now = new Date()): Promise<Ticket> {
  const row = await findOwnedTicket(db, owner, id);
  if (!row) throw new ApiError(404, 'ticket.not_found', `No ticket '${id}' belongs to you.`);
  return toTicket(row, now);
}

/** The QR payload a ticket of this order shows at `now`, and whether it rotates. */
export async function orderTicketPayload(
  db: Executor,
  orderId: string,
  ticketId: string,
  now: Date,
): Promise<{ payload: string; rotating: boolean }> {
  const row = await findTicketOfOrder(db, orderId, ticketId);
  if (!row) throw new ApiError(404, 'ticket.not_found', `No ticket '${ticketId}' in this checkout's order.`);
  return { payload: currentPayload(ticketQrOf(row), now), rotating: row.rotating_qr };
}
