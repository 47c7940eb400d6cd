import { describe, expect, it } from 'vitest';
import { type Answer, contractChecker } from './response-contract.ts';

const error = { $ref: '#/components/schemas/Error' };
const document = {
  openapi: '3.1.0',
  paths: {
    '/v1/things/{id}': {
      get: {
        responses: {
          200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          404: { content: { 'application/json': { schema: error } }, 'x-error-codes': ['thing.not_found'] },
        },
      },
    },
    '/v1/things/new': {
      get: { responses: { 200: { content: { 'text/html': { schema: { type: 'string' } } } } } },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        properties: { id: { type: 'string' }, at: { type: 'string', format: 'date-time' } },
        required: ['id', 'at'],
        additionalProperties: false,
      },
      Error: {
        type: 'object',
        properties: {
          error: { type: 'object', properties: { code: { type: 'string' } }, required: ['code'] },
        },
        required: ['error'],
      },
    },
  },
};

const check = contractChecker(document);
const answer = (overrides: Partial<Answer>): Answer => ({
  method: 'GET',
  path: '/v1/things/th_1',
  status: 200,
  contentType: 'application/json',
  body: { id: 'th_1', at: '2026-05-20T12:00:00.000Z' },
  ...overrides,
});

describe('contractChecker', () => {
  it('passes an answer its operation documents', () => {
    expect(check(answer({}))).toEqual([]);
    expect(check(answer({ status: 404, body: { error: { code: 'thing.not_found' } } }))).toEqual([]);
  });

  it('names a body off its schema: a wrong format, a field too many, one missing', () => {
    expect(check(answer({ body: { id: 'th_1', at: 'yesterday' } }))).toEqual([
      expect.stringContaining('/at must match format "date-time"'),
    ]);
    expect(check(answer({ body: { id: 'th_1', at: '2026-05-20T12:00:00Z', extra: 1 } }))).toEqual([
      expect.stringContaining('must NOT have additional properties'),
    ]);
    expect(check(answer({ body: { at: '2026-05-20T12:00:00Z' } }))).toEqual([
      expect.stringContaining("must have required property 'id'"),
    ]);
  });

  it('names a status, an error code or a content type the document does not list', () => {
    expect(check(answer({ status: 409, body: { error: { code: 'thing.busy' } } }))).toEqual([
      'status 409 is not documented for GET /v1/things/{id}',
    ]);
    expect(check(answer({ status: 404, body: { error: { code: 'thing.gone' } } }))).toEqual([
      'error code thing.gone is not among those documented for 404: thing.not_found',
    ]);
    expect(check(answer({ path: '/v1/things/new', body: {} }))).toEqual([
      'answered application/json, documented text/html',
    ]);
  });

  it('prefers the literal path to the template, and holds unknown routes to the error shape', () => {
    expect(check(answer({ path: '/v1/things/new', contentType: 'text/html', body: undefined }))).toEqual([]);
    expect(
      check(answer({ path: '/v2/nothing', status: 404, body: { error: { code: 'route.not_found' } } })),
    ).toEqual([]);
    expect(check(answer({ path: '/v2/nothing', status: 404, body: { oops: true } }))).not.toEqual([]);
  });
});
