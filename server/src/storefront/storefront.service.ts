import type { Executor } from '../db/database.ts';
import type { EventFiltersQuery } from '../events/events.schema.ts';
import { type Page, pageOf } from '../http/pagination.ts';
import { type StorefrontEvent, toStorefrontEvent } from './storefront.mapper.ts';
import { listStorefrontEvents } from './storefront.store.ts';

/**
 * The consumer storefront: every promoter's live, networked, live-mode events. Upcoming ones by
 * default (doors from now on), since events stay `live` after their night; `from` overrides that.
 */
export async function listStorefront(
  db: Executor,
  query: EventFiltersQuery,
  now = new Date(),
): Promise<Page<StorefrontEvent>> {
  const { page, limit, ...filters } = query;
  const result = await listStorefrontEvents(
    db,
    { ...filters, from: filters.from ?? now.toISOString() },
    { page, limit },
  );
  return pageOf({ page, limit }, result, toStorefrontEvent);
}
