import { currentPayload } from '../tickets/qr.ts';
import { ticketQrOf } from '../tickets/tickets.mapper.ts';
import type { OrderRow, TicketQrRow } from './orders.store.ts';

export interface Ticket {
  id: string;
  tierId: string;
  status: TicketQrRow['status'];
  /** What the ticket's QR code holds at this moment (it changes every 30 s when the event rotates). */
  qrPayload: string;
}

export interface Order {
  id: string;
  status: OrderRow['status'];
  eventId: string;
  buyerEmail: string;
  amount: number;
  amountRefunded: number;
  currency: string;
  tickets: Ticket[];
  /** The mail that carries the tickets: queued, sent, refused for good, or never sent (older orders). */
  emailStatus: OrderRow['email_status'];
  /** Why the mail server refused it, when `emailStatus` is `failed`. */
  emailError: string | null;
  createdAt: string;
}

export function toTicket(row: TicketQrRow, now: Date): Ticket {
  return {
    id: row.id,
    tierId: row.tier_id,
    status: row.status,
    qrPayload: currentPayload(ticketQrOf(row), now),
  };
}

export function toOrder(row: OrderRow, tickets: TicketQrRow[], now: Date): Order {
  return {
    id: row.id,
    status: row.status,
    eventId: row.event_id,
    buyerEmail: row.buyer_email,
    amount: row.amount,
    amountRefunded: row.amount_refunded,
    currency: row.currency,
    tickets: tickets.filter((t) => t.order_id === row.id).map((t) => toTicket(t, now)),
    emailStatus: row.email_status,
    emailError: row.email_error,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
