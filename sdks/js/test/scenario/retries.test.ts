import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { APIConnectionError, APIError, RateLimitError } from '../../src/index.ts';
import { client, createEvent, faultLog, injectFaults, unique } from '../support.ts';

describe('retries through the fault proxy', () => {
  const er = client();
  beforeEach(() => injectFaults([]));

  it('waits out a 429 as its Retry-After says (1 s), then succeeds', async () => {
    await injectFaults(['429']);
    const started = performance.now();
    const page = await er.venues.list({ limit: 1 });
    const waited = performance.now() - started;
    assert.equal(page.lastResponse.status, 200);
    assert.ok(waited >= 1000, `waited ${waited} ms`);
    assert.ok(waited < 4000, `waited ${waited} ms`);
    const log = await faultLog();
    assert.deepEqual(
      log.map((request) => [request.method, request.fault, request.status]),
      [
        ['GET', '429', null],
        ['GET', null, 200],
      ],
    );
  });

  it('retries a POST whose answer was dropped with the same Idempotency-Key: replayed, one event made', async () => {
    const title = unique('Dropped answer');
    const venue = await er.venues.create({
      name: unique('Drop hall'),
      city: 'Bristol',
      timezone: 'Europe/London',
    });
    await injectFaults(['drop']);
    const event = await er.events.create({
      title,
      venueId: venue.id,
      doors: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      tiers: [{ name: 'Standard', price: 1800, stock: 100 }],
    });
    assert.equal(event.lastResponse.idempotentReplayed, true);
    const [dropped, retried, ...rest] = await faultLog();
    assert.equal(rest.length, 0);
    assert.equal(dropped?.fault, 'drop');
    assert.equal(dropped?.status, 201, 'the API made the event before the answer was dropped');
    assert.equal(retried?.fault, null);
    assert.ok(dropped?.idempotencyKey);
    assert.equal(retried?.idempotencyKey, dropped?.idempotencyKey);
    const matching = await er.events.list({ q: title });
    assert.equal(matching.pagination.total, 1);
    assert.equal(matching.data[0]?.id, event.id);
  });

  it('retries a connection reset before the API saw the request', async () => {
    await injectFaults(['reset']);
    const event = await createEvent(er, unique('After a reset'));
    assert.equal(event.status, 'draft');
    const log = await faultLog();
    assert.deepEqual(
      log.map((request) => request.fault),
      ['reset', null, null],
    );
  });

  it('retries a 503', async () => {
    await injectFaults(['503', '503']);
    const page = await er.events.list({ limit: 1 });
    assert.equal(page.lastResponse.status, 200);
    assert.equal((await faultLog()).length, 3);
  });

  it('with maxRetries 0 the error surfaces, for the client and for one call', async () => {
    const once = client({ maxRetries: 0 });
    await injectFaults(['503']);
    await assert.rejects(once.events.list(), (error) => error instanceof APIError && error.status === 503);
    await injectFaults(['429']);
    await assert.rejects(
      once.events.list(),
      (error) => error instanceof RateLimitError && error.status === 429,
    );
    await injectFaults(['reset']);
    await assert.rejects(er.events.list({}, { maxRetries: 0 }), APIConnectionError);
    assert.equal((await faultLog()).length, 1);
  });

  it('sends EntryRate-Version on every request', async () => {
    const event = await createEvent(er, unique('Versioned'));
    await er.events.update(event.id, { title: `${event.title}!` });
    await er.events.retrieve(event.id);
    const endpoint = await er.webhookEndpoints.create({ url: 'http://127.0.0.1:9/hooks', events: ['*'] });
    await er.webhookEndpoints.listDeliveries(endpoint.id);
    await er.webhookEndpoints.delete(endpoint.id);
    const log = await faultLog();
    assert.deepEqual(
      log.map((request) => request.method),
      ['POST', 'POST', 'PATCH', 'GET', 'POST', 'GET', 'DELETE'],
    );
    for (const request of log)
      assert.equal(request.apiVersion, '2026-04-25', `${request.method} ${request.path}`);
  });
});
