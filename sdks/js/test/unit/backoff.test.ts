import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRetryable, retryDelay } from '../../src/backoff.ts';
import {
  APIConnectionError,
  APIError,
  ConflictError,
  InvalidRequestError,
  RateLimitError,
} from '../../src/index.ts';

describe('retryDelay', () => {
  it('waits 0.5 s doubling to at most 8 s, between half and all of it', () => {
    const bounds = [500, 1000, 2000, 4000, 8000, 8000, 8000];
    bounds.forEach((full, attempt) => {
      assert.equal(
        retryDelay(attempt, null, () => 0),
        full / 2,
        `attempt ${attempt}, least`,
      );
      assert.equal(
        retryDelay(attempt, null, () => 1),
        full,
        `attempt ${attempt}, most`,
      );
      for (let i = 0; i < 50; i++) {
        const wait = retryDelay(attempt, null);
        assert.ok(wait >= full / 2 && wait <= full, `attempt ${attempt}: ${wait}`);
      }
    });
  });

  it('honours Retry-After in seconds or as a date, capped at 60 s', () => {
    assert.equal(retryDelay(0, '1'), 1000);
    assert.equal(retryDelay(3, '0'), 0);
    assert.equal(retryDelay(0, '120'), 60_000);
    const inTwoSeconds = new Date(Date.now() + 2000).toUTCString();
    const wait = retryDelay(0, inTwoSeconds);
    assert.ok(wait > 0 && wait <= 2000, String(wait));
    assert.equal(retryDelay(0, new Date(Date.now() - 5000).toUTCString()), 0);
  });

  it('falls back to the backoff for a Retry-After it cannot read', () => {
    const wait = retryDelay(1, 'soon', () => 0);
    assert.equal(wait, 500);
  });
});

describe('isRetryable', () => {
  const error = (Class: typeof APIError, status: number | null, code = 'x') =>
    new Class({ code, message: 'm', status });

  it('retries no answer, 429, every 5xx and a key still in progress', () => {
    assert.ok(isRetryable(error(APIConnectionError, null)));
    assert.ok(isRetryable(error(RateLimitError, 429)));
    for (const status of [500, 502, 503, 504]) assert.ok(isRetryable(error(APIError, status)));
    assert.ok(isRetryable(error(ConflictError, 409, 'idempotency.in_progress')));
  });

  it('retries nothing else', () => {
    assert.ok(!isRetryable(error(InvalidRequestError, 400)));
    assert.ok(!isRetryable(error(ConflictError, 409, 'event.slug_taken')));
    assert.ok(!isRetryable(error(APIError, 418)));
  });
});
