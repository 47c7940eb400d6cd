import type { Executor } from '../db/database.ts';

/** An order with what its buyer is shown of its promoter, event and venue. */
export async function findOrdersForBuyer(db: Executor, orderIds: string[]) {
  if (orderIds.length === 0) return [];
  return db
    .selectFrom('orders')
    .innerJoin('promoters', 'promoters.id', 'orders.promoter_id')
    .innerJoin('events', 'events.id', 'orders.event_id')
    .innerJoin('venues', 'venues.id', 'events.venue_id')
    .select([
      'orders.id',
      'orders.mode',
      'orders.status',
      'orders.buyer_email',
      'orders.amount',
      'orders.amount_refunded',
      'orders.currency',
      'orders.ticket_link_key',
      'orders.ticket_link_version',
      'orders.created_at',
      'promoters.name as promoter_name',
      'events.title as event_title',
      'events.status as event_status',
      'events.doors',
      'events.rotating_qr',
      'events.qr_secret',
      'venues.name as venue_name',
      'venues.city as venue_city',
      'venues.timezone',
    ])
    .where('orders.id', 'in', orderIds)
    .orderBy('orders.created_at', 'desc')
    .orderBy('orders.id', 'desc')
    .execute();
}

export type BuyerOrderRow = Awaited<ReturnType<typeof findOrdersForBuyer>>[number];

/** The tickets of some orders with their tier's name and their scan, in a stable order. */
export async function listTicketsForBuyer(db: Executor, orderIds: string[]) {
  if (orderIds.length === 0) return [];
  return db
    .selectFrom('tickets')
    .innerJoin('tiers', 'tiers.id', 'tickets.tier_id')
    .leftJoin('scans', 'scans.ticket_id', 'tickets.id')
    .select([
      'tickets.id',
      'tickets.order_id',
      'tickets.status',
      'tiers.name as tier_name',
      'scans.scanned_at',
    ])
    .where('tickets.order_id', 'in', orderIds)
    .orderBy('tiers.position')
    .orderBy('tickets.id')
    .execute();
}

/** The ids of the newest orders bought with an email address, matched case-insensitively. */
export async function findOrderIdsByEmail(db: Executor, email: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('orders')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['buyer_email']), '=', email.toLowerCase()))
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** What an order's ticket page link is checked against. */
export async function findOrderLink(db: Executor, orderId: string) {
  return db
    .selectFrom('orders')
    .select(['id', 'ticket_link_key', 'ticket_link_version'])
    .where('id', '=', orderId)
    .executeTakeFirst();
}
