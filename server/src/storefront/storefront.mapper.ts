import type { StorefrontRow } from './storefront.store.ts';

/** An event as the public storefront shows it: nothing about its promoter, no stock numbers. */
export interface StorefrontEvent {
  id: string;
  slug: string;
  title: string;
  doors: string;
  venue: { name: string; city: string; cityId: string };
  currency: string;
  lowestPrice: number | null;
  soldOut: boolean;
}

export function toStorefrontEvent(row: StorefrontRow): StorefrontEvent {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    doors: new Date(row.doors).toISOString(),
    venue: { name: row.venue_name, city: row.venue_city, cityId: row.venue_city_id },
    currency: row.currency,
    lowestPrice: row.lowest_price,
    soldOut: row.sold_out,
  };
}
