import type { Order } from '../orders/orders.mapper.ts';
import type { SessionItemRow, SessionRow } from './checkout.store.ts';

export interface CheckoutSession {
  id: string;
  status: SessionRow['status'];
  /** `refunded` when a payment arrived after the hold was gone and no seats were left. */
  paymentStatus: SessionRow['payment_status'];
  eventId: string;
  customerEmail: string;
  items: { tierId: string; quantity: number; unitPrice: number }[];
  amountTotal: number;
  currency: string;
  expiresAt: string;
  clientSecret: string;
  /** Where a promoter's backend sends the buyer to pay (hosted checkout), while the session is open. */
  url: string | null;
  successUrl: string | null;
  cancelUrl: string | null;
  orderId: string | null;
  /** The order and its tickets once the session is complete, so the buyer's page can show them. */
  order: Order | null;
  /** The buyer's ticket page (the link the order mail carries) once the session is complete. */
  ticketsUrl: string | null;
  /**
   * The worker's work with Stripe for this session: `pending` while it still has to check, cancel
   * or refund (next at `nextAttemptAt`); `failed` once it gave up (`error` says why; the promoter
   * can ask again with POST …/settle); `settled` when nothing is owed.
   */
  settlement: {
    status: 'settled' | 'pending' | 'failed';
    nextAttemptAt: string | null;
    error: string | null;
  };
  createdAt: string;
}

/**
 * The hosted checkout page for a session. The client secret travels in the fragment, which
 * browsers send to no server and put in no Referer.
 */
export function hostedCheckoutUrl(publicUrl: string, row: Pick<SessionRow, 'id' | 'client_secret'>): string {
  return `${publicUrl}/embed.html#session=${row.id}&secret=${row.client_secret}`;
}

export function toSession(
  row: SessionRow,
  items: SessionItemRow[],
  order: Order | null,
  publicUrl: string,
  ticketsUrl: string | null = null,
): CheckoutSession {
  return {
    id: row.id,
    status: row.status,
    paymentStatus: row.payment_status,
    eventId: row.event_id,
    customerEmail: row.customer_email,
    items: items.map((i) => ({ tierId: i.tier_id, quantity: i.quantity, unitPrice: i.unit_price })),
    amountTotal: row.amount_total,
    currency: row.currency,
    expiresAt: new Date(row.expires_at).toISOString(),
    clientSecret: row.client_secret,
    url: row.status === 'open' ? hostedCheckoutUrl(publicUrl, row) : null,
    successUrl: row.success_url,
    cancelUrl: row.cancel_url,
    orderId: row.order_id,
    order,
    ticketsUrl,
    settlement: {
      status: row.settle_at ? 'pending' : row.settle_error ? 'failed' : 'settled',
      nextAttemptAt: row.settle_at ? new Date(row.settle_at).toISOString() : null,
      error: row.settle_error,
    },
    createdAt: new Date(row.created_at).toISOString(),
  };
}
