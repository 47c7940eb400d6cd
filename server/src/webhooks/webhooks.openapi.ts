import { z } from 'zod';
import { jsonSchemaOf } from '../openapi/openapi.document.ts';
import type { RouteDocs } from '../openapi/openapi.types.ts';
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

export const webhooksDocs: RouteDocs = {
  'POST /v1/webhook-endpoints': {
    tag,
    access: 'secretKey',
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
    responses: { 201: { description: 'The endpoint, with its signing `secret`.' } },
  },
  'GET /v1/webhook-endpoints': {
    tag,
    access: 'secretKey',
    sdk: 'webhookEndpoints.list',
    summary: 'List webhook endpoints',
    description:
      'Newest first, without secrets. A disabled endpoint says why and since when in `disabledReason`.',
    query: listEndpointsQuery,
    responses: { 200: { description: '`{ data: WebhookEndpoint[], pagination }`' } },
  },
  'DELETE /v1/webhook-endpoints/:id': {
    tag,
    access: 'secretKey',
    sdk: 'webhookEndpoints.delete',
    summary: 'Delete a webhook endpoint',
    description: 'It gets no new events, and deliveries still pending for it are given up.',
    params,
    responses: { 200: { description: '`{ id, deleted: true }`' } },
    errors: notFound,
  },
  'GET /v1/webhook-endpoints/:id/deliveries': {
    tag,
    access: 'secretKey',
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
    responses: { 200: { description: '`{ data: WebhookDelivery[], pagination }`' } },
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

const webhookBody = z.object({
  id: z.string().describe('The event id (`we_…`): the same on every retry, so deduplicate on it.'),
  type: z.enum(WEBHOOK_EVENT_TYPES),
  createdAt: z.iso.datetime().describe('When the change happened.'),
  data: z.record(z.string(), z.unknown()).describe('The API object the event is about.'),
});

const header = (name: string, description: string) => ({
  name,
  in: 'header',
  required: true,
  description,
  schema: { type: 'string' },
});

/** OpenAPI's `webhooks`: what we POST to an endpoint for each event type. */
export const webhookRequestsDocs: Record<string, Record<string, unknown>> = Object.fromEntries(
  WEBHOOK_EVENT_TYPES.map((type) => [
    type,
    {
      post: {
        summary: type,
        description: `${FIRES_WHEN[type]} Retried with backoff for 3 days until your endpoint answers 2xx within 10 s. ${STANDARD_WEBHOOKS}`,
        tags: [tag],
        parameters: [
          header(
            'EntryRate-Signature',
            'hex(HMAC-SHA256(endpoint secret, raw body)); compare it timing-safe with your own.',
          ),
          header('EntryRate-Event-Id', 'The event id (`we_…`), as in the body: deduplicate on it.'),
          header(
            'EntryRate-Timestamp',
            'Unix seconds when this attempt was sent (not signed by `EntryRate-Signature`: see `webhook-signature`).',
          ),
        ],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: jsonSchemaOf(webhookBody) } },
        },
        responses: { '2XX': { description: 'Received; anything else (or no answer in 10 s) is retried.' } },
      },
    },
  ]),
);
