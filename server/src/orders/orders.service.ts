import type { Database, Executor } from '../db/database.ts';
import type { Owner } from '../events/events.store.ts';
import { ApiError } from '../http/errors.ts';
import { type Page, pageOf } from '../http/pagination.ts';
import { newId } from '../lib/ids.ts';
import { signTicketPayload } from '../tickets/qr.ts';
import { queueTicketsMail } from './order-mails.ts';
import { type Order, type OrderDetails, toOrder } from './orders.mapper.ts';
import type { ListOrdersQuery } from './orders.schema.ts';
import {
  findOrder,
  findOwnedOrder,
  insertOrder,
  listOwnedOrders,
  listRefundsOfOrders,
  listTicketsOfOrders,
  setBuyerEmail,
} from './orders.store.ts';

export interface PaidSession {
  sessionId: string;
  promoterId: string;
  mode: 'test' | 'live';
  eventId: string;
  eventQrSecret: string;
  buyerEmail: string;
  amount: number;
  currency: string;
  /** Null for a free order. */
  paymentIntentId: string | null;
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

/** An order with its tickets (their QR payloads as of `now`), or undefined. */
export async function loadOrder(db: Executor, id: string, now = new Date()): Promise<Order | undefined> {
  const row = await findOrder(db, id);
  return row && toOrder(row, await detailsOf(db, [row.id]), now);
}

/** The tickets and refunds of some orders: two queries however many orders there are. */
async function detailsOf(db: Executor, orderIds: string[]): Promise<OrderDetails> {
  const [tickets, refunds] = await Promise.all([
    listTicketsOfOrders(db, orderIds),
    listRefundsOfOrders(db, orderIds),
  ]);
  return { tickets, refunds };
}

/** The promoter's orders in the key's mode, newest first, with their tickets and refunds. */
export async function listOrders(
  db: Executor,
  owner: Owner,
  query: ListOrdersQuery,
  now = new Date(),
): Promise<Page<Order>> {
  const { page, limit, ...filters } = query;
  const result = await listOwnedOrders(db, owner, filters, { page, limit });
  const details = await detailsOf(
    db,
    result.rows.map((row) => row.id),
  );
  return pageOf({ page, limit }, result, (row) => toOrder(row, details, now));
}

/** One of the promoter's orders with its tickets; 404 `order.not_found` otherwise. */
export async function getOrder(db: Executor, owner: Owner, id: string, now = new Date()): Promise<Order> {
  const row = await findOwnedOrder(db, owner, id);
  if (!row) throw orderNotFound(id);
  return toOrder(row, await detailsOf(db, [row.id]), now);
}

export function orderNotFound(id: string): ApiError {
  return new ApiError(404, 'order.not_found', `No order '${id}' belongs to you.`);
}

/**
 * Sends an order's tickets mail again, optionally to a corrected address (which becomes the
 * order's). The new mail carries a new ticket page link, revoking the old one.
 */
export async function resendOrder(
  db: Database,
  owner: Owner,
  id: string,
  input: { email?: string | undefined },
): Promise<Order> {
  return db.transaction().execute(async (tx) => {
    const row = await findOwnedOrder(tx, owner, id);
    if (!row) throw orderNotFound(id);
    const buyerEmail = input.email ?? row.buyer_email;
    if (buyerEmail !== row.buyer_email) await setBuyerEmail(tx, row.id, buyerEmail);
    await queueTicketsMail(tx, { id: row.id, buyerEmail }, { resent: true });
    return getOrder(tx, owner, row.id);
  });
}
