import type { VenueRow } from './venues.store.ts';

export interface Venue {
  id: string;
  name: string;
  city: string;
  cityId: string;
  timezone: string;
  createdAt: string;
}

export function toVenue(row: VenueRow): Venue {
  return {
    id: row.id,
    name: row.name,
    city: row.city,
    cityId: row.city_id,
    timezone: row.timezone,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
