import { z } from 'zod';
import { pageSchema } from '../http/pagination.ts';
import { isoOrNull, utcInstant } from '../lib/dates.ts';
import { currencyCode, minorUnits } from '../lib/money.ts';
import type { EventRow, TierRow } from './events.store.ts';

export const tierSchema = z
  .object({
    id: z.string().describe('`tier_…`'),
    slug: z.string().describe("Unique within the event; the widget's `data-tier` names it."),
    name: z.string(),
    price: minorUnits.describe('Per ticket, in minor units of the event currency (1200 is £12.00).'),
    stock: z.number().int().min(0).describe('Tickets for sale in all.'),
    sold: z.number().int().min(0),
    available: z.number().int().min(0).describe('What a buyer can still take: neither sold nor held.'),
    maxPerOrder: z.number().int().min(1),
    salesStart: utcInstant
      .nullable()
      .describe('When the tier goes on sale; null: as soon as the event does.'),
    salesEnd: utcInstant.nullable().describe('When it comes off sale; null: never, before the event does.'),
  })
  .meta({ id: 'Tier', description: 'A kind of ticket of an event, with its price and stock.' });
export type Tier = z.infer<typeof tierSchema>;

export const eventSchema = z
  .object({
    id: z.string().describe('`evt_…`'),
    slug: z.string().describe('Unique among your events; `GET /v1/events/:idOrSlug` takes it.'),
    title: z.string(),
    status: z.enum(['draft', 'live', 'cancelled']),
    venueId: z.string().describe('`vn_…`'),
    doors: utcInstant,
    currency: currencyCode,
    network: z.boolean().describe('Listed on the public storefront while live.'),
    rotatingQr: z.boolean().describe('Ticket codes change every 30 s, so a screenshot does not scan.'),
    holdMinutes: z.number().int().min(1).describe('How long a checkout holds its tickets.'),
    lowestPrice: minorUnits.nullable().describe('The cheapest tier; null without tiers.'),
    scans: z.number().int().min(0).describe('Tickets accepted at the door so far.'),
    tiers: z.array(tierSchema),
    createdAt: utcInstant,
    publishedAt: utcInstant.nullable().describe('The first publication; null while a draft.'),
  })
  .meta({ id: 'Event', description: 'An event with its tiers, as its promoter sees it.' });
export type Event = z.infer<typeof eventSchema>;

export const eventPageSchema = pageSchema(eventSchema, 'EventPage');

/** What a buyer can still take: stock neither sold nor held by an open checkout. */
export function availableOf(tier: Pick<TierRow, 'stock' | 'sold' | 'reserved'>): number {
  return Math.max(0, tier.stock - tier.sold - tier.reserved);
}

export function toTier(row: TierRow): Tier {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    price: row.price,
    stock: row.stock,
    sold: row.sold,
    available: availableOf(row),
    maxPerOrder: row.max_per_order,
    salesStart: isoOrNull(row.sales_start),
    salesEnd: isoOrNull(row.sales_end),
  };
}

export function toEvent(row: EventRow, tiers: TierRow[], scans: number): Event {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    status: row.status,
    venueId: row.venue_id,
    doors: new Date(row.doors).toISOString(),
    currency: row.currency,
    network: row.network,
    rotatingQr: row.rotating_qr,
    holdMinutes: row.hold_minutes,
    lowestPrice: tiers.length > 0 ? Math.min(...tiers.map((t) => t.price)) : null,
    scans,
    tiers: tiers.map(toTier),
    createdAt: new Date(row.created_at).toISOString(),
    publishedAt: isoOrNull(row.published_at),
  };
}
