import type { Database } from '../db/database.ts';
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
import type { CreateEndpointInput } from './webhooks.schema.ts';
import {
  deleteOwnedEndpoint,
  findOwnedEndpoint,
  insertEndpoint,
  listEndpointDeliveries,
  listOwnedEndpoints,
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
  // 32 characters of [0-9a-z] (~165 bits): valid base64 too, so Standard Webhooks libraries take it as is.
  const secret = `whsec_${randomToken(32)}`;
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

/** One endpoint's delivery log, newest first. */
export async function listDeliveries(
  db: Database,
  owner: Owner,
  id: string,
  page: PageRequest,
): Promise<Page<WebhookDelivery>> {
  if (!(await findOwnedEndpoint(db, owner, id))) throw notFound(id);
  const now = new Date();
  return pageOf(page, await listEndpointDeliveries(db, id, page), (row) => toDelivery(row, now));
}

function notFound(id: string): ApiError {
  return new ApiError(404, 'webhook_endpoint.not_found', `No webhook endpoint '${id}' belongs to you.`);
}
