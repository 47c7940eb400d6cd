import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor, OrdersTable, RefundsTable, TicketsTable } from '../db/database.ts';
import { fetchPage } from '../db/paging.ts';
import type { Owner } from '../events/events.store.ts';
import type { PageOfRows, PageRequest } from '../http/pagination.ts';
import type { TicketDetailRow } from '../tickets/tickets.store.ts';

export type OrderRow = Selectable<OrdersTable>;
export type TicketRow = Selectable<TicketsTable>;
/** A ticket with what its QR payload is made from: its event's secret and whether codes rotate. */
export type TicketQrRow = TicketRow & { qr_secret: string; rotating_qr: boolean };
export type OrderStatus = OrderRow['status'];
export type RefundRow = Selectable<RefundsTable>;

export interface OrderFilters {
  eventId?: string | undefined;
  status?: OrderStatus | undefined;
  buyerEmail?: string | undefined;
  q?: string | undefined;
}

/** `text` as a LIKE pattern that matches it literally anywhere: `%`, `_` and `\` lose their meaning. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function insertOrder(
  db: Executor,
  order: Insertable<OrdersTable>,
  tickets: Omit<TicketRow, 'created_at'>[],
): Promise<void> {
  await db.insertInto('orders').values(order).execute();
  if (tickets.length > 0) await db.insertInto('tickets').values(tickets).execute();
}

export async function findOrder(db: Executor, id: string): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An order of this promoter in this mode. */
export async function findOwnedOrder(db: Executor, owner: Owner, id: string): Promise<OrderRow | undefined> {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', id)
    .where('promoter_id', '=', owner.promoterId)
    .where('mode', '=', owner.mode)
    .executeTakeFirst();
}

export async function findOrderByPaymentIntent(
  db: Executor,
  paymentIntentId: string,
): Promise<OrderRow | undefined> {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('payment_intent_id', '=', paymentIntentId)
    .executeTakeFirst();
}

/**
 * The promoter's orders in one mode that pass the filters, before any columns are chosen: what the
 * list and the export share. The email matches case-insensitively. Columns are named with their
 * table, so a query may join more.
 */
function matchingOrders(db: Executor, owner: Owner, filters: OrderFilters) {
  let matching = db
    .selectFrom('orders')
    .where('orders.promoter_id', '=', owner.promoterId)
    .where('orders.mode', '=', owner.mode);
  if (filters.eventId) matching = matching.where('orders.event_id', '=', filters.eventId);
  if (filters.status) matching = matching.where('orders.status', '=', filters.status);
  if (filters.buyerEmail) {
    const email = filters.buyerEmail;
    matching = matching.where((eb) =>
      eb(eb.fn('lower', ['orders.buyer_email']), '=', eb.fn('lower', [eb.val(email)])),
    );
  }
  if (filters.q) {
    const q = filters.q;
    matching = matching.where((eb) =>
      eb.or([eb('orders.id', '=', q), eb('orders.buyer_email', 'ilike', containing(q.toLowerCase()))]),
    );
  }
  return matching;
}

/** The promoter's orders in one mode, newest first, filtered; the email matches case-insensitively. */
export async function listOwnedOrders(
  db: Executor,
  owner: Owner,
  filters: OrderFilters,
  page: PageRequest,
): Promise<PageOfRows<OrderRow>> {
  return fetchPage(
    matchingOrders(db, owner, filters),
    (q) => q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc'),
    page,
  );
}

/** An order as the CSV export writes it: its event's title and how many tickets it holds. */
export interface OrderExportRow {
  id: string;
  created_at: Date;
  event_id: string;
  event_title: string;
  buyer_email: string;
  status: OrderStatus;
  tickets: number;
  amount: number;
  amount_refunded: number;
  currency: string;
}

/**
 * One batch of the export: the next `limit` orders that pass the filters, newest first, after the
 * order `after`: keyset on created_at and id, so a batch costs the same however deep it is, and an
 * order made while the export runs shifts no row into a batch twice. The cursor's time is read back
 * from its row, as PostgreSQL keeps microseconds that a JavaScript Date would lose.
 */
