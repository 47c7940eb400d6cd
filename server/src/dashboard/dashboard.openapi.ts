import type { RouteDocs } from '../openapi/openapi.types.ts';

const page = {
  tag: 'Dashboard',
  access: 'public',
  responses: {
    200: {
      description: 'HTML: the dashboard app, which signs in and then calls this API with the session.',
      contentType: 'text/html',
    },
  },
} as const;

export const dashboardDocs: RouteDocs = {
  'GET /dashboard': { ...page, summary: "The promoter's dashboard" },
  'GET /dashboard/{*screen}': { ...page, summary: 'A screen of the dashboard (the app routes it)' },
  'GET /dashboard/assets/:file': {
    tag: 'Dashboard',
    access: 'public',
    summary: "The dashboard's scripts and styles (hashed names, cached for good)",
    responses: {
      200: { description: 'JavaScript or CSS.', contentTypes: ['application/javascript', 'text/css'] },
    },
    errors: { 404: ['route.not_found'] },
  },
};
