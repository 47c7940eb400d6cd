import { z } from 'zod';
import type { Executor } from '../db/database.ts';
import { currencyCode, minorUnits } from '../lib/money.ts';
import { findVenueById } from '../venues/venues.store.ts';
import { availableOf } from './events.mapper.ts';
import { ownedEventOrNotFound } from './events.service.ts';
import { listTiers, type Owner, type TierRow } from './events.store.ts';
import { orderTotals, salesByDay, scanTotals, type TierMoneyRow, tierMoney } from './events-stats.store.ts';

const count = z.number().int().min(0);

const tierStatsSchema = z.object({
  tierId: z.string().describe('`tier_…`'),
  name: z.string(),
  price: minorUnits.describe('Per ticket, in minor units.'),
  stock: count.describe('Tickets for sale in all.'),
  sold: count.describe("Tickets sold, as the Tier's `sold`: a refund does not put them back on sale."),
  held: count.describe(
    'Seats held by open checkouts; a lapsed hold counts until it is freed (within a minute or so), ' +
      "as the Tier's `available` does.",
  ),
  left: count.describe("What a buyer can still take: the Tier's `available`."),
  revenue: minorUnits.describe(
    "Paid for this tier's tickets minus its share of refunds: a refund is per order, and is shared " +
      "among the order's tiers pro rata by their part of its amount (whole minor units, largest " +
      'remainder, so the tiers of an order add up to its refund exactly).',
  ),
});

export const eventStatsSchema = z
  .object({
    eventId: z.string().describe('`evt_…`'),
    currency: currencyCode,
    timezone: z.string().describe("The venue's IANA time zone, in which `sales` days are counted."),
    tiers: z.array(tierStatsSchema).describe("In the event's tier order."),
    totals: z.object({
      sold: count,
      held: count,
      left: count,
      revenue: minorUnits.describe('Paid minus refunded: the sum of the tiers’ `revenue`.'),
      refunded: minorUnits.describe('Refunded of all orders, in minor units.'),
      orders: count.describe('Orders issued, refunded ones included.'),
      scanned: count.describe('The same as `scans.scanned`.'),
    }),
    sales: z
      .array(
        z.object({
          date: z.iso.date().describe("A calendar day (YYYY-MM-DD) in the venue's time zone."),
          tickets: count.describe('Tickets in the orders made that day.'),
          revenue: minorUnits.describe('What those orders were paid (before refunds), in minor units.'),
        }),
      )
      .describe('One entry per day that had orders, oldest first; days without orders are left out.'),
    scans: z.object({
      scanned: count.describe('Accepted door scans.'),
      admitted: count.describe('Distinct tickets let in (today the same: a ticket scans once).'),
    }),
  })
  .meta({
    id: 'EventStats',
    description: "An event's sales per tier and per day, its money in minor units, and its door counts.",
  });
export type EventStats = z.infer<typeof eventStatsSchema>;

/** The sales, money and door counts of one of the promoter's events (by id or slug). */
export async function getEventStats(db: Executor, owner: Owner, idOrSlug: string): Promise<EventStats> {
  const event = await ownedEventOrNotFound(db, owner, idOrSlug);
  const venue = await findVenueById(db, event.venue_id);
  if (!venue) throw new Error(`Event ${event.id} names missing venue ${event.venue_id}`);
  const [tiers, money, orders, sales, scans] = await Promise.all([
    listTiers(db, event.id),
    tierMoney(db, event.id),
    orderTotals(db, event.id),
    salesByDay(db, event.id, venue.timezone),
    scanTotals(db, event.id),
  ]);
  const tierStats = tiers.map((tier) =>
    toTierStats(
      tier,
      money.find((m) => m.tier_id === tier.id),
    ),
  );
  const sum = (pick: (t: (typeof tierStats)[number]) => number) =>
    tierStats.reduce((total, t) => total + pick(t), 0);
  return {
    eventId: event.id,
    currency: event.currency,
    timezone: venue.timezone,
    tiers: tierStats,
    totals: {
      sold: sum((t) => t.sold),
      held: sum((t) => t.held),
      left: sum((t) => t.left),
      revenue: sum((t) => t.revenue),
      refunded: orders.refunded,
      orders: orders.orders,
      scanned: scans.scanned,
    },
    sales,
    scans,
  };
}

function toTierStats(tier: TierRow, money: TierMoneyRow | undefined) {
  return {
    tierId: tier.id,
    name: tier.name,
    price: tier.price,
    stock: tier.stock,
    sold: tier.sold,
    held: tier.reserved,
    left: availableOf(tier),
    revenue: (money?.gross ?? 0) - (money?.refunded ?? 0),
  };
}
