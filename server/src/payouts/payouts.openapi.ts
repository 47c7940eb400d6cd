import { examplePage, examplePayout } from '../openapi/openapi.examples.ts';
import type { RouteDocs } from '../openapi/openapi.types.ts';
import { accountSchema } from './account.mapper.ts';
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
  'GET /v1/account': {
    tag: 'Payouts',
    access: 'secretKey',
    permission: 'payouts.read',
    sdk: 'account.retrieve',
    summary: 'Retrieve your account',
    description:
      'Who you are (promoter id, name, the mode you act in) and your Stripe Connect account as Stripe ' +
      'reports it this moment: whether buyers can pay you (`chargesEnabled`), whether Stripe pays out to ' +
      'your bank (`payoutsEnabled`), whether onboarding is finished (`detailsSubmitted`), its country and ' +
      'default currency. `stripeAccount` is null while no account is connected. The same account serves ' +
      'both modes.',
    responses: {
      200: {
        description: 'The Account.',
        schema: accountSchema,
        example: {
          promoterId: 'pr_7d3k9q2m5x8z1c4v',
          name: 'Strange Brew',
          mode: 'test',
          stripeAccount: {
            id: 'acct_1Pq7x2eZvKYlo2Cm',
            chargesEnabled: true,
            payoutsEnabled: true,
            detailsSubmitted: true,
            country: 'GB',
            defaultCurrency: 'gbp',
          },
        },
      },
    },
    errors: {
      409: ['payouts.account_not_connected'],
      503: ['payments.unavailable'],
    },
  },
};
