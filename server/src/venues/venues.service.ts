import type { Executor } from '../db/database.ts';
import type { Owner } from '../events/events.store.ts';
import { ApiError } from '../http/errors.ts';
import { type Page, type PageRequest, pageOf } from '../http/pagination.ts';
import { newId, slugify } from '../lib/ids.ts';
import { toVenue, type Venue } from './venues.mapper.ts';
import type { CreateVenueInput } from './venues.schema.ts';
import { findOwnedVenue, insertVenue, listOwnedVenues } from './venues.store.ts';

/** Creates a venue of the caller's promoter and mode; `cityId` defaults to the city's slug. */
export async function createVenue(db: Executor, owner: Owner, input: CreateVenueInput): Promise<Venue> {
  const row = await insertVenue(db, {
    id: newId('vn'),
    promoter_id: owner.promoterId,
    mode: owner.mode,
    name: input.name,
    city: input.city,
    city_id: input.cityId ?? slugify(input.city),
    timezone: input.timezone,
  });
  return toVenue(row);
}

export async function listVenues(db: Executor, owner: Owner, page: PageRequest): Promise<Page<Venue>> {
  return pageOf(page, await listOwnedVenues(db, owner, page), toVenue);
}

export async function getVenue(db: Executor, owner: Owner, id: string): Promise<Venue> {
  const row = await findOwnedVenue(db, owner, id);
  if (!row) throw new ApiError(404, 'venue.not_found', `No venue '${id}' belongs to you.`);
  return toVenue(row);
}
