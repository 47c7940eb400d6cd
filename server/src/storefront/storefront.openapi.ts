import { eventFiltersQuery } from '../events/events.schema.ts';
import type { RouteDocs } from '../openapi/openapi.types.ts';

export const storefrontDocs: RouteDocs = {
  'GET /v1/storefront/events': {
    tag: 'Storefront',
    access: 'public',
    summary: 'Live, networked events of every promoter',
    description: 'Public, any origin, cached 30 s. Test-mode events never appear.',
    query: eventFiltersQuery,
    responses: { 200: { description: '`{ data: Event[], pagination }`' } },
  },
};
