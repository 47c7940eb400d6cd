import { pageQuery } from '../http/pagination.ts';
import { exampleApiKey, examplePage } from '../openapi/openapi.examples.ts';
import type { RouteDocs } from '../openapi/openapi.types.ts';
import { apiKeyPageSchema, apiKeySchema, apiKeyWithSecretSchema } from './api-keys.mapper.ts';
import { apiKeyIdParam, createApiKeyBody } from './api-keys.schema.ts';

const tag = 'API keys';
const description = 'Key management: 20 requests per hour per key.';

export const apiKeysDocs: RouteDocs = {
  'GET /v1/api-keys': {
    tag,
    access: 'secretKey',
    permission: 'keys.manage',
    sdk: 'apiKeys.list',
    summary: "List your keys of the caller's mode (never their secrets), with when each was last used",
    description,
    query: pageQuery,
    example: { query: { limit: 20 } },
    responses: {
      200: {
        description: 'A page of ApiKeys, newest first.',
        schema: apiKeyPageSchema,
        example: examplePage([exampleApiKey]),
      },
    },
  },
  'POST /v1/api-keys': {
    tag,
    access: 'secretKey',
    permission: 'keys.manage',
    sdk: 'apiKeys.create',
    summary: "Create a key of the caller's mode",
    description:
      `${description} The answer carries the secret; it is shown this once. A \`secret\` key (the default) ` +
      'acts for this promoter only. An `admin` key also acts for every promoter this one manages ' +
      '(`POST /v1/promoters`), chosen per request with `EntryRate-Promoter`; any owner may make one, ' +
      'since without managed promoters it reaches nothing a secret key does not. A `scanner` key ' +
      '(`er_scan_test_…`) is for door devices: it scans tickets (`POST /v1/scans`) and reads events and ' +
      'their door counts, only of `eventIds` when given, and every other route refuses it with 403.',
    body: createApiKeyBody,
    example: { body: { name: exampleApiKey.name, kind: 'secret' } },
    responses: {
      201: {
        description: 'The ApiKey, with its `secret`.',
        schema: apiKeyWithSecretSchema,
        example: { ...exampleApiKey, secret: 'er_test_3v9c1x2z4m6k8p0r5t7y9u1i3o5a7sq8w2' },
      },
    },
    errors: { 404: ['event.not_found'] },
  },
  'DELETE /v1/api-keys/:id': {
    tag,
    access: 'secretKey',
    permission: 'keys.manage',
    sdk: 'apiKeys.revoke',
    summary: 'Revoke a key',
    description,
    params: { id: apiKeyIdParam },
    example: { params: { id: exampleApiKey.id } },
    responses: {
      200: {
        description: 'The ApiKey, with `revokedAt`.',
        schema: apiKeySchema,
        example: { ...exampleApiKey, revokedAt: '2026-06-01T09:00:00.000Z' },
      },
    },
    errors: { 404: ['api_key.not_found'] },
  },
};
