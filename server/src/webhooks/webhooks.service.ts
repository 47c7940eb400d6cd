import type { Database } from '../db/database.ts';
import type { Owner } from '../events/events.store.ts';
import { ApiError } from '../http/errors.ts';
import { type Page, type PageRequest, pageOf } from '../http/pagination.ts';
import { newId, randomToken } from '../lib/ids.ts';
import {
  toDelivery,
  toEndpoint,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookEndpointWithSecret,
} from './webhooks.mapper.ts';
import { failPendingDeliveries } from './webhooks.outbox.store.ts';
import type { CreateEndpointInput } from './webhooks.schema.ts';
import { isPublicAddress } from './webhooks.sender.ts';
import {
  deleteOwnedEndpoint,
  findOwnedEndpoint,
  insertEndpoint,
  listEndpointDeliveries,
  listOwnedEndpoints,
} from './webhooks.store.ts';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Where a promoter may send webhooks: any https URL; in test mode also http on this machine, so a
 * developer can receive them locally. Live endpoints naming a private address are refused here
 * (and again at delivery time, after DNS), so webhooks never reach into our own network.
 */
function checkUrl(url: URL, mode: Owner['mode']): void {
  const local = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol === 'http:' && !(mode === 'test' && local)) {
    throw new ApiError(
      400,
      'request.invalid',
      mode === 'test'
        ? 'url: must be https, or http://localhost / http://127.0.0.1 in test mode.'
        : 'url: live endpoints must be https.',
      'url',
    );
  }
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (mode === 'live' && (local || (/^[\d.]+$|:/.test(literal) && !isPublicAddress(literal)))) {
    throw new ApiError(400, 'request.invalid', 'url: live endpoints must be on the public internet.', 'url');
  }
}

/** Creates an endpoint; the answer carries its signing secret, which is never shown again. */
export async function createEndpoint(
  db: Database,
  owner: Owner,
  input: CreateEndpointInput,
): Promise<WebhookEndpointWithSecret> {
  checkUrl(new URL(input.url), owner.mode);
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
