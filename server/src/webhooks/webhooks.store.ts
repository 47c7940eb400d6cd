import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type {
  Executor,
  WebhookDeliveriesTable,
  WebhookDeliveryAttemptsTable,
  WebhookEndpointsTable,
} from '../db/database.ts';
import { fetchPage } from '../db/paging.ts';
import type { Owner } from '../events/events.store.ts';
import { offsetOf, type PageOfRows, type PageRequest } from '../http/pagination.ts';
import type { DeliveredEventType, Subscription } from './webhooks.schema.ts';

/** What a subscription holds; only `createEndpointBody` writes `events`, so the column holds no other. */
type Subscribed = { events: Subscription[] };
export type EndpointRow = Omit<Selectable<WebhookEndpointsTable>, 'events'> & Subscribed;
/** A delivery with its event's type, which only `enqueueWebhookEvent` and `enqueuePing` write. */
export type DeliveryRow = Selectable<WebhookDeliveriesTable> & { type: DeliveredEventType };
export type AttemptRow = Selectable<WebhookDeliveryAttemptsTable>;

/** How many attempts of one delivery the log shows, newest first. */
export const ATTEMPTS_SHOWN = 50;

export async function insertEndpoint(
  db: Executor,
  endpoint: Insertable<WebhookEndpointsTable>,
): Promise<EndpointRow> {
  return db
    .insertInto('webhook_endpoints')
    .values(endpoint)
    .returningAll()
    .$narrowType<Subscribed>()
    .executeTakeFirstOrThrow();
}

const ownedEndpoints = (db: Executor, owner: Owner) =>
  db
    .selectFrom('webhook_endpoints')
    .where('promoter_id', '=', owner.promoterId)
    .where('mode', '=', owner.mode)
    .where('deleted_at', 'is', null);

/** The promoter's endpoints in one mode, newest first; deleted ones are gone. */
export async function listOwnedEndpoints(
  db: Executor,
  owner: Owner,
  page: PageRequest,
): Promise<PageOfRows<EndpointRow>> {
  return fetchPage(
    ownedEndpoints(db, owner),
    (q) => q.selectAll().$narrowType<Subscribed>().orderBy('created_at', 'desc').orderBy('id', 'desc'),
    page,
  );
}

export async function findOwnedEndpoint(
  db: Executor,
  owner: Owner,
  id: string,
  options: { lock?: boolean } = {},
): Promise<EndpointRow | undefined> {
  const query = ownedEndpoints(db, owner).selectAll().$narrowType<Subscribed>().where('id', '=', id);
  return (options.lock ? query.forUpdate() : query).executeTakeFirst();
}

/** Changes an owned endpoint (its URL, events, secret or status); undefined when it is not theirs. */
export async function updateOwnedEndpoint(
  db: Executor,
  owner: Owner,
  id: string,
  changes: Pick<
    Updateable<WebhookEndpointsTable>,
    'url' | 'events' | 'secret' | 'status' | 'disabled_at' | 'disabled_reason'
  >,
): Promise<EndpointRow | undefined> {
  return db
    .updateTable('webhook_endpoints')
    .set(changes)
    .where('id', '=', id)
    .where('promoter_id', '=', owner.promoterId)
    .where('mode', '=', owner.mode)
    .where('deleted_at', 'is', null)
    .returningAll()
    .$narrowType<Subscribed>()
    .executeTakeFirst();
}

/** Marks an endpoint deleted; false when it was not the owner's or already gone. */
export async function deleteOwnedEndpoint(db: Executor, owner: Owner, id: string): Promise<boolean> {
  const row = await db
    .updateTable('webhook_endpoints')
    .set({ deleted_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('promoter_id', '=', owner.promoterId)
    .where('mode', '=', owner.mode)
    .where('deleted_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** One endpoint's deliveries, newest first, with their event type. */
export async function listEndpointDeliveries(
  db: Executor,
  endpointId: string,
  page: PageRequest,
): Promise<PageOfRows<DeliveryRow>> {
  const [rows, count] = await Promise.all([
    deliveriesOf(db, endpointId)
      .orderBy('d.created_at', 'desc')
      .orderBy('d.event_id', 'desc')
      .limit(page.limit)
      .offset(offsetOf(page))
      .execute(),
    db
      .selectFrom('webhook_deliveries')
      .select((eb) => eb.fn.countAll<string>().as('total'))
      .where('endpoint_id', '=', endpointId)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** One delivery of an endpoint, with its event type. */
export async function findDelivery(
  db: Executor,
  endpointId: string,
  eventId: string,
): Promise<DeliveryRow | undefined> {
  return deliveriesOf(db, endpointId).where('d.event_id', '=', eventId).executeTakeFirst();
}

/** An endpoint's deliveries as `DeliveryRow`s: each with its event's type. */
function deliveriesOf(db: Executor, endpointId: string) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
    .selectAll('d')
    .select('e.type')
    .$narrowType<{ type: DeliveredEventType }>()
    .where('d.endpoint_id', '=', endpointId);
}

/**
 * Makes a delivery due now with a fresh retry window, whatever its status, unless a worker is
 * sending it this moment (its lease has not run out); answers whether it did.
 */
export async function requeueDelivery(
  db: Executor,
  endpointId: string,
  eventId: string,
  now: Date,
): Promise<boolean> {
  const row = await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      status: 'pending',
      next_attempt_at: now,
      lease_token: null,
      retry_from: now,
      retry_base: eb.ref('attempts'),
    }))
    .where('endpoint_id', '=', endpointId)
    .where('event_id', '=', eventId)
    .where((eb) => eb.or([eb('lease_token', 'is', null), eb('next_attempt_at', '<=', now)]))
    .returning('event_id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The pending deliveries of an endpoint just re-enabled: due now, each with a fresh retry window,
 * so what waited while it was disabled is not given up at its first failure. One a worker holds
 * keeps its lease (and its outcome).
 */
export async function resumePendingDeliveries(db: Executor, endpointId: string, now: Date): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      next_attempt_at: sql<Date>`case when lease_token is null then ${now}::timestamptz else next_attempt_at end`,
      retry_from: now,
      retry_base: eb.ref('attempts'),
    }))
    .where('endpoint_id', '=', endpointId)
    .where('status', '=', 'pending')
    .execute();
}

/** The latest `ATTEMPTS_SHOWN` attempts of each of an endpoint's deliveries `eventIds`, newest first. */
export async function listAttempts(
  db: Executor,
  endpointId: string,
  eventIds: string[],
): Promise<AttemptRow[]> {
  if (eventIds.length === 0) return [];
  return db
    .selectFrom((qb) =>
      qb
        .selectFrom('webhook_delivery_attempts')
        .selectAll()
        .select(sql<number>`row_number() over (partition by event_id order by number desc)`.as('rank'))
        .where('endpoint_id', '=', endpointId)
        .where('event_id', 'in', eventIds)
        .as('ranked'),
    )
    .select(['event_id', 'endpoint_id', 'number', 'at', 'status_code', 'error', 'duration_ms'])
    .where('rank', '<=', ATTEMPTS_SHOWN)
    .orderBy('event_id')
    .orderBy('number', 'desc')
    .execute();
}
