import type { EventRow, TierRow } from './events.store.ts';

export interface Tier {
  id: string;
  slug: string;
  name: string;
  price: number;
  stock: number;
  sold: number;
  available: number;
  maxPerOrder: number;
  salesStart: string | null;
  salesEnd: string | null;
}

export interface Event {
  id: string;
  slug: string;
  title: string;
  status: EventRow['status'];
  venueId: string;
  doors: string;
  currency: string;
  network: boolean;
  rotatingQr: boolean;
  holdMinutes: number;
  lowestPrice: number | null;
  /** Tickets accepted at the door so far. */
  scans: number;
  tiers: Tier[];
  createdAt: string;
  publishedAt: string | null;
}

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
    salesStart: row.sales_start ? new Date(row.sales_start).toISOString() : null,
    salesEnd: row.sales_end ? new Date(row.sales_end).toISOString() : null,
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
    publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
  };
}
