import type { Database, Executor } from '../db/database.ts';
import type { Owner } from '../events/events.store.ts';
import { ApiError } from '../http/errors.ts';
import { type Page, type PageRequest, pageOf } from '../http/pagination.ts';
import { newId, randomToken } from '../lib/ids.ts';
import type { AddressPolicy } from './webhooks.address.ts';
import {
  type NewWebhookEndpoint,
  toDelivery,
  toEndpoint,
  type WebhookDelivery,
  type WebhookEndpoint,
} from './webhooks.mapper.ts';
import { failPendingDeliveries } from './webhooks.outbox.store.ts';
import { enqueuePing } from './webhooks.outbox.ts';
import type { CreateEndpointInput, UpdateEndpointInput } from './webhooks.schema.ts';
import {
  type DeliveryRow,
  deleteOwnedEndpoint,
  type EndpointRow,
  findDelivery,
  findOwnedEndpoint,
  insertEndpoint,
  listAttempts,
  listEndpointDeliveries,
  listOwnedEndpoints,
  requeueDelivery,
  resumePendingDeliveries,
  updateOwnedEndpoint,
} from './webhooks.store.ts';
import { checkEndpointUrl } from './webhooks.url.ts';

/**
 * Creates an endpoint; the answer carries its signing secret, which is never shown again. The URL
 * must lead to the public internet (or, under `policy`, this machine), in either mode.
 */
export async function createEndpoint(
  db: Database,
  owner: Owner,
  input: CreateEndpointInput,
  policy: AddressPolicy,
): Promise<NewWebhookEndpoint> {
  checkEndpointUrl(input.url, policy);
  const secret = newSecret();
  const row = await insertEndpoint(db, {
    id: newId('wh'),
    promoter_id: owner.promoterId,
    mode: owner.mode,
    url: input.url,
    events: input.events,
    secret,
  });
  return { ...toEndpoint(row), secret };
}

export async function listEndpoints(
  db: Database,
  owner: Owner,
  page: PageRequest,
): Promise<Page<WebhookEndpoint>> {
  return pageOf(page, await listOwnedEndpoints(db, owner, page), toEndpoint);
}

/** Deletes an endpoint: it gets no new events, and what it still had pending is given up. */
export async function deleteEndpoint(
  db: Database,
  owner: Owner,
  id: string,
): Promise<{ id: string; deleted: true }> {
  await db.transaction().execute(async (tx) => {
    if (!(await deleteOwnedEndpoint(tx, owner, id))) throw notFound(id);
    await failPendingDeliveries(tx, id, 'endpoint deleted');
  });
  return { id, deleted: true };
}

/** Changes an endpoint's URL (checked as on creation) or events; deliveries still owed go to the new URL. */
export async function updateEndpoint(
  db: Database,
  owner: Owner,
  id: string,
  input: UpdateEndpointInput,
  policy: AddressPolicy,
): Promise<WebhookEndpoint> {
  if (input.url !== undefined) checkEndpointUrl(input.url, policy);
  const row = await updateOwnedEndpoint(db, owner, id, {
    ...(input.url === undefined ? {} : { url: input.url }),
    ...(input.events === undefined ? {} : { events: input.events }),
  });
  if (!row) throw notFound(id);
  return toEndpoint(row);
}

/** A new signing secret, shown this once; the old one signs nothing from now on. */
export async function rotateSecret(db: Database, owner: Owner, id: string): Promise<NewWebhookEndpoint> {
  const secret = newSecret();
  const row = await updateOwnedEndpoint(db, owner, id, { secret });
  if (!row) throw notFound(id);
  return { ...toEndpoint(row), secret };
}

/**
 * Turns a disabled endpoint back on: what waited for it is due at once, each with a fresh 3-day
 * window of retries. An endpoint already enabled is answered as it is.
 */
export async function enableEndpoint(db: Database, owner: Owner, id: string): Promise<WebhookEndpoint> {
  const row = await db.transaction().execute(async (tx) => {
    const found = await findOwnedEndpoint(tx, owner, id, { lock: true });
    if (!found) throw notFound(id);
    if (found.status === 'enabled') return found;
    const enabled = await updateOwnedEndpoint(tx, owner, id, {
      status: 'enabled',
      disabled_at: null,
      disabled_reason: null,
    });
    await resumePendingDeliveries(tx, id, new Date());
    return enabled ?? found;
  });
  return toEndpoint(row);
}

