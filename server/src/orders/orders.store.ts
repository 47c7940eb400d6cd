import type { Selectable } from 'kysely';
import type { Executor, OrdersTable, TicketsTable } from '../db/database.ts';

export type OrderRow = Selectable<OrdersTable>;
export type TicketRow = Selectable<TicketsTable>;

export async function insertOrder(
  db: Executor,
  order: Omit<OrderRow, 'created_at' | 'amount_refunded'>,
  tickets: Omit<TicketRow, 'created_at'>[],
): Promise<void> {
  await db.insertInto('orders').values(order).execute();
  if (tickets.length > 0) await db.insertInto('tickets').values(tickets).execute();
}

export async function findOrder(db: Executor, id: string): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listOrderTickets(db: Executor, orderId: string): Promise<TicketRow[]> {
  return db.selectFrom('tickets').selectAll().where('order_id', '=', orderId).orderBy('id').execute();
}
