import { pageQuery } from '../http/pagination.ts';
import type { RouteDocs } from '../openapi/openapi.types.ts';
import { apiKeyIdParam, createApiKeyBody } from './api-keys.schema.ts';

const tag = 'API keys';
const description = 'Key management: 20 requests per hour per key.';

export const apiKeysDocs: RouteDocs = {
  'GET /v1/api-keys': {
    tag,
    access: 'secretKey',
    sdk: 'apiKeys.list',
    summary: "List your keys of this key's mode (never their secrets)",
    description,
    query: pageQuery,
    responses: { 200: { description: '`{ data: ApiKey[], pagination }`' } },
  },
  'POST /v1/api-keys': {
    tag,
    access: 'secretKey',
    sdk: 'apiKeys.create',
    summary: "Create a key of this key's mode",
    description: `${description} The answer carries the secret; it is shown this once.`,
    body: createApiKeyBody,
    responses: { 201: { description: 'The ApiKey, with its `secret`.' } },
  },
  'DELETE /v1/api-keys/:id': {
    tag,
    access: 'secretKey',
    sdk: 'apiKeys.revoke',
    summary: 'Revoke a key',
    description,
    params: { id: apiKeyIdParam },
    responses: { 200: { description: 'The ApiKey, with `revokedAt`.' } },
    errors: { 404: ['api_key.not_found'] },
  },
};
