import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

/** Money one tier took: what its tickets were paid, and its share of the orders' refunds. */
export interface TierMoneyRow {
  tier_id: string;
  gross: number;
  refunded: number;
}

/**
 * Per tier, what its tickets were paid and the part of each order's refunds that falls on it. A
 * refund is per order, so it is shared among the order's tiers pro rata by their part of the order
 * amount, in whole minor units by largest remainder: each line takes the floor of its exact share,
 * and the units left over go to the lines with the largest remainders (ties by gross, then tier),
 * so the lines of an order add up to its refunded amount exactly.
 */
export async function tierMoney(db: Executor, eventId: string): Promise<TierMoneyRow[]> {
  const { rows } = await sql<{ tier_id: string; gross: string; refunded: string }>`
    with lines as (
      select o.id as order_id, i.tier_id, i.quantity::bigint * i.unit_price as gross,
             o.amount_refunded::bigint * i.quantity * i.unit_price as weighted, nullif(o.amount, 0) as amount,
             o.amount_refunded
        from orders o
        join checkout_session_items i on i.session_id = o.session_id
       where o.event_id = ${eventId}
    ), shares as (
      select *, coalesce(weighted / amount, 0) as floor_share, coalesce(weighted % amount, 0) as remainder
        from lines
    ), ranked as (
      select *, amount_refunded - sum(floor_share) over (partition by order_id) as leftover,
             row_number() over (partition by order_id order by remainder desc, gross desc, tier_id) as rank
        from shares
    )
    select tier_id, sum(gross) as gross,
           sum(floor_share + case when rank <= leftover then 1 else 0 end) as refunded
      from ranked
     group by tier_id
  `.execute(db);
  return rows.map((r) => ({ tier_id: r.tier_id, gross: Number(r.gross), refunded: Number(r.refunded) }));
}

/** The event's orders in all: how many, and what was refunded of them. */
export async function orderTotals(
  db: Executor,
  eventId: string,
): Promise<{ orders: number; refunded: number }> {
  const row = await db
    .selectFrom('orders')
    .select((eb) => [
      eb.fn.countAll<string>().as('orders'),
      sql<string>`coalesce(sum(amount_refunded), 0)`.as('refunded'),
    ])
    .where('event_id', '=', eventId)
    .executeTakeFirstOrThrow();
  return { orders: Number(row.orders), refunded: Number(row.refunded) };
}

/** Tickets and money (gross) of the event's orders per calendar day in `timezone`, days in order. */
export async function salesByDay(
  db: Executor,
  eventId: string,
  timezone: string,
): Promise<{ date: string; tickets: number; revenue: number }[]> {
  const day = sql<string>`to_char(o.created_at at time zone ${timezone}, 'YYYY-MM-DD')`;
  const rows = await db
    .selectFrom('orders as o')
    .select([
      day.as('date'),
      // Per order first: joining its items would count the order's amount once per tier.
      sql<string>`sum((select sum(i.quantity) from checkout_session_items i where i.session_id = o.session_id))`.as(
        'tickets',
      ),
      sql<string>`sum(o.amount)`.as('revenue'),
    ])
    .where('o.event_id', '=', eventId)
    // By the output column: the zone is a parameter, and a second copy of it would be another expression.
    .groupBy('date')
    .orderBy('date')
    .execute();
  return rows.map((r) => ({ date: r.date, tickets: Number(r.tickets), revenue: Number(r.revenue) }));
}

/** Accepted scans of the event, and the distinct tickets they let in. */
export async function scanTotals(
  db: Executor,
  eventId: string,
): Promise<{ scanned: number; admitted: number }> {
  const row = await db
    .selectFrom('scans')
    .select((eb) => [
      eb.fn.countAll<string>().as('scanned'),
      eb.fn.count<string>('ticket_id').distinct().as('admitted'),
    ])
    .where('event_id', '=', eventId)
    .executeTakeFirstOrThrow();
  return { scanned: Number(row.scanned), admitted: Number(row.admitted) };
}