/**
 * Queues a signed `ping` (its `data` the endpoint) to this endpoint only, whatever it subscribes
 * to; the worker sends it like any event and it shows in the delivery log.
 */
export async function sendTestEvent(db: Database, owner: Owner, id: string): Promise<WebhookDelivery> {
  return db.transaction().execute(async (tx) => {
    const endpoint = await findOwnedEndpoint(tx, owner, id);
    if (!endpoint) throw notFound(id);
    refuseDisabled(endpoint, 'send it a test event');
    const eventId = await enqueuePing(tx, {
      id,
      promoterId: owner.promoterId,
      mode: owner.mode,
      data: toEndpoint(endpoint),
    });
    return deliveryOf(tx, id, eventId);
  });
}

/**
 * Sends a delivery again now, with the same event id and body (receivers deduplicate on the id),
 * and, should it fail, 3 days of retries from now. Whatever its status; not while it is being sent.
 */
export async function resendDelivery(
  db: Database,
  owner: Owner,
  id: string,
  eventId: string,
): Promise<WebhookDelivery> {
  return db.transaction().execute(async (tx) => {
    const endpoint = await findOwnedEndpoint(tx, owner, id);
    if (!endpoint) throw notFound(id);
    if (!(await findDelivery(tx, id, eventId))) {
      throw new ApiError(
        404,
        'webhook_delivery.not_found',
        `Webhook endpoint '${id}' has no delivery of event '${eventId}'.`,
        'deliveryId',
      );
    }
    refuseDisabled(endpoint, 'resend a delivery');
    if (!(await requeueDelivery(tx, id, eventId, new Date()))) {
      throw new ApiError(
        409,
        'webhook_delivery.in_progress',
        `Event '${eventId}' is being sent to this endpoint right now; see how it went in the log, then resend it if you still need to.`,
      );
    }
    return deliveryOf(tx, id, eventId);
  });
}

/** One endpoint's delivery log, newest first, each delivery with its attempts. */
export async function listDeliveries(
  db: Database,
  owner: Owner,
  id: string,
  page: PageRequest,
): Promise<Page<WebhookDelivery>> {
  if (!(await findOwnedEndpoint(db, owner, id))) throw notFound(id);
  const deliveries = await listEndpointDeliveries(db, id, page);
  const now = new Date();
  const withAttempts = await attach(db, id, deliveries.rows);
  return pageOf(page, { rows: withAttempts, total: deliveries.total }, (row) =>
    toDelivery(row.delivery, row.attempts, now),
  );
}

async function deliveryOf(db: Executor, endpointId: string, eventId: string): Promise<WebhookDelivery> {
  const row = await findDelivery(db, endpointId, eventId);
  if (!row) throw new Error(`delivery ${eventId} to ${endpointId} vanished inside its transaction`);
  const [withAttempts] = await attach(db, endpointId, [row]);
  return toDelivery(row, withAttempts?.attempts ?? [], new Date());
}

/** The deliveries with their logged attempts, in one query. */
async function attach(db: Executor, endpointId: string, rows: DeliveryRow[]) {
  const attempts = await listAttempts(
    db,
    endpointId,
    rows.map((row) => row.event_id),
  );
  return rows.map((delivery) => ({
    delivery,
    attempts: attempts.filter((attempt) => attempt.event_id === delivery.event_id),
  }));
}

/** A disabled endpoint gets nothing until it is enabled, so sending to it now would only wait. */
function refuseDisabled(endpoint: EndpointRow, action: string): void {
  if (endpoint.status !== 'disabled') return;
  throw new ApiError(
    409,
    'webhook_endpoint.disabled',
    `Webhook endpoint '${endpoint.id}' is disabled: enable it first, then ${action}.`,
  );
}

// 32 characters of [0-9a-z] (~165 bits): valid base64 too, so Standard Webhooks libraries take it as is.
const newSecret = () => `whsec_${randomToken(32)}`;

function notFound(id: string): ApiError {
  return new ApiError(404, 'webhook_endpoint.not_found', `No webhook endpoint '${id}' belongs to you.`);
}
