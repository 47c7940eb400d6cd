import type { RouteDocs } from '../openapi/openapi.types.ts';

export const healthDocs: RouteDocs = {
  'GET /health': {
    tag: 'Service',
    access: 'public',
    summary: 'Liveness and database reachability',
    responses: {
      200: { description: '`{ status: "ok", database: "up", time }`' },
      503: { description: '`{ status: "degraded", database: "down", time }`' },
    },
  },
};
