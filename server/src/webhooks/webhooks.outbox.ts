import type { Executor } from '../db/database.ts';
import { newId } from '../lib/ids.ts';
import { insertEventWithDeliveries } from './webhooks.outbox.store.ts';
import type { WebhookEventType } from './webhooks.schema.ts';

export interface WebhookEventInput {
  promoterId: string;
  mode: 'test' | 'live';
  type: WebhookEventType;
  /** The API object the event is about, as the API answers it (an Order, an Event, a Payout…). */
  data: unknown;
}

/**
 * Queues an outgoing webhook in the caller's transaction: the event (`we_…`, its exact JSON body)
 * and one delivery per enabled endpoint of the promoter and mode subscribed to its type. The change
 * and its webhook commit or roll back together; the worker sends it afterwards, at least once.
 */
export async function enqueueWebhookEvent(tx: Executor, event: WebhookEventInput): Promise<string> {
  const id = newId('we');
  const createdAt = new Date();
  const body = JSON.stringify({ id, type: event.type, createdAt: createdAt.toISOString(), data: event.data });
  await insertEventWithDeliveries(tx, {
    id,
    promoterId: event.promoterId,
    mode: event.mode,
    type: event.type,
    body,
    createdAt,
  });
  return id;
}
