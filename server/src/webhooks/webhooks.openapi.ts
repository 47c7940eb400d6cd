import { z } from 'zod';
import { eventSchema } from '../events/events.mapper.ts';
import { utcInstant } from '../lib/dates.ts';
import {
  exampleEvent,
  exampleOrder,
  examplePage,
  examplePayout,
  exampleRefundedOrder,
  exampleScanResult,
  exampleWebhookDelivery,
  exampleWebhookEndpoint,
} from '../openapi/openapi.examples.ts';
import type { RouteDocs, WebhookDocs } from '../openapi/openapi.types.ts';
import { orderSchema } from '../orders/orders.mapper.ts';
import { payoutSchema } from '../payouts/payouts.mapper.ts';
import { scanResultSchema } from '../scans/scans.mapper.ts';
import {
  webhookDeliveryPageSchema,
  webhookEndpointDeletedSchema,
  webhookEndpointPageSchema,
  webhookEndpointWithSecretSchema,
} from './webhooks.mapper.ts';
import {
  createEndpointBody,
  endpointIdParam,
  listDeliveriesQuery,
  listEndpointsQuery,
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
} from './webhooks.schema.ts';

const tag = 'Webhooks';
const params = { id: endpointIdParam };
const notFound = { 404: ['webhook_endpoint.not_found' as const] };
const example = { params: { id: exampleWebhookEndpoint.id } };

export const webhooksDocs: RouteDocs = {
  'POST /v1/webhook-endpoints': {
    tag,
    access: 'secretKey',
    permission: 'webhooks.manage',
    sdk: 'webhookEndpoints.create',
    summary: 'Create a webhook endpoint',
    description:
      'Subscribes a URL to event types (or `["*"]`) for your key\'s mode. The answer carries the signing ' +
      '`secret` (`whsec_…`): it is shown this once. Endpoints in either mode must be https on the public ' +
      'internet, with no user name or password in the URL: loopback, private, link-local and other ' +
      'special-purpose addresses are refused (`400 request.invalid`, `param: "url"`), and a name is ' +
      'checked again each time it is resolved to deliver. Only a server running against the stripe-sim ' +
      'accepts `http://localhost` or `http://127.0.0.1`.',
    body: createEndpointBody,
    example: { body: { url: exampleWebhookEndpoint.url, events: exampleWebhookEndpoint.events } },
    responses: {
      201: {
        description: 'The WebhookEndpoint, with its signing `secret`.',
        schema: webhookEndpointWithSecretSchema,
        example: { ...exampleWebhookEndpoint, secret: 'whsec_k3m9q2x7w4z8c5v1b6n0p2r4t6y8u0i2' },
      },
    },
  },
  'GET /v1/webhook-endpoints': {
    tag,
    access: 'secretKey',
    permission: 'webhooks.manage',
    sdk: 'webhookEndpoints.list',
    summary: 'List webhook endpoints',
    description:
      'Newest first, without secrets. A disabled endpoint says why and since when in `disabledReason`.',
    query: listEndpointsQuery,
    example: { query: { limit: 20 } },
    responses: {
      200: {
        description: 'A page of WebhookEndpoints, newest first.',
        schema: webhookEndpointPageSchema,
        example: examplePage([exampleWebhookEndpoint]),
      },
    },
  },
  'DELETE /v1/webhook-endpoints/:id': {
    tag,
    access: 'secretKey',
    permission: 'webhooks.manage',
    sdk: 'webhookEndpoints.delete',
    summary: 'Delete a webhook endpoint',
    description: 'It gets no new events, and deliveries still pending for it are given up.',
    params,
    example,
    responses: {
      200: {
        description: 'The endpoint is deleted.',
        schema: webhookEndpointDeletedSchema,
        example: { id: exampleWebhookEndpoint.id, deleted: true },
      },
    },
    errors: notFound,
  },
  'GET /v1/webhook-endpoints/:id/deliveries': {
    tag,
    access: 'secretKey',
    permission: 'webhooks.manage',
    sdk: 'webhookEndpoints.listDeliveries',
    summary: "List an endpoint's deliveries",
    description:
      'The delivery log, newest first: event id and type, status (`pending`, `delivering`, `delivered`, ' +
      '`failed`), attempts, last status code and error, next attempt and delivery time. `lastError` is ' +
      'ours and short (`HTTP 500`, `timeout after 10 s`, `refused: address 10.0.0.1 is private`, ' +
      '`refused: no public address for hooks.example.com`, `ECONNREFUSED: connection refused`): what ' +
      'your endpoint answered is never read or kept.',
    params,
    query: listDeliveriesQuery,
    example: { ...example, query: { limit: 50 } },
    responses: {
      200: {
        description: 'A page of WebhookDeliveries, newest first.',
        schema: webhookDeliveryPageSchema,
        example: examplePage([exampleWebhookDelivery]),
      },
    },
    errors: notFound,
  },
};

