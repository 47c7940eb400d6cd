import type { Selectable } from 'kysely';
import type { Executor, VenuesTable } from '../db/database.ts';
import type { Owner } from '../events/events.store.ts';

export type VenueRow = Selectable<VenuesTable>;

export async function insertVenue(db: Executor, venue: Omit<VenueRow, 'created_at'>): Promise<void> {
  await db.insertInto('venues').values(venue).execute();
}

export async function findOwnedVenue(db: Executor, owner: Owner, id: string): Promise<VenueRow | undefined> {
  return db
    .selectFrom('venues')
    .selectAll()
    .where('id', '=', id)
    .where('promoter_id', '=', owner.promoterId)
    .where('mode', '=', owner.mode)
    .executeTakeFirst();
}

export async function findVenueById(db: Executor, id: string): Promise<VenueRow | undefined> {
  return db.selectFrom('venues').selectAll().where('id', '=', id).executeTakeFirst();
}
