import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor, WebhookDeliveriesTable, WebhookEndpointsTable } from '../db/database.ts';
import { fetchPage } from '../db/paging.ts';
import type { Owner } from '../events/events.store.ts';
import { offsetOf, type PageOfRows, type PageRequest } from '../http/pagination.ts';
import type { Subscription, WebhookEventType } from './webhooks.schema.ts';

/** What a subscription holds; only `createEndpointBody` writes `events`, so the column holds no other. */
type Subscribed = { events: Subscription[] };
export type EndpointRow = Omit<Selectable<WebhookEndpointsTable>, 'events'> & Subscribed;
/** A delivery with its event's type, which only `enqueueWebhookEvent` writes. */
export type DeliveryRow = Selectable<WebhookDeliveriesTable> & { type: WebhookEventType };

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
): Promise<EndpointRow | undefined> {
  return ownedEndpoints(db, owner)
    .selectAll()
    .$narrowType<Subscribed>()
    .where('id', '=', id)
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
    db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
      .selectAll('d')
      .select('e.type')
      .$narrowType<{ type: WebhookEventType }>()
      .where('d.endpoint_id', '=', endpointId)
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
