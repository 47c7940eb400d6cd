import { API_VERSIONS } from '../http/version.ts';

/** What every operation refers to: the bearer scheme, the shared headers, the error answer. */
export const COMPONENTS = {
  securitySchemes: {
    bearerAuth: {
      type: 'http',
      scheme: 'bearer',
      description:
        "An API key: `er_test_…` for test mode, `er_live_…` for live mode. A key acts as its promoter's owner; an agency's admin key may also name a promoter it manages in `EntryRate-Promoter`.",
    },
    sessionCookie: {
      type: 'apiKey',
      in: 'cookie',
      name: 'er_session',
      description:
        "A dashboard sign-in. On promoter operations it names the promoter in `EntryRate-Promoter` (and the mode in `EntryRate-Mode`) and acts with the person's role there. Requests that change state also send the session's `X-CSRF-Token`.",
    },
  },
  parameters: {
    ApiVersion: {
      name: 'EntryRate-Version',
      in: 'header',
      required: false,
      description: 'The dated API version to use; the newest when absent. The response names the one used.',
      schema: { type: 'string', enum: [...API_VERSIONS] },
    },
    IdempotencyKey: {
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        'Makes a POST safe to retry for 24 hours: the same key and body replay the first answer ' +
        '(`Idempotent-Replayed: true`); the same key with another body is `422 idempotency.key_reused`.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    },
    Promoter: {
      name: 'EntryRate-Promoter',
      in: 'header',
      required: false,
      description:
        'The promoter (`pr_…`) the request acts for. With a key: optional, its own promoter by default; ' +
        "an agency's admin key may name any promoter its promoter manages. With a dashboard session: " +
        'required, a promoter the person is a member of. Any other promoter is `403 auth.promoter_forbidden`.',
      schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,100}$' },
    },
    StripeSignature: {
      name: 'Stripe-Signature',
      in: 'header',
      required: true,
      description: "Stripe's signature of the raw body (`t=…,v1=…`).",
      schema: { type: 'string' },
    },
  },
  headers: {
    EntryRateVersion: { description: 'The API version used.', schema: { type: 'string' } },
    RequestId: {
      description: 'The request id (`req_…`), also in error bodies.',
      schema: { type: 'string' },
    },
    RetryAfter: {
      description: 'Seconds to wait before trying again (on a 429 and on every 503).',
      schema: { type: 'integer', minimum: 1 },
    },
  },
  responses: {
    Error: {
      description: 'An error.',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    },
  },
};
