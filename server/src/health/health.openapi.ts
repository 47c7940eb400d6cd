import type { RouteDocs } from '../openapi/openapi.types.ts';

export const healthDocs: RouteDocs = {
  'GET /health': {
    tag: 'Service',
    access: 'public',
    summary: 'Liveness: the process is up (never touches the database)',
    responses: {
      200: { description: '`{ status: "ok", time }`' },
    },
  },
  'GET /ready': {
    tag: 'Service',
    access: 'public',
    summary: 'Readiness: the database is reachable and every migration is applied',
    responses: {
      200: { description: '`{ status: "ready", database: "up", pendingMigrations: [], time }`' },
      503: {
        description:
          '`{ status: "unavailable", database: "down" | "up", pendingMigrations: [...], time }`, with `Retry-After`',
      },
    },
  },
};
