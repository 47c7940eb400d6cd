import { pageQuery } from '../http/pagination.ts';
import { examplePage } from '../openapi/openapi.examples.ts';
import type { RouteDocs } from '../openapi/openapi.types.ts';
import { type Promoter, promoterPageSchema, promoterSchema } from './promoters.mapper.ts';
import { createPromoterBody } from './promoters.schema.ts';

const tag = 'Promoters';

const examplePromoter: Promoter = {
  id: 'pr_7d2k9m4x1c8v5b3n',
  name: 'Bristol Basement Nights',
  agencyId: 'pr_demo',
  createdAt: '2026-04-02T10:00:00.000Z',
};

export const promotersDocs: RouteDocs = {
  'POST /v1/promoters': {
    tag,
    access: 'secretKey',
    permission: 'promoters.manage',
    sdk: 'promoters.create',
    summary: 'Create a promoter your promoter manages',
    description:
      "The new promoter's `agencyId` is the caller's promoter, so the caller's admin keys act for it " +
      '(`EntryRate-Promoter`); a signed-in person becomes its owner. A signed-in person who names no ' +
      'promoter creates one of their own (no agency). A promoter that is itself managed manages none.',
    body: createPromoterBody,
    example: { body: { name: examplePromoter.name } },
    responses: { 201: { description: 'The Promoter.', schema: promoterSchema, example: examplePromoter } },
    errors: { 409: ['promoter.agency_managed'] },
  },
  'GET /v1/promoters': {
    tag,
    access: 'secretKey',
    permission: 'promoters.manage',
    sdk: 'promoters.list',
    summary: 'List the promoters your promoter manages',
    query: pageQuery,
    example: { query: { limit: 20 } },
    responses: {
      200: {
        description: 'A page of Promoters, oldest first.',
        schema: promoterPageSchema,
        example: examplePage([examplePromoter]),
      },
    },
  },
};
