import type { RouteDocs } from '../openapi/openapi.types.ts';

export const docsDocs: RouteDocs = {
  'GET /docs': {
    tag: 'Reference',
    access: 'public',
    summary: 'Every error code and what it means (the `docs` link of each error)',
    responses: {
      200: {
        description: 'HTML; each code is an anchor (`/docs#event.tier_oversold`).',
        contentType: 'text/html',
      },
    },
  },
};
