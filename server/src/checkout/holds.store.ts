import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

// The statements that move a tier's `reserved` and `sold`, each a single conditional update: stock
// is never read and then written. Only holds.ts calls them; the one-statement opening of a one-tier
// session (insertSessionHoldingSeats in checkout.store.ts) carries the same update in its CTE.

/**
 * Holds `quantity` seats of a tier in one conditional update: no row back means the tier cannot
 * cover it.
 */
export async function reserveSeats(db: Executor, tierId: string, quantity: number): Promise<boolean> {
  const row = await db
    .updateTable('tiers')
    .set((eb) => ({ reserved: eb('reserved', '+', quantity) }))
    .where('id', '=', tierId)
    .where(sql<boolean>`sold + reserved + ${quantity} <= stock`)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Moves seats a session held from reserved to sold, when its payment succeeded. */
export async function convertHeldSeats(db: Executor, tierId: string, quantity: number): Promise<void> {
  await db
    .updateTable('tiers')
    .set((eb) => ({ reserved: eb('reserved', '-', quantity), sold: eb('sold', '+', quantity) }))
    .where('id', '=', tierId)
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

/** Gives seats a closed session held back to the tier. */
export async function releaseSeats(db: Executor, tierId: string, quantity: number): Promise<void> {
  await db
    .updateTable('tiers')
    .set((eb) => ({ reserved: eb('reserved', '-', quantity) }))
    .where('id', '=', tierId)
    .execute();
}

/** Sells seats straight from stock (a payment that arrived after its hold was released), if they are free. */
export async function sellFreeSeats(db: Executor, tierId: string, quantity: number): Promise<boolean> {
  const row = await db
    .updateTable('tiers')
    .set((eb) => ({ sold: eb('sold', '+', quantity) }))
    .where('id', '=', tierId)
    .where(sql<boolean>`sold + reserved + ${quantity} <= stock`)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Undoes `sellFreeSeats` inside the same transaction, when another tier of the order could not be sold. */
export async function unsellSeats(db: Executor, tierId: string, quantity: number): Promise<void> {
  await db
    .updateTable('tiers')
    .set((eb) => ({ sold: eb('sold', '-', quantity) }))
    .where('id', '=', tierId)
    .execute();
}
