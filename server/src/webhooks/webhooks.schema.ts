import { z } from 'zod';
import { pageQuery } from '../http/pagination.ts';

/** Every event type a promoter can subscribe to. */
export const WEBHOOK_EVENT_TYPES = [
  'order.completed',
  'order.refunded',
  'scan.recorded',
  'payout.paid',
  'event.published',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** What a delivery can carry: every subscribable type, and `ping`, which only a test sends. */
export const DELIVERED_EVENT_TYPES = [...WEBHOOK_EVENT_TYPES, 'ping'] as const;
export type DeliveredEventType = (typeof DELIVERED_EVENT_TYPES)[number];

/** What an endpoint subscribes to: event types, or `*` (alone) for every one. */
export const subscription = z.enum([...WEBHOOK_EVENT_TYPES, '*']);
export type Subscription = z.infer<typeof subscription>;

const endpointUrl = z
  .url({ protocol: /^https?$/, error: 'must be an https:// URL' })
  .max(2000)
  .describe(
    'Where events are POSTed: https on the public internet, without credentials in the URL ' +
      '(http://localhost / 127.0.0.1 only on a server running against the stripe-sim).',
  );

const endpointEvents = z
  .array(subscription)
  .min(1, 'subscribe to at least one event type, or ["*"] for all')
  .max(WEBHOOK_EVENT_TYPES.length)
  .refine((events) => !events.includes('*') || events.length === 1, {
    message: '"*" already means every event; send it alone',
  })
  .transform((events) => [...new Set(events)]);

export const createEndpointBody = z
  .object({ url: endpointUrl, events: endpointEvents })
  .meta({ id: 'WebhookEndpointCreate', description: 'A URL to send events to, and which.' });
export type CreateEndpointInput = z.infer<typeof createEndpointBody>;

export const updateEndpointBody = z
  .object({
    url: endpointUrl.optional(),
    events: endpointEvents.optional().describe('Replaces the subscription; `["*"]`: all.'),
  })
  .refine((body) => body.url !== undefined || body.events !== undefined, {
    message: 'send url, events or both',
  })
  .meta({
    id: 'WebhookEndpointUpdate',
    description: 'What changes; what is left out stays. Pending deliveries go to the new URL.',
  });
export type UpdateEndpointInput = z.infer<typeof updateEndpointBody>;

export const endpointIdParam = z.string().regex(/^wh_[0-9a-z]+$/, 'must be a webhook endpoint id (wh_…)');

/** A delivery is named by its event's id: an event goes to each endpoint once. */
export const deliveryIdParam = z
  .string()
  .regex(/^we_[0-9a-z]+$/, "must be a delivery's event id (we_…)")
  .describe("The delivery's `eventId` (`we_…`).");

export const listEndpointsQuery = pageQuery;
export const listDeliveriesQuery = pageQuery;
