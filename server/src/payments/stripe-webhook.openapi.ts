import type { RouteDocs } from '../openapi/openapi.types.ts';
import { stripeWebhookReceiptSchema } from './stripe-webhook.schema.ts';

export const stripeWebhookDocs: RouteDocs = {
  'POST /v1/stripe/webhook': {
    tag: 'Service',
    access: 'stripeSignature',
    summary: "Stripe's events (payments, refunds, Connect payouts)",
    description:
      'For Stripe only: the signature is checked on the raw body and each event id is applied once. ' +
      'Exempt from rate limits.',
    responses: {
      200: {
        description: 'The event is applied, or was before (`duplicate`).',
        schema: stripeWebhookReceiptSchema,
        example: { received: true, duplicate: false },
      },
    },
    errors: { 400: ['stripe.invalid_signature'], 409: ['stripe.event_early'] },
  },
};
