import { type Insertable, type Selectable, sql } from 'kysely';
import type { EventsTable, Executor, TiersTable } from '../db/database.ts';

export type EventRow = Selectable<EventsTable>;
export type TierRow = Selectable<TiersTable>;
export type Owner = { promoterId: string; mode: 'test' | 'live' };

export async function insertEvent(db: Executor, event: Insertable<EventsTable>): Promise<void> {
  await db.insertInto('events').values(event).execute();
}

export async function insertTiers(db: Executor, tiers: Insertable<TiersTable>[]): Promise<void> {
  if (tiers.length > 0) await db.insertInto('tiers').values(tiers).execute();
}

/** An event of this promoter in this mode, by id or slug. */
export async function findOwnedEvent(
  db: Executor,
  owner: Owner,
  idOrSlug: string,
): Promise<EventRow | undefined> {
  return db
    .selectFrom('events')
    .selectAll()
    .where('promoter_id', '=', owner.promoterId)
    .where('mode', '=', owner.mode)
    .where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)]))
    .executeTakeFirst();
}

export async function findEventById(db: Executor, id: string): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function slugTaken(db: Executor, owner: Owner, slug: string): Promise<boolean> {
  const row = await db
    .selectFrom('events')
    .select('id')
    .where('promoter_id', '=', owner.promoterId)
    .where('mode', '=', owner.mode)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row !== undefined;
}

export async function listTiers(db: Executor, eventId: string): Promise<TierRow[]> {
  return db.selectFrom('tiers').selectAll().where('event_id', '=', eventId).orderBy('position').execute();
}

export async function markPublished(db: Executor, id: string, network: boolean): Promise<void> {
  await db
    .updateTable('events')
    .set({ status: 'live', network, published_at: sql<Date>`coalesce(published_at, now())` })
    .where('id', '=', id)
    .execute();
}
