import type { RouteDocs } from './openapi.types.ts';

export const openapiDocs: RouteDocs = {
  'GET /v1/openapi.json': {
    tag: 'Reference',
    access: 'public',
    summary: 'This OpenAPI 3.1 document',
    description: 'Generated from the routes the server mounts and the zod schemas they validate with.',
    responses: { 200: { description: 'The OpenAPI document.' } },
  },
  'GET /docs/api': {
    tag: 'Reference',
    access: 'public',
    summary: 'The API reference, as a web page',
    responses: { 200: { description: 'HTML rendered from the OpenAPI document.', contentType: 'text/html' } },
  },
};