export async function listOrdersToExport(
  db: Executor,
  owner: Owner,
  filters: OrderFilters,
  batch: { after: string | null; limit: number },
): Promise<OrderExportRow[]> {
  let query = matchingOrders(db, owner, filters).innerJoin('events', 'events.id', 'orders.event_id');
  if (batch.after) {
    const after = batch.after;
    query = query.where(
      sql<boolean>`(orders.created_at, orders.id) < (select o.created_at, o.id from orders o where o.id = ${after})`,
    );
  }
  const rows = await query
    .select([
      'orders.id',
      'orders.created_at',
      'orders.event_id',
      'events.title as event_title',
      'orders.buyer_email',
      'orders.status',
      'orders.amount',
      'orders.amount_refunded',
      'orders.currency',
    ])
    .select((eb) =>
      eb
        .selectFrom('tickets')
        .select(eb.fn.countAll<string>().as('count'))
        .whereRef('tickets.order_id', '=', 'orders.id')
        .as('tickets'),
    )
    .orderBy('orders.created_at', 'desc')
    .orderBy('orders.id', 'desc')
    .limit(batch.limit)
    .execute();
  return rows.map((row) => ({ ...row, tickets: Number(row.tickets ?? 0) }));
}

/** The refunds of some orders, each order's oldest first (by Stripe's time, then when recorded). */
export async function listRefundsOfOrders(db: Executor, orderIds: string[]): Promise<RefundRow[]> {
  if (orderIds.length === 0) return [];
  return db
    .selectFrom('refunds')
    .selectAll()
    .where('order_id', 'in', orderIds)
    .orderBy('order_id')
    .orderBy('created_at')
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
}

/** The tickets of some orders, with their events' QR settings and scans, in a stable order. */
export async function listTicketsOfOrders(db: Executor, orderIds: string[]): Promise<TicketDetailRow[]> {
  if (orderIds.length === 0) return [];
  return db
    .selectFrom('tickets')
    .innerJoin('events', 'events.id', 'tickets.event_id')
    .leftJoin('scans', 'scans.ticket_id', 'tickets.id')
    .selectAll('tickets')
    .select(['events.qr_secret', 'events.rotating_qr', 'scans.scanned_at'])
    .where('tickets.order_id', 'in', orderIds)
    .orderBy('tickets.order_id')
    .orderBy('tickets.id')
    .execute();
}

/** Locks an order row until the transaction ends: refunds of one order are recorded one at a time. */
export async function lockOrder(tx: Executor, id: string): Promise<OrderRow | undefined> {
  return tx.selectFrom('orders').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Records one Stripe refund of an order; false when that refund was already recorded. */
export async function insertRefund(tx: Executor, refund: Insertable<RefundsTable>): Promise<boolean> {
  const row = await tx
    .insertInto('refunds')
    .values(refund)
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function setAmountRefunded(
  tx: Executor,
  id: string,
  amountRefunded: number,
  status: OrderStatus,
): Promise<void> {
  await tx
    .updateTable('orders')
    .set({ amount_refunded: amountRefunded, status })
    .where('id', '=', id)
    .execute();
}

/** Voids every ticket of an order: a voided ticket scans invalid. */
export async function voidOrderTickets(tx: Executor, orderId: string): Promise<void> {
  await tx.updateTable('tickets').set({ status: 'void' }).where('order_id', '=', orderId).execute();
}

/** Whether a checkout session recorded this PaymentIntent and may still turn it into an order. */
export async function paymentStillSettling(db: Executor, paymentIntentId: string): Promise<boolean> {
  const row = await db
    .selectFrom('checkout_sessions')
    .select('id')
    .where('payment_intent_id', '=', paymentIntentId)
    .where('status', '!=', 'complete')
    .where('payment_status', '=', 'unpaid')
    .executeTakeFirst();
  return row !== undefined;
}

export async function setEmailStatus(
  db: Executor,
  id: string,
  status: OrderRow['email_status'],
  error: string | null,
): Promise<void> {
  await db
    .updateTable('orders')
    .set({ email_status: status, email_error: error })
    .where('id', '=', id)
    .execute();
}

/** Issues a new ticket page link for orders: their version goes up, so every older link is revoked. */
export async function bumpTicketLink(db: Executor, ...ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('orders')
    .set((eb) => ({ ticket_link_version: eb('ticket_link_version', '+', 1) }))
    .where('id', 'in', ids)
    .execute();
}

export async function setBuyerEmail(db: Executor, id: string, email: string): Promise<void> {
  await db.updateTable('orders').set({ buyer_email: email }).where('id', '=', id).execute();
}
