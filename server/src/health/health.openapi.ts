import type { RouteDocs } from '../openapi/openapi.types.ts';
import { healthSchema, readinessSchema } from './health.schema.ts';

const time = '2026-05-20T12:00:00.000Z';

export const healthDocs: RouteDocs = {
  'GET /health': {
    tag: 'Service',
    access: 'public',
    summary: 'Liveness: the process is up (never touches the database)',
    responses: {
      200: { description: 'Up.', schema: healthSchema, example: { status: 'ok', time } },
    },
  },
  'GET /ready': {
    tag: 'Service',
    access: 'public',
    summary: 'Readiness: the database is reachable and every migration is applied',
    responses: {
      200: {
        description: 'Ready to serve.',
        schema: readinessSchema,
        example: { status: 'ready', database: 'up', pendingMigrations: [], time },
      },
      503: {
        description: 'Not ready: the database is down, or migrations are pending. With `Retry-After`.',
        schema: readinessSchema,
        example: { status: 'unavailable', database: 'down', pendingMigrations: [], time },
      },
    },
  },
};
