import type { RouteDocs } from '../openapi/openapi.types.ts';
import { listPayoutsQuery } from './payouts.schema.ts';

export const payoutsDocs: RouteDocs = {
  'GET /v1/payouts': {
    tag: 'Payouts',
    access: 'secretKey',
    sdk: 'payouts.list',
    summary: 'List payouts',
    description:
      'Read-only, from your Stripe Connect account, newest first: `{ id, amount, currency, status, arrivalDate, ' +
      'createdAt }`. Stripe owns the schedule. A test key shows the test-mode payouts of the same account, ' +
      'as Stripe shows them to test keys.',
    query: listPayoutsQuery,
    responses: { 200: { description: '`{ data: Payout[], pagination }`' } },
    errors: {
      409: ['payouts.account_not_connected', 'payouts.mode_unavailable'],
      503: ['payments.unavailable'],
    },
  },
};
