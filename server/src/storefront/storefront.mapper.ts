import { z } from 'zod';
import { pageSchema } from '../http/pagination.ts';
import { utcInstant } from '../lib/dates.ts';
import { currencyCode, minorUnits } from '../lib/money.ts';
import type { StorefrontRow } from './storefront.store.ts';

export const storefrontEventSchema = z
  .object({
    id: z.string().describe('`evt_…`: what the widget and checkout take.'),
    slug: z.string(),
    title: z.string(),
    doors: utcInstant,
    venue: z.object({ name: z.string(), city: z.string(), cityId: z.string() }),
    currency: currencyCode,
    lowestPrice: minorUnits.nullable().describe('The cheapest tier, in minor units.'),
    soldOut: z.boolean().describe('Every tier is sold or held.'),
  })
  .meta({
    id: 'StorefrontEvent',
    description: 'An event as the public storefront shows it: nothing about its promoter, no stock numbers.',
  });
export type StorefrontEvent = z.infer<typeof storefrontEventSchema>;

export const storefrontEventPageSchema = pageSchema(storefrontEventSchema, 'StorefrontEventPage');

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
