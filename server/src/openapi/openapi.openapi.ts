import { z } from 'zod';
import type { RouteDocs } from './openapi.types.ts';

const openApiDocumentSchema = z
  .looseObject({
    openapi: z.literal('3.1.0'),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.looseObject({})),
    components: z.looseObject({}),
  })
  .meta({ id: 'OpenApiDocument', description: 'An OpenAPI 3.1 document (spec.openapis.org/oas/v3.1.0).' });

export const openapiDocs: RouteDocs = {
  'GET /v1/openapi.json': {
    tag: 'Reference',
    access: 'public',
    summary: 'This OpenAPI 3.1 document',
    description: 'Generated from the routes the server mounts and the zod schemas they validate with.',
    responses: {
      200: {
        description: 'The OpenAPI document.',
        schema: openApiDocumentSchema,
        example: {
          openapi: '3.1.0',
          info: { title: 'EntryRate API', version: '2026-04-25' },
          paths: { '/v1/events': {} },
          components: {},
        },
      },
    },
  },
  'GET /docs/api': {
    tag: 'Reference',
    access: 'public',
    summary: 'The API reference, as a web page',
    responses: { 200: { description: 'HTML rendered from the OpenAPI document.', contentType: 'text/html' } },
  },
};
