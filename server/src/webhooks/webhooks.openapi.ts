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
  webhookDeliverySchema,
  webhookEndpointDeletedSchema,
  webhookEndpointPageSchema,
  webhookEndpointSchema,
  webhookEndpointWithSecretSchema,
} from './webhooks.mapper.ts';
import {
  createEndpointBody,
  DELIVERED_EVENT_TYPES,
  type DeliveredEventType,
  deliveryIdParam,
  endpointIdParam,
  listDeliveriesQuery,
  listEndpointsQuery,
  updateEndpointBody,
} from './webhooks.schema.ts';

const tag = 'Webhooks';
const params = { id: endpointIdParam };
const notFound = { 404: ['webhook_endpoint.not_found' as const] };
const example = { params: { id: exampleWebhookEndpoint.id } };
const disabled = { 409: ['webhook_endpoint.disabled' as const] };
const exampleSecret = 'whsec_k3m9q2x7w4z8c5v1b6n0p2r4t6y8u0i2';
const examplePing = {
  ...exampleWebhookDelivery,
  eventId: 'we_2p7r5t1y9u3i6o8a',
  type: 'ping' as const,
  status: 'pending' as const,
  attempts: 0,
  attemptLog: [],
  lastStatusCode: null,
  lastAttemptAt: null,
  nextAttemptAt: '2026-05-20T12:10:00.000Z',
  deliveredAt: null,
  createdAt: '2026-05-20T12:10:00.000Z',
};
const exampleResent = {
  ...exampleWebhookDelivery,
  status: 'pending' as const,
  nextAttemptAt: '2026-05-21T09:30:00.000Z',
};

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
        example: { ...exampleWebhookEndpoint, secret: exampleSecret },
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
  'PATCH /v1/webhook-endpoints/:id': {
    tag,
    access: 'secretKey',
    permission: 'webhooks.manage',
    sdk: 'webhookEndpoints.update',
    summary: 'Update a webhook endpoint',
    description:
      'Changes its URL, its events, or both; what you leave out stays. A new URL is checked as on ' +
      'creation (`400 request.invalid`, `param: "url"`). Deliveries still owed go to the new URL; events ' +
      'already queued keep going, and the new subscription decides which events come from now on.',
    params,
    body: updateEndpointBody,
    example: { ...example, body: { events: ['order.completed', 'order.refunded', 'payout.paid'] } },
    responses: {
      200: {
        description: 'The WebhookEndpoint as it is now.',
        schema: webhookEndpointSchema,
        example: { ...exampleWebhookEndpoint, events: ['order.completed', 'order.refunded', 'payout.paid'] },
      },
    },
    errors: notFound,
  },
  'POST /v1/webhook-endpoints/:id/test': {
    tag,
    access: 'secretKey',
    permission: 'webhooks.manage',
    sdk: 'webhookEndpoints.test',
    summary: 'Send a test event',
    description:
      'Queues a `ping` event (its `data` the endpoint) to this endpoint only, whatever it subscribes to, ' +
      'signed and retried as every event is. It shows in the delivery log; the answer is the delivery, ' +
      'before its first attempt.',
    params,
    example,
    responses: {
      202: {
        description: 'The WebhookDelivery of the ping, queued.',
        schema: webhookDeliverySchema,
        example: examplePing,
      },
    },
    errors: { ...notFound, ...disabled },
  },
  'POST /v1/webhook-endpoints/:id/deliveries/:deliveryId/resend': {
    tag,
    access: 'secretKey',
    permission: 'webhooks.manage',
    sdk: 'webhookEndpoints.resendDelivery',
    summary: 'Resend a delivery',
    description:
      'Sends the event to this endpoint again now, whatever its status: the same event id and body, so ' +
      'a receiver that deduplicates on `EntryRate-Event-Id` handles it once, freshly signed. Should it ' +
      'fail, it is retried for 3 days from now. A delivery a worker is sending this moment answers ' +
      '`409 webhook_delivery.in_progress`.',
    params: { ...params, deliveryId: deliveryIdParam },
    example: { params: { id: exampleWebhookEndpoint.id, deliveryId: exampleWebhookDelivery.eventId } },
    responses: {
      202: {
        description: 'The WebhookDelivery, due now.',
        schema: webhookDeliverySchema,
        example: exampleResent,
      },
    },
    errors: {
      404: ['webhook_endpoint.not_found', 'webhook_delivery.not_found'],
      409: ['webhook_endpoint.disabled', 'webhook_delivery.in_progress'],
    },
  },
  'POST /v1/webhook-endpoints/:id/rotate-secret': {
    tag,
    access: 'secretKey',
    permission: 'webhooks.manage',
    sdk: 'webhookEndpoints.rotateSecret',
    summary: 'Rotate the signing secret',
    description:
      'Makes a new signing `secret`, shown in this answer only. Every attempt from now on, retries of ' +
      'earlier events included, is signed with it; the old secret signs nothing more.',
    params,
    example,
    responses: {
      200: {
        description: 'The WebhookEndpoint, with its new signing `secret`.',
        schema: webhookEndpointWithSecretSchema,
        example: { ...exampleWebhookEndpoint, secret: exampleSecret },
      },
    },
    errors: notFound,
  },
  'POST /v1/webhook-endpoints/:id/enable': {
    tag,
    access: 'secretKey',
    permission: 'webhooks.manage',
    sdk: 'webhookEndpoints.enable',
    summary: 'Enable a disabled webhook endpoint',
    description:
      'An endpoint whose deliveries all failed for 3 days is disabled. Enabling it makes the deliveries ' +
      'that waited meanwhile due at once, each retried for 3 days from now, and new events reach it ' +
      'again. An endpoint already enabled is answered as it is.',
    params,
    example,
    responses: {
      200: {
        description: 'The WebhookEndpoint, enabled.',
        schema: webhookEndpointSchema,
        example: exampleWebhookEndpoint,
      },
    },
    errors: notFound,
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
      '`failed`), attempts with each one in `attemptLog` (when, status code, error, duration), last status ' +
      'code and error, next attempt and delivery time. `lastError` is ' +
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

const FIRES_WHEN: Record<DeliveredEventType, string> = {
  'order.completed':
    "A buyer's payment succeeded and the tickets were issued; `data` is the Order with its tickets.",
  'order.refunded': 'A refund was processed (full or partial); `data` is the Order.',
  'scan.recorded': 'A door scan was accepted; `data` is the scan result.',
  'payout.paid': 'A Stripe Connect payout reached your bank; `data` is the Payout.',
  'event.published': 'An event went live; `data` is the Event with its tiers.',
  ping: 'You sent a test event (`POST /v1/webhook-endpoints/{id}/test`); `data` is the WebhookEndpoint.',
};

const STANDARD_WEBHOOKS =
  'Also carries the Standard Webhooks headers (standardwebhooks.com): `webhook-id` (the event id, the ' +
  'same on every retry), `webhook-timestamp` (Unix seconds of this attempt) and `webhook-signature`: ' +
  '`v1,` then base64(HMAC-SHA256(key, "{webhook-id}.{webhook-timestamp}.{raw body}")), the key being ' +
  'the base64 decoding of the secret after `whsec_`. Refuse a timestamp more than 5 minutes from your ' +
  'clock, so that a captured delivery cannot be replayed.';

/** What `data` is for each event type: the API object, as the API answers it. */
const DATA: Record<DeliveredEventType, { schema: z.ZodType; example: unknown }> = {
  'order.completed': { schema: orderSchema, example: exampleOrder },
  'order.refunded': { schema: orderSchema, example: exampleRefundedOrder },
  'scan.recorded': { schema: scanResultSchema, example: exampleScanResult },
  'payout.paid': { schema: payoutSchema, example: examplePayout },
  'event.published': { schema: eventSchema, example: exampleEvent },
  ping: { schema: webhookEndpointSchema, example: exampleWebhookEndpoint },
};

const webhookBody = (type: DeliveredEventType) =>
  z.object({
    id: z.string().describe('The event id (`we_…`): the same on every retry, so deduplicate on it.'),
    type: z.literal(type),
    createdAt: utcInstant.describe('When the change happened.'),
    data: DATA[type].schema.describe('The API object the event is about.'),
  });

/** OpenAPI's `webhooks`: what we POST to an endpoint for each event type. */
export const webhookRequestsDocs: WebhookDocs = Object.fromEntries(
  DELIVERED_EVENT_TYPES.map((type) => [
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
