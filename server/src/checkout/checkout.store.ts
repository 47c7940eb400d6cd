import { type Selectable, sql } from 'kysely';
import type { CheckoutSessionItemsTable, CheckoutSessionsTable, Executor } from '../db/database.ts';

export type SessionRow = Selectable<CheckoutSessionsTable>;
export type SessionItemRow = Selectable<CheckoutSessionItemsTable>;

/**
 * Holds `quantity` seats of a tier in one conditional update: no row back means the tier cannot
 * cover it. This is the only place stock is reserved; it never reads then writes.
 */
export async function reserveSeats(
  db: Executor,
  tierId: string,
  quantity: number,
): Promise<{ price: number } | undefined> {
  return db
    .updateTable('tiers')
    .set((eb) => ({ reserved: eb('reserved', '+', quantity) }))
    .where('id', '=', tierId)
    .where(sql<boolean>`sold + reserved + ${quantity} <= stock`)
    .returning('price')
    .executeTakeFirst();
}

/** Moves seats a session held from reserved to sold, when its payment succeeded. */
export async function convertHeldSeats(db: Executor, tierId: string, quantity: number): Promise<void> {
  await db
    .updateTable('tiers')
    .set((eb) => ({ reserved: eb('reserved', '-', quantity), sold: eb('sold', '+', quantity) }))
    .where('id', '=', tierId)
    .execute();
}

export async function insertSession(
  db: Executor,
  session: Omit<SessionRow, 'created_at' | 'completed_at' | 'payment_intent_id' | 'order_id'>,
  items: SessionItemRow[],
): Promise<void> {
  await db.insertInto('checkout_sessions').values(session).execute();
  await db.insertInto('checkout_session_items').values(items).execute();
}

export async function findSession(db: Executor, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('checkout_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The session row locked for the rest of the transaction, so webhooks and buyers take turns. */
export async function lockSession(db: Executor, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('checkout_sessions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function listSessionItems(db: Executor, sessionId: string): Promise<SessionItemRow[]> {
  return db
    .selectFrom('checkout_session_items')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('tier_id')
    .execute();
}

/** Records the PaymentIntent once; a second call with another id changes nothing and returns false. */
export async function attachPaymentIntent(
  db: Executor,
  sessionId: string,
  paymentIntentId: string,
): Promise<boolean> {
  const result = await db
    .updateTable('checkout_sessions')
    .set({ payment_intent_id: paymentIntentId })
    .where('id', '=', sessionId)
    .where((eb) =>
      eb.or([eb('payment_intent_id', 'is', null), eb('payment_intent_id', '=', paymentIntentId)]),
    )
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function markSessionComplete(db: Executor, sessionId: string, orderId: string): Promise<void> {
  await db
    .updateTable('checkout_sessions')
    .set({ status: 'complete', order_id: orderId, completed_at: sql`now()` })
    .where('id', '=', sessionId)
    .execute();
}

/** How many seats a tier has left, for the message of an oversold error. */
export async function seatsLeft(db: Executor, tierId: string): Promise<number> {
  const row = await db
    .selectFrom('tiers')
    .select(sql<number>`greatest(stock - sold - reserved, 0)`.as('left'))
    .where('id', '=', tierId)
    .executeTakeFirst();
  return row?.left ?? 0;
}
