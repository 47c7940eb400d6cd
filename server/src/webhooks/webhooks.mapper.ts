import { z } from 'zod';
import { withOneTimeSecret } from '../http/one-time-secret.ts';
import { pageSchema } from '../http/pagination.ts';
import { isoOrNull, utcInstant } from '../lib/dates.ts';
import { subscription, WEBHOOK_EVENT_TYPES } from './webhooks.schema.ts';
import type { DeliveryRow, EndpointRow } from './webhooks.store.ts';

export const webhookEndpointSchema = z
  .object({
    id: z.string().describe('`wh_…`'),
    url: z.url(),
    events: z.array(subscription).describe('The event types it gets; `["*"]`: all.'),
    status: z.enum(['enabled', 'disabled']),
    disabledReason: z
      .string()
      .nullable()
      .describe('Why the endpoint gets no deliveries; null while enabled.'),
    disabledAt: utcInstant.nullable().describe('Since when; null while enabled.'),
    createdAt: utcInstant,
  })
  .meta({ id: 'WebhookEndpoint', description: 'A URL of yours that we POST events to, signed.' });
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

export const webhookEndpointPageSchema = pageSchema(webhookEndpointSchema, 'WebhookEndpointPage');

export const webhookEndpointWithSecretSchema = withOneTimeSecret(webhookEndpointSchema, {
  id: 'WebhookEndpointWithSecret',
  description: 'An endpoint just made, with its signing secret.',
  secret: 'The signing secret (`whsec_…`)',
});

/** The answer to a creation: the only time the signing secret is shown. */
export type NewWebhookEndpoint = WebhookEndpoint & { secret: string };

export const webhookEndpointDeletedSchema = z
  .object({ id: z.string().describe('`wh_…`'), deleted: z.literal(true) })
  .meta({ id: 'WebhookEndpointDeleted', description: 'The endpoint is gone.' });

export const webhookDeliverySchema = z
  .object({
    eventId: z.string().describe("`we_…`, as the delivery's `EntryRate-Event-Id` header."),
    type: z.enum(WEBHOOK_EVENT_TYPES),
    status: z
      .enum(['pending', 'delivering', 'delivered', 'failed'])
      .describe('`delivering` while a worker holds it: `nextAttemptAt` is then when its lease runs out.'),
    attempts: z.number().int().min(0),
    lastStatusCode: z
      .number()
      .int()
      .nullable()
      .describe('What your endpoint last answered; null: no answer.'),
    lastError: z.string().nullable().describe('Ours and short: `HTTP 500`, `timeout after 10 s`.'),
    lastAttemptAt: utcInstant.nullable(),
    nextAttemptAt: utcInstant.nullable(),
    deliveredAt: utcInstant.nullable(),
    createdAt: utcInstant,
  })
  .meta({ id: 'WebhookDelivery', description: 'One event on its way to one endpoint, and how it went.' });
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveryPageSchema = pageSchema(webhookDeliverySchema, 'WebhookDeliveryPage');

export function toEndpoint(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    status: row.status,
    disabledReason: row.disabled_reason,
    disabledAt: isoOrNull(row.disabled_at),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export function toDelivery(row: DeliveryRow, now: Date): WebhookDelivery {
  const leased = row.status === 'pending' && row.lease_token !== null && row.next_attempt_at !== null;
  return {
    eventId: row.event_id,
    type: row.type,
    status: leased && new Date(row.next_attempt_at as Date) > now ? 'delivering' : row.status,
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    lastAttemptAt: isoOrNull(row.last_attempt_at),
    nextAttemptAt: isoOrNull(row.next_attempt_at),
    deliveredAt: isoOrNull(row.delivered_at),
    createdAt: new Date(row.created_at).toISOString(),
  };
}
