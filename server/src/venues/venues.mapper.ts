import { z } from 'zod';
import { pageSchema } from '../http/pagination.ts';
import { utcInstant } from '../lib/dates.ts';
import type { VenueRow } from './venues.store.ts';

export const venueSchema = z
  .object({
    id: z.string().describe('`vn_…`'),
    name: z.string(),
    city: z.string(),
    cityId: z.string().describe('Groups events by city across promoters (storefront, filters): `bristol`.'),
    timezone: z.string().describe('IANA time zone, `Europe/London`: doors show in local time.'),
    createdAt: utcInstant,
  })
  .meta({ id: 'Venue', description: 'Where events happen.' });
export type Venue = z.infer<typeof venueSchema>;

export const venuePageSchema = pageSchema(venueSchema, 'VenuePage');

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
