import { eventFiltersQuery } from '../events/events.schema.ts';
import { examplePage, exampleStorefrontEvent } from '../openapi/openapi.examples.ts';
import type { RouteDocs } from '../openapi/openapi.types.ts';
import { storefrontEventPageSchema } from './storefront.mapper.ts';

export const storefrontDocs: RouteDocs = {
  'GET /v1/storefront/events': {
    tag: 'Storefront',
    access: 'public',
    summary: 'Live, networked events of every promoter',
    description: 'Public, any origin, cached 30 s. Test-mode events never appear.',
    query: eventFiltersQuery,
    example: { query: { cityId: 'bristol', from: '2026-09-01T00:00:00Z', q: 'mura' } },
    responses: {
      200: {
        description: 'A page of StorefrontEvents, soonest doors first.',
        schema: storefrontEventPageSchema,
        example: examplePage([exampleStorefrontEvent]),
      },
    },
  },
};
