import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { IdempotencyError, InvalidRequestError } from '../../src/index.ts';
import { client, unique } from '../support.ts';

describe('idempotency', () => {
  const er = client();
  const venue = () => ({ name: unique('Replayed hall'), city: 'Bristol', timezone: 'Europe/London' });

  it('replays the first answer to the same key and body: the same object, marked replayed', async () => {
    const idempotencyKey = randomUUID();
    const params = venue();
    const first = await er.venues.create(params, { idempotencyKey });
    const again = await er.venues.create(params, { idempotencyKey });
    assert.equal(first.lastResponse.idempotentReplayed, false);
    assert.equal(again.lastResponse.idempotentReplayed, true);
    assert.equal(again.id, first.id);
    assert.deepEqual(again, first);
  });

  it('refuses the same key with another body: IdempotencyError, 422 idempotency.key_reused', async () => {
    const idempotencyKey = randomUUID();
    await er.venues.create(venue(), { idempotencyKey });
    await assert.rejects(er.venues.create(venue(), { idempotencyKey }), (error) => {
      assert.ok(error instanceof IdempotencyError);
      assert.ok(error instanceof InvalidRequestError);
      assert.equal(error.status, 422);
      assert.equal(error.code, 'idempotency.key_reused');
      return true;
    });
  });
});
