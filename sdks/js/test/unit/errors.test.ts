import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorFromResponse } from '../../src/errors.ts';
import {
  APIConnectionError,
  APIError,
  AuthenticationError,
  ConflictError,
  EntryRateError,
  IdempotencyError,
  InvalidRequestError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  WebhookVerificationError,
} from '../../src/index.ts';

const body = (code: string, param?: string) => ({
  error: {
    code,
    message: `about ${code}`,
    param,
    docs: 'https://entryrate.co.uk/docs#errors',
    requestId: 'req_body',
  },
});

describe('errorFromResponse', () => {
  const table: [number, typeof EntryRateError][] = [
    [400, InvalidRequestError],
    [401, AuthenticationError],
    [403, PermissionError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, InvalidRequestError],
    [429, RateLimitError],
    [500, APIError],
    [502, APIError],
    [503, APIError],
    [410, APIError],
    [418, APIError],
  ];
  for (const [status, Class] of table) {
    it(`maps ${status} to ${Class.name}`, () => {
      const error = errorFromResponse(status, body('some.code'), 'req_header');
      assert.ok(error instanceof Class);
      assert.ok(error instanceof EntryRateError);
      assert.ok(error instanceof Error);
      assert.equal(error.name, Class.name);
      assert.equal(error.status, status);
    });
  }

  it('keeps every field of the error body, and the body', () => {
    const parsed = body('request.invalid', 'tiers.0.price');
    const error = errorFromResponse(400, parsed, 'req_header');
    assert.equal(error.code, 'request.invalid');
    assert.equal(error.message, 'about request.invalid');
    assert.equal(error.param, 'tiers.0.price');
    assert.equal(error.docs, 'https://entryrate.co.uk/docs#errors');
    assert.equal(error.requestId, 'req_body');
    assert.equal(error.body, parsed);
  });

  it('makes do with a body that is not the error shape', () => {
    const error = errorFromResponse(502, '<html>Bad gateway</html>', 'req_header');
    assert.ok(error instanceof APIError);
    assert.equal(error.code, 'http.502');
    assert.equal(error.param, null);
    assert.equal(error.requestId, 'req_header');
    assert.equal(error.body, '<html>Bad gateway</html>');
  });

  it('IdempotencyError is a kind of InvalidRequestError; the others are not', () => {
    for (const [status, code] of [
      [422, 'idempotency.key_reused'],
      [400, 'idempotency.invalid_key'],
    ] as const) {
      const error = errorFromResponse(status, body(code), null);
      assert.equal(error.constructor, IdempotencyError, code);
      assert.ok(error instanceof InvalidRequestError);
    }
    assert.equal(
      errorFromResponse(422, body('checkout.amount_unpayable'), null).constructor,
      InvalidRequestError,
    );
    assert.ok(!(errorFromResponse(404, body('event.not_found'), null) instanceof InvalidRequestError));
  });

  it('connection and webhook errors are EntryRateErrors without a status', () => {
    for (const Class of [APIConnectionError, WebhookVerificationError]) {
      const error = new Class({ code: 'c', message: 'm', status: null });
      assert.ok(error instanceof EntryRateError);
      assert.equal(error.status, null);
      assert.equal(error.name, Class.name);
    }
  });
});
