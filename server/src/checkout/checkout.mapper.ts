import type { Order } from '../orders/orders.mapper.ts';
import type { SessionItemRow, SessionRow } from './checkout.store.ts';

export interface CheckoutSession {
  id: string;
  status: SessionRow['status'];
  eventId: string;
  customerEmail: string;
  items: { tierId: string; quantity: number; unitPrice: number }[];
  amountTotal: number;
  currency: string;
  expiresAt: string;
  clientSecret: string;
  url: string | null;
  successUrl: string | null;
  cancelUrl: string | null;
  orderId: string | null;
  /** The order and its tickets once the session is complete, so the buyer's page can show them. */
  order: Order | null;
  createdAt: string;
}

export function toSession(row: SessionRow, items: SessionItemRow[], order: Order | null): CheckoutSession {
  return {
    id: row.id,
    status: row.status,
    eventId: row.event_id,
    customerEmail: row.customer_email,
    items: items.map((i) => ({ tierId: i.tier_id, quantity: i.quantity, unitPrice: i.unit_price })),
    amountTotal: row.amount_total,
    currency: row.currency,
    expiresAt: new Date(row.expires_at).toISOString(),
    clientSecret: row.client_secret,
    url: null,
    successUrl: row.success_url,
    cancelUrl: row.cancel_url,
    orderId: row.order_id,
    order,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
