import type { OrderRow, TicketRow } from './orders.store.ts';

export interface Ticket {
  id: string;
  tierId: string;
  status: TicketRow['status'];
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
  createdAt: string;
}

export function toTicket(row: TicketRow): Ticket {
  return { id: row.id, tierId: row.tier_id, status: row.status, qrPayload: row.qr_payload };
}

export function toOrder(row: OrderRow, tickets: TicketRow[]): Order {
  return {
    id: row.id,
    status: row.status,
    eventId: row.event_id,
    buyerEmail: row.buyer_email,
    amount: row.amount,
    amountRefunded: row.amount_refunded,
    currency: row.currency,
    tickets: tickets.map(toTicket),
    createdAt: new Date(row.created_at).toISOString(),
  };
}
