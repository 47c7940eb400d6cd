import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuthenticationError, EntryRate, InvalidRequestError, NotFoundError } from '../../src/index.ts';
import { client, createVenue, inDays } from '../support.ts';

describe('typed errors', () => {
  const er = client();

  it('a missing event is a NotFoundError: 404 event.not_found, with its request id', async () => {
    await assert.rejects(er.events.retrieve('evt_there_is_no_such_event'), (error) => {
      assert.ok(error instanceof NotFoundError);
      assert.equal(error.status, 404);
      assert.equal(error.code, 'event.not_found');
      assert.match(error.requestId ?? '', /^req_/);
      assert.match(error.docs ?? '', /^https?:\/\//);
      assert.match(error.message, /./);
      return true;
    });
  });

  it('an invalid body is an InvalidRequestError: 400 request.invalid naming the param', async () => {
    const venue = await createVenue(er);
    const params = { title: 'Bad price', venueId: venue.id, doors: inDays(30) };
    await assert.rejects(
      er.events.create({ ...params, tiers: [{ name: 'Standard', price: 12.5, stock: 10 }] }),
      (error) => {
        assert.ok(error instanceof InvalidRequestError);
        assert.equal(error.status, 400);
        assert.equal(error.code, 'request.invalid');
        assert.equal(error.param, 'tiers[0].price');
        return true;
      },
    );
  });

  it('an unknown key is an AuthenticationError: 401 auth.invalid_key', async () => {
    const stranger = new EntryRate('er_test_not_a_real_key');
    await assert.rejects(stranger.events.list(), (error) => {
      assert.ok(error instanceof AuthenticationError);
      assert.equal(error.status, 401);
      assert.equal(error.code, 'auth.invalid_key');
      return true;
    });
  });
});
