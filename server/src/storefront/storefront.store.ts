import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import { type EventFilters, eventFilters } from '../events/events.store.ts';
import { offsetOf, type PageOfRows, type PageRequest } from '../http/pagination.ts';

export interface StorefrontRow {
  id: string;
  slug: string;
  title: string;
  doors: Date;
  currency: string;
  venue_name: string;
  venue_city: string;
  venue_city_id: string;
  lowest_price: number | null;
  sold_out: boolean;
}

/**
 * Events on the consumer storefront, of every promoter: live, networked and in live mode (test
 * data never appears there). Soonest doors first.
 */
export async function listStorefrontEvents(
  db: Executor,
  filters: EventFilters,
  page: PageRequest,
): Promise<PageOfRows<StorefrontRow>> {
  const listed = db
    .selectFrom('events')
    .where('events.status', '=', 'live')
    .where('events.network', '=', true)
    .where('events.mode', '=', 'live')
    .where(eventFilters(filters));
  const [rows, count] = await Promise.all([
    listed
      .innerJoin('venues', 'venues.id', 'events.venue_id')
      .select([
        'events.id',
        'events.slug',
        'events.title',
        'events.doors',
        'events.currency',
        'venues.name as venue_name',
        'venues.city as venue_city',
        'venues.city_id as venue_city_id',
        sql<number | null>`(select min(t.price) from tiers t where t.event_id = events.id)`.as(
          'lowest_price',
        ),
        sql<boolean>`not exists (select 1 from tiers t where t.event_id = events.id and t.sold + t.reserved < t.stock)`.as(
          'sold_out',
        ),
      ])
      .orderBy('events.doors')
      .orderBy('events.id')
      .limit(page.limit)
      .offset(offsetOf(page))
      .execute(),
    listed.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}
