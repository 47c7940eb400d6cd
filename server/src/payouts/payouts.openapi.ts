import { examplePage, examplePayout } from '../openapi/openapi.examples.ts';
import type { RouteDocs } from '../openapi/openapi.types.ts';
import { payoutPageSchema } from './payouts.mapper.ts';
import { listPayoutsQuery } from './payouts.schema.ts';

export const payoutsDocs: RouteDocs = {
  'GET /v1/payouts': {
    tag: 'Payouts',
    access: 'secretKey',
    permission: 'payouts.read',
    sdk: 'payouts.list',
    summary: 'List payouts',
    description:
      'Read-only, from your Stripe Connect account, newest first. Stripe owns the schedule. A test key shows the test-mode payouts of the same account, ' +
      'as Stripe shows them to test keys.',
    query: listPayoutsQuery,
    example: { query: { status: 'paid', arrivalFrom: '2026-09-01', arrivalTo: '2026-09-30' } },
    responses: {
      200: {
        description: 'A page of Payouts, newest first.',
        schema: payoutPageSchema,
        example: examplePage([examplePayout]),
      },
    },
    errors: {
      409: ['payouts.account_not_connected', 'payouts.mode_unavailable'],
      503: ['payments.unavailable'],
    },
  },
};