const FIRES_WHEN: Record<WebhookEventType, string> = {
  'order.completed':
    "A buyer's payment succeeded and the tickets were issued; `data` is the Order with its tickets.",
  'order.refunded': 'A refund was processed (full or partial); `data` is the Order.',
  'scan.recorded': 'A door scan was accepted; `data` is the scan result.',
  'payout.paid': 'A Stripe Connect payout reached your bank; `data` is the Payout.',
  'event.published': 'An event went live; `data` is the Event with its tiers.',
};

const STANDARD_WEBHOOKS =
  'Also carries the Standard Webhooks headers (standardwebhooks.com): `webhook-id` (the event id, the ' +
  'same on every retry), `webhook-timestamp` (Unix seconds of this attempt) and `webhook-signature`: ' +
  '`v1,` then base64(HMAC-SHA256(key, "{webhook-id}.{webhook-timestamp}.{raw body}")), the key being ' +
  'the base64 decoding of the secret after `whsec_`. Refuse a timestamp more than 5 minutes from your ' +
  'clock, so that a captured delivery cannot be replayed.';

/** What `data` is for each event type: the API object, as the API answers it. */
const DATA: Record<WebhookEventType, { schema: z.ZodType; example: unknown }> = {
  'order.completed': { schema: orderSchema, example: exampleOrder },
  'order.refunded': { schema: orderSchema, example: exampleRefundedOrder },
  'scan.recorded': { schema: scanResultSchema, example: exampleScanResult },
  'payout.paid': { schema: payoutSchema, example: examplePayout },
  'event.published': { schema: eventSchema, example: exampleEvent },
};

const webhookBody = (type: WebhookEventType) =>
  z.object({
    id: z.string().describe('The event id (`we_…`): the same on every retry, so deduplicate on it.'),
    type: z.literal(type),
    createdAt: utcInstant.describe('When the change happened.'),
    data: DATA[type].schema.describe('The API object the event is about.'),
  });

/** OpenAPI's `webhooks`: what we POST to an endpoint for each event type. */
export const webhookRequestsDocs: WebhookDocs = Object.fromEntries(
  WEBHOOK_EVENT_TYPES.map((type) => [
    type,
    {
      summary: type,
      description: `${FIRES_WHEN[type]} Retried with backoff for 3 days until your endpoint answers 2xx within 10 s. ${STANDARD_WEBHOOKS}`,
      tag,
      headers: {
        'EntryRate-Signature':
          'hex(HMAC-SHA256(endpoint secret, raw body)); compare it timing-safe with your own.',
        'EntryRate-Event-Id': 'The event id (`we_…`), as in the body: deduplicate on it.',
        'EntryRate-Timestamp':
          'Unix seconds when this attempt was sent (not signed by `EntryRate-Signature`: see `webhook-signature`).',
      },
      body: webhookBody(type),
      example: {
        id: 'we_6v8b2n4m1k9q3x7z',
        type,
        createdAt: '2026-05-20T12:04:31.000Z',
        data: DATA[type].example,
      },
    },
  ]),
);
