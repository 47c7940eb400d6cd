import {
  exampleCompleteSession,
  examplePaymentStart,
  exampleSession,
  exampleSessionCreate,
  exampleTicket,
  exampleTier,
} from '../openapi/openapi.examples.ts';
import type { RouteDocs } from '../openapi/openapi.types.ts';
import { ticketIdParam } from '../tickets/tickets.schema.ts';
import { checkoutSessionSchema, paymentStartSchema } from './checkout.mapper.ts';
import {
  clientSecretBody,
  clientSecretQuery,
  createSessionBody,
  sessionIdParam,
  updateSessionBody,
} from './checkout.schema.ts';

const tag = 'Checkout sessions';
const params = { id: sessionIdParam };
const notFound = ['checkout.session_not_found' as const];
const example = { params: { id: exampleSession.id } };
/** A buyer's browser proves the session with its client secret; a promoter's server sends its key instead. */
const asBuyer = { ...example, body: { clientSecret: exampleSession.clientSecret } };
const theSession = (description: string, session = exampleSession) => ({
  200: { description, schema: checkoutSessionSchema, example: session },
});

export const checkoutDocs: RouteDocs = {
  'POST /v1/checkout/sessions': {
    tag,
    access: 'secretKeyOrClientSecret',
    permission: 'checkout.write',
    sdk: 'checkout.sessions.create',
    summary: 'Create a checkout session (holds the tickets)',
    description:
      'From the widget (no key) or your server (secret key, which may add `successUrl`/`cancelUrl` and ' +
      'sends the buyer to `url`). Seats are held until `expiresAt`.',
    body: createSessionBody,
    example: { body: exampleSessionCreate },
    responses: {
      201: {
        description: 'The CheckoutSession, with its `clientSecret`.',
        schema: checkoutSessionSchema,
        example: exampleSession,
      },
    },
    errors: {
      400: ['event.tier_not_found'],
      404: ['event.not_found'],
      409: ['event.not_on_sale', 'event.tier_oversold', 'event.tier_not_on_sale'],
      422: ['checkout.amount_unpayable'],
    },
  },
  'GET /v1/checkout/sessions/:id': {
    tag,
    access: 'secretKeyOrClientSecret',
    permission: 'checkout.write',
    sdk: 'checkout.sessions.retrieve',
    summary: 'Read a checkout session',
    description:
      'With the secret key of its promoter, or `?clientSecret=`. Complete sessions carry the order.',
    params,
    query: clientSecretQuery,
    example: { ...example, query: { clientSecret: exampleSession.clientSecret } },
    responses: theSession('The CheckoutSession.', exampleCompleteSession),
    errors: { 404: notFound },
  },
  'POST /v1/checkout/sessions/:id': {
    tag,
    access: 'secretKeyOrClientSecret',
    permission: 'checkout.write',
    sdk: 'checkout.sessions.update',
    summary: "Change an open session's tickets",
    params,
    body: updateSessionBody,
    example: {
      ...example,
      body: { items: [{ tierId: exampleTier.id, quantity: 3 }], clientSecret: exampleSession.clientSecret },
    },
    responses: theSession('The CheckoutSession, holding the new tickets.', {
      ...exampleSession,
      items: [{ tierId: exampleTier.id, quantity: 3, unitPrice: 1200 }],
      amountTotal: 3600,
    }),
    errors: {
      400: ['event.tier_not_found'],
      404: notFound,
      409: ['checkout.session_not_open', 'event.tier_oversold', 'event.tier_not_on_sale'],
      410: ['checkout.session_expired'],
      422: ['checkout.amount_unpayable'],
    },
  },
  'POST /v1/checkout/sessions/:id/payment': {
    tag,
    access: 'secretKeyOrClientSecret',
    permission: 'checkout.write',
    sdk: 'checkout.sessions.pay',
    summary: 'Start paying: the PaymentIntent and its client secret (a free session completes here)',
    description:
      'A session whose `amountTotal` is 0 never reaches Stripe: this call completes it, issuing the order ' +
      'and tickets in the same transaction, and answers `{ status: "complete", orderId, paymentIntentId: null, ' +
      'clientSecret: null }`. Otherwise `{ status: "open", orderId: null, paymentIntentId, clientSecret }` ' +
      'for `stripe.confirmPayment`; the session completes when Stripe says the payment succeeded.',
    params,
    body: clientSecretBody,
    example: asBuyer,
    responses: {
      200: {
        description: 'The PaymentIntent to confirm, or the order of a free session.',
        schema: paymentStartSchema,
        example: examplePaymentStart,
      },
    },
    errors: {
      404: notFound,
      409: ['checkout.session_not_open', 'payments.mode_unavailable'],
      410: ['checkout.session_expired'],
      503: ['payments.unavailable'],
    },
  },
  'POST /v1/checkout/sessions/:id/cancel': {
    tag,
    access: 'secretKeyOrClientSecret',
    permission: 'checkout.write',
    sdk: 'checkout.sessions.cancel',
    summary: 'Cancel an open session and release its tickets',
    params,
    body: clientSecretBody,
    example: asBuyer,
    responses: theSession('The CheckoutSession, `cancelled`.', {
      ...exampleSession,
      status: 'cancelled',
      url: null,
    }),
    errors: { 404: notFound, 409: ['checkout.session_not_open'] },
  },
  'POST /v1/checkout/sessions/:id/settle': {
    tag,
    access: 'secretKey',
    permission: 'checkout.write',
    sdk: 'checkout.sessions.settle',
    summary: 'Ask the worker to settle a session with Stripe again, after it gave up',
    description:
      'The worker checks every PaymentIntent with Stripe until it is settled (completed, cancelled or ' +
      'refunded), backing off for about 3 days; then `settlement.status` is `failed` with an `error`. ' +
      'Once the cause is fixed, this starts it again at once.',
    params,
    example,
    responses: theSession('The CheckoutSession (its `settlement.status` is `pending`).', {
      ...exampleSession,
      status: 'expired',
      url: null,
      settlement: { status: 'pending', nextAttemptAt: '2026-05-20T12:30:00.000Z', error: null },
    }),
    errors: { 404: notFound, 409: ['checkout.settlement_not_failed'] },
  },
  'GET /v1/checkout/sessions/:id/tickets/:ticketId/qr.svg': {
    tag,
    access: 'public',
    summary: "A ticket's QR code, for the buyer's confirmation page",
    description: 'Needs `?clientSecret=` even with a secret key (it is an `<img src>`).',
    params: { id: sessionIdParam, ticketId: ticketIdParam },
    query: clientSecretQuery,
    example: {
      params: { id: exampleSession.id, ticketId: exampleTicket.id },
      query: { clientSecret: exampleSession.clientSecret },
    },
    responses: { 200: { description: 'An SVG image.', contentType: 'image/svg+xml' } },
    errors: { 404: [...notFound, 'ticket.not_found'] },
  },
};
