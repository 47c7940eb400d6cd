import { z } from 'zod';
import { withOneTimeSecret } from '../http/one-time-secret.ts';
import { pageSchema } from '../http/pagination.ts';
import { isoOrNull, utcInstant } from '../lib/dates.ts';
import { DELIVERED_EVENT_TYPES, subscription } from './webhooks.schema.ts';
import { ATTEMPTS_SHOWN, type AttemptRow, type DeliveryRow, type EndpointRow } from './webhooks.store.ts';

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
  description: 'An endpoint just made, or its secret just rotated, with its signing secret.',
  secret: 'The signing secret (`whsec_…`)',
});

/** The answer to a creation or a rotation: the only time the signing secret is shown. */
export type NewWebhookEndpoint = WebhookEndpoint & { secret: string };

export const webhookEndpointDeletedSchema = z
  .object({ id: z.string().describe('`wh_…`'), deleted: z.literal(true) })
  .meta({ id: 'WebhookEndpointDeleted', description: 'The endpoint is gone.' });

export const webhookAttemptSchema = z
  .object({
    at: utcInstant.describe('When it was sent.'),
    status: z
      .number()
      .int()
      .nullable()
      .describe('What your endpoint answered; null: no answer (refused, timed out).'),
    error: z.string().nullable().describe('Ours and short, as `lastError`; null when it was a 2xx.'),
    durationMs: z.number().int().min(0).describe('From sending to the status line (or giving up).'),
  })
  .meta({ id: 'WebhookAttempt', description: 'One attempt to deliver an event to an endpoint.' });
export type WebhookAttempt = z.infer<typeof webhookAttemptSchema>;

export const webhookDeliverySchema = z
  .object({
    eventId: z.string().describe("`we_…`, as the delivery's `EntryRate-Event-Id` header."),
    type: z.enum(DELIVERED_EVENT_TYPES).describe('`ping`: a test event you sent.'),
    status: z
      .enum(['pending', 'delivering', 'delivered', 'failed'])
      .describe('`delivering` while a worker holds it: `nextAttemptAt` is then when its lease runs out.'),
    attempts: z.number().int().min(0).describe('How many times it was sent, resends included.'),
    attemptLog: z
      .array(webhookAttemptSchema)
      .describe(`Each attempt, newest first (the latest ${ATTEMPTS_SHOWN}).`),
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

export function toAttempt(row: AttemptRow): WebhookAttempt {
  return {
    at: new Date(row.at).toISOString(),
    status: row.status_code,
    error: row.error,
    durationMs: row.duration_ms,
  };
}

/** A delivery as the log shows it, with its attempts (newest first) and, while a worker holds it, `delivering`. */
export function toDelivery(row: DeliveryRow, attempts: AttemptRow[], now: Date): WebhookDelivery {
  const leased = row.status === 'pending' && row.lease_token !== null && row.next_attempt_at !== null;
  return {
    eventId: row.event_id,
    type: row.type,
    status: leased && new Date(row.next_attempt_at as Date) > now ? 'delivering' : row.status,
    attempts: row.attempts,
    attemptLog: attempts.map(toAttempt),
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    lastAttemptAt: isoOrNull(row.last_attempt_at),
    nextAttemptAt: isoOrNull(row.next_attempt_at),
    deliveredAt: isoOrNull(row.delivered_at),
    createdAt: new Date(row.created_at).toISOString(),
  };
}
