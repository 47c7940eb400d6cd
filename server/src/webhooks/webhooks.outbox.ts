import type { Executor } from '../db/database.ts';
import { newId } from '../lib/ids.ts';
import {
  insertEventForEndpoint,
  insertEventWithDeliveries,
  type OutboxEvent,
} from './webhooks.outbox.store.ts';
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
  const queued = outboxEvent(event);
  await insertEventWithDeliveries(tx, queued);
  return queued.id;
}

/**
 * The outbox row for an event, its id and exact JSON body made: for a store that writes the event
 * in its own statement, with `withEventAndDeliveries`.
 */
export function outboxEvent(event: WebhookEventInput): OutboxEvent {
  const { id, createdAt, body } = eventBody(event.type, event.data);
  return { id, promoterId: event.promoterId, mode: event.mode, type: event.type, body, createdAt };
}

/**
 * Queues a `ping` to one endpoint, whatever it subscribes to: a test that the endpoint receives and
 * verifies our signed deliveries. The worker sends it as any other event. `data` is the endpoint.
 */
export async function enqueuePing(
  tx: Executor,
  endpoint: { id: string; promoterId: string; mode: 'test' | 'live'; data: unknown },
): Promise<string> {
  const { id, createdAt, body } = eventBody('ping', endpoint.data);
  await insertEventForEndpoint(
    tx,
    { id, promoterId: endpoint.promoterId, mode: endpoint.mode, type: 'ping', body, createdAt },
    endpoint.id,
  );
  return id;
}

/** An event's id and its exact JSON body, as every attempt sends it. */
function eventBody(type: string, data: unknown): { id: string; createdAt: Date; body: string } {
  const id = newId('we');
  const createdAt = new Date();
  return { id, createdAt, body: JSON.stringify({ id, type, createdAt: createdAt.toISOString(), data }) };
}
