import {
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Selectable,
  type SqlBool,
  sql,
  type Updateable,
} from 'kysely';
import type { DB, EventsTable, Executor, TiersTable } from '../db/database.ts';
import { fetchPage } from '../db/paging.ts';
import type { PageOfRows, PageRequest } from '../http/pagination.ts';

export type EventRow = Selectable<EventsTable>;
export type TierRow = Selectable<TiersTable>;
/**
 * Whose events a query reads: a promoter in one mode, and for a scanner key limited to some events
 * (`eventIds`), only those, so such a key never sees another event exists.
 */
export type Owner = { promoterId: string; mode: 'test' | 'live'; eventIds?: readonly string[] | undefined };

/** Narrows an events query to the owner's events when it is limited to some. */
function withinOwnerEvents<
  Q extends { where: (column: 'events.id', op: 'in', values: readonly string[]) => Q },
>(query: Q, owner: Owner): Q {
  return owner.eventIds
    ? query.where('events.id', 'in', owner.eventIds.length ? owner.eventIds : [''])
    : query;
}

export async function insertEvent(db: Executor, event: Insertable<EventsTable>): Promise<void> {
  await db.insertInto('events').values(event).execute();
}

export async function insertTiers(db: Executor, tiers: Insertable<TiersTable>[]): Promise<void> {
  if (tiers.length > 0) await db.insertInto('tiers').values(tiers).execute();
}

/** An event of this promoter in this mode, by id or slug. */
export async function findOwnedEvent(
  db: Executor,
  owner: Owner,
  idOrSlug: string,
): Promise<EventRow | undefined> {
  return ownedEvent(db, owner, idOrSlug).executeTakeFirst();
}

/**
 * The same, locked for the rest of the transaction so changes to one event take turns. FOR NO KEY
 * UPDATE, not FOR UPDATE: checkouts take a key-share lock on the event (the session's foreign key)
 * while they hold a tier row, and must not wait on this lock while it waits on their tier.
 */
export async function lockOwnedEvent(
  db: Executor,
  owner: Owner,
  idOrSlug: string,
): Promise<EventRow | undefined> {
  return ownedEvent(db, owner, idOrSlug).forNoKeyUpdate().executeTakeFirst();
}

function ownedEvent(db: Executor, owner: Owner, idOrSlug: string) {
  const query = db
    .selectFrom('events')
    .selectAll()
    .where('promoter_id', '=', owner.promoterId)
    .where('mode', '=', owner.mode)
    .where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)]));
  return withinOwnerEvents(query, owner);
}

/** What lists of events can be narrowed by; `from` is inclusive, `to` exclusive, both on doors. */
export interface EventFilters {
  status?: EventRow['status'] | undefined;
  cityId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
}

/** The filters as one condition on `events`, for the promoter's list and the storefront alike. */
export function eventFilters(filters: EventFilters) {
  return (eb: ExpressionBuilder<DB, 'events'>): Expression<SqlBool> => {
    const conditions: Expression<SqlBool>[] = [];
    if (filters.status) conditions.push(eb('events.status', '=', filters.status));
    if (filters.from) conditions.push(eb('events.doors', '>=', new Date(filters.from)));
    if (filters.to) conditions.push(eb('events.doors', '<', new Date(filters.to)));
    if (filters.q) conditions.push(eb('events.title', 'ilike', `%${escapeLike(filters.q)}%`));
    if (filters.cityId) {
      const inCity = eb.selectFrom('venues').select('venues.id').where('venues.city_id', '=', filters.cityId);
      conditions.push(eb('events.venue_id', 'in', inCity));
    }
    return eb.and(conditions);
  };
}

/** `q` matched literally: LIKE's wildcards and its escape character lose their meaning. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The promoter's events in one mode that pass the filters, soonest doors first. */
export async function listOwnedEvents(
  db: Executor,
  owner: Owner,
  filters: EventFilters,
  page: PageRequest,
): Promise<PageOfRows<EventRow>> {
  const matching = withinOwnerEvents(
    db
      .selectFrom('events')
      .where('promoter_id', '=', owner.promoterId)
      .where('mode', '=', owner.mode)
      .where(eventFilters(filters)),
    owner,
  );
  return fetchPage(matching, (q) => q.selectAll().orderBy('doors').orderBy('id'), page);
}

/** Which of `ids` are the owner's events. */
export async function ownedEventIds(
  db: Executor,
  owner: Owner,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('events')
    .select('id')
    .where('promoter_id', '=', owner.promoterId)
    .where('mode', '=', owner.mode)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((row) => row.id));
}

export async function findEventById(db: Executor, id: string): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function slugTaken(db: Executor, owner: Owner, slug: string): Promise<boolean> {
  const row = await db
    .selectFrom('events')
    .select('id')
    .where('promoter_id', '=', owner.promoterId)
    .where('mode', '=', owner.mode)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row !== undefined;
}

export async function listTiers(db: Executor, eventId: string): Promise<TierRow[]> {
  return db.selectFrom('tiers').selectAll().where('event_id', '=', eventId).orderBy('position').execute();
}

export async function markPublished(db: Executor, id: string, network: boolean): Promise<void> {
  await db
    .updateTable('events')
    .set({ status: 'live', network, published_at: sql<Date>`coalesce(published_at, now())` })
    .where('id', '=', id)
    .execute();
}

/** The tiers of several events at once, in each event's order. */
export async function listTiersOfEvents(db: Executor, eventIds: string[]): Promise<TierRow[]> {
  if (eventIds.length === 0) return [];
  return db
    .selectFrom('tiers')
    .selectAll()
    .where('event_id', 'in', eventIds)
    .orderBy('event_id')
    .orderBy('position')
    .execute();
}

/** Accepted door scans per event (the scans table holds accepted scans only, one per ticket). */
export async function countScans(db: Executor, eventIds: string[]): Promise<Map<string, number>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('scans')
    .select(['event_id', (eb) => eb.fn.countAll<string>().as('scans')])
    .where('event_id', 'in', eventIds)
    .groupBy('event_id')
    .execute();
  return new Map(rows.map((r) => [r.event_id, Number(r.scans)]));
}

export async function updateEventRow(
  db: Executor,
  id: string,
  changes: Updateable<EventsTable>,
): Promise<void> {
  if (Object.keys(changes).length > 0) {
    await db.updateTable('events').set(changes).where('id', '=', id).execute();
  }
}

/**
 * Changes one tier of an event. A new stock is written only if it still covers what is sold and
 * held, in the same conditional UPDATE (`sold + reserved <= stock`), so a checkout holding seats
 * at that moment can never be left oversold. False when the tier would be.
 */
export async function updateTier(
  db: Executor,
  eventId: string,
  tierId: string,
  changes: Updateable<TiersTable>,
): Promise<boolean> {
  if (Object.keys(changes).length === 0) return true;
  const { stock } = changes;
  const row = await db
    .updateTable('tiers')
    .set(changes)
    .where('id', '=', tierId)
    .where('event_id', '=', eventId)
    .$if(typeof stock === 'number', (qb) => qb.where(sql<boolean>`sold + reserved <= ${stock}`))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function findTier(db: Executor, tierId: string): Promise<TierRow | undefined> {
  return db.selectFrom('tiers').selectAll().where('id', '=', tierId).executeTakeFirst();
}

/** Cancels the event unless it already is; true when this call cancelled it. */
export async function markCancelled(db: Executor, id: string): Promise<boolean> {
  const row = await db
    .updateTable('events')
    .set({ status: 'cancelled' })
    .where('id', '=', id)
    .where('status', '<>', 'cancelled')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
