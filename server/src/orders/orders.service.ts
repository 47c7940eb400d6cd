import type { Executor } from '../db/database.ts';
import { newId } from '../lib/ids.ts';
import { signTicketPayload } from '../tickets/qr.ts';
import { type Order, toOrder } from './orders.mapper.ts';
import { findOrder, insertOrder, listOrderTickets } from './orders.store.ts';

export interface PaidSession {
  sessionId: string;
  promoterId: string;
  mode: 'test' | 'live';
  eventId: string;
  eventQrSecret: string;
  buyerEmail: string;
  amount: number;
  currency: string;
  paymentIntentId: string;
  items: { tierId: string; quantity: number }[];
}

/** Issues the order and one signed ticket per seat; called inside the transaction that sells the seats. */
export async function issueOrder(db: Executor, paid: PaidSession): Promise<string> {
  const orderId = newId('ord');
  const tickets = paid.items.flatMap((item) =>
    Array.from({ length: item.quantity }, () => {
      const id = newId('tkt');
      return {
        id,
        order_id: orderId,
        event_id: paid.eventId,
        tier_id: item.tierId,
        status: 'valid' as const,
        qr_payload: signTicketPayload(paid.eventQrSecret, id),
      };
    }),
  );
  await insertOrder(
    db,
    {
      id: orderId,
      promoter_id: paid.promoterId,
      mode: paid.mode,
      event_id: paid.eventId,
      session_id: paid.sessionId,
      status: 'paid',
      buyer_email: paid.buyerEmail,
      amount: paid.amount,
      currency: paid.currency,
      payment_intent_id: paid.paymentIntentId,
    },
    tickets,
  );
  return orderId;
}

/** An order with its tickets, or undefined. */
export async function loadOrder(db: Executor, id: string): Promise<Order | undefined> {
  const row = await findOrder(db, id);
  return row && toOrder(row, await listOrderTickets(db, id));
}
