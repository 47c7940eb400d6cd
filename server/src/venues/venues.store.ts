import type { Selectable } from 'kysely';
import type { Executor, VenuesTable } from '../db/database.ts';
import { fetchPage } from '../db/paging.ts';
import type { Owner } from '../events/events.store.ts';
import type { PageOfRows, PageRequest } from '../http/pagination.ts';

export type VenueRow = Selectable<VenuesTable>;

export async function insertVenue(db: Executor, venue: Omit<VenueRow, 'created_at'>): Promise<VenueRow> {
  return db.insertInto('venues').values(venue).returningAll().executeTakeFirstOrThrow();
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

/** The promoter's venues in one mode, newest first. */
export async function listOwnedVenues(
  db: Executor,
  owner: Owner,
  page: PageRequest,
): Promise<PageOfRows<VenueRow>> {
  const owned = db
    .selectFrom('venues')
    .where('promoter_id', '=', owner.promoterId)
    .where('mode', '=', owner.mode);
  return fetchPage(owned, (q) => q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc'), page);
}

export async function findVenueById(db: Executor, id: string): Promise<VenueRow | undefined> {
  return db.selectFrom('venues').selectAll().where('id', '=', id).executeTakeFirst();
}
