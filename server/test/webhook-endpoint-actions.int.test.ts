import crypto from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ReceivedWebhook, startReceiver } from '../../stripe-sim/test/webhook-receiver.ts';
import { createWorker } from '../src/jobs/worker.ts';
import { RETRY_FOR_MS } from '../src/webhooks/webhooks.delivery.ts';
import { createWebhookSender } from '../src/webhooks/webhooks.sender.ts';
import { api } from './api.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { newPromoter } from './promoters.ts';

let server: TestServer;
let client: ReturnType<typeof api>;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  server = await startTestServer();
  client = api(server.url);
});
afterAll(() => server?.stop());
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A receiver that answers what `status()` says at the time of each request. */
async function receiver(status: () => number = () => 200) {
  const started = await startReceiver(() => status());
  cleanups.push(started.stop);
  return started;
}

async function createEndpoint(url: string, events: string[] = ['payout.paid'], key?: string) {
  const res = await client.post('/v1/webhook-endpoints', { url, events }, key ? { key } : {});
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  cleanups.push(async () => {
    await client.delete(`/v1/webhook-endpoints/${res.body.id}`, key ? { key } : {});
  });
  return res.body as { id: string; secret: string; url: string };
}

/** One pass of the background work, wired as the server wires it (loopback allowed against the sim). */
function runWorker() {
  const { db, payments, logger, config } = server.app.deps;
  const sendWebhook = createWebhookSender({ allowLoopback: config.stripe.sim !== null });
  return createWorker({ db, payments, logger, sendWebhook }).runOnce();
}

const deliveriesOf = async (endpointId: string) =>
  (await client.get(`/v1/webhook-endpoints/${endpointId}/deliveries`)).body.data as any[];

/** Whether a delivery verifies with `secret`, both as the seed's snippet and as Standard Webhooks check it. */
function signedWith(delivery: ReceivedWebhook, secret: string): boolean {
  const hex = crypto.createHmac('sha256', secret).update(delivery.rawBody).digest('hex');
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const content = `${delivery.headers['webhook-id']}.${delivery.headers['webhook-timestamp']}.${delivery.rawBody}`;
  const standard = `v1,${crypto.createHmac('sha256', key).update(content).digest('base64')}`;
  return (
    delivery.headers['entryrate-signature'] === hex && delivery.headers['webhook-signature'] === standard
  );
}

describe('sending a test event', () => {
  it('reaches that endpoint only, signed, and the log shows every attempt', async () => {
    let answer = 500;
    const hook = await receiver(() => answer);
    const bystander = await receiver();
    const endpoint = await createEndpoint(hook.url);
    await createEndpoint(bystander.url, ['*']);

    const sent = await client.post(`/v1/webhook-endpoints/${endpoint.id}/test`);
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({
      eventId: expect.stringMatching(/^we_/),
      type: 'ping',
      status: 'pending',
      attempts: 0,
      attemptLog: [],
    });

    await runWorker();
    expect(hook.received).toHaveLength(1);
    expect(bystander.received).toHaveLength(0);
    const [ping] = hook.received as [ReceivedWebhook];
    expect(JSON.parse(ping.rawBody)).toMatchObject({
      id: sent.body.eventId,
      type: 'ping',
      data: { id: endpoint.id, url: endpoint.url },
    });
    expect(ping.headers['entryrate-event-id']).toBe(sent.body.eventId);
    expect(signedWith(ping, endpoint.secret)).toBe(true);

    let [logged] = await deliveriesOf(endpoint.id);
    expect(logged).toMatchObject({ eventId: sent.body.eventId, status: 'pending', attempts: 1 });
    expect(logged.attemptLog).toEqual([
      { at: expect.any(String), status: 500, error: 'HTTP 500', durationMs: expect.any(Number) },
    ]);

    // Resending makes a new attempt now (not at the retry's time), of the same event.
    answer = 204;
    const resent = await client.post(
      `/v1/webhook-endpoints/${endpoint.id}/deliveries/${sent.body.eventId}/resend`,
    );
    expect(resent.status).toBe(202);
    expect(resent.body).toMatchObject({ eventId: sent.body.eventId, status: 'pending', attempts: 1 });
    expect(Date.parse(resent.body.nextAttemptAt)).toBeLessThanOrEqual(Date.now());
    await runWorker();
    expect(hook.received).toHaveLength(2);
    expect(hook.received[1]?.rawBody).toBe(ping.rawBody);
    expect(hook.received[1]?.headers['webhook-id']).toBe(sent.body.eventId);

    [logged] = await deliveriesOf(endpoint.id);
    expect(logged).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 204 });
    expect(logged.attemptLog.map((a: { status: number }) => a.status)).toEqual([204, 500]);

    // A delivered one can be sent again too: the receiver dedupes on the event id.
    await client.post(`/v1/webhook-endpoints/${endpoint.id}/deliveries/${sent.body.eventId}/resend`);
    await runWorker();
    expect(hook.received.map((d) => d.headers['entryrate-event-id'])).toEqual([
      sent.body.eventId,
      sent.body.eventId,
      sent.body.eventId,
    ]);
    expect((await deliveriesOf(endpoint.id))[0].attemptLog).toHaveLength(3);
  });

  it('names a delivery that is not there', async () => {
    const endpoint = await createEndpoint('https://hooks.example.com/entryrate');
    const missing = await client.post(
      `/v1/webhook-endpoints/${endpoint.id}/deliveries/we_0000000000000000/resend`,
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'webhook_delivery.not_found', param: 'deliveryId' });
    const malformed = await client.post(`/v1/webhook-endpoints/${endpoint.id}/deliveries/nope/resend`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: 'request.invalid', param: 'deliveryId' });
  });
});

describe('rotating the signing secret', () => {
  it('shows the new secret once, and the old one no longer verifies', async () => {
    const hook = await receiver();
    const endpoint = await createEndpoint(hook.url);
    const rotated = await client.post(`/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, undefined, {
      idempotencyKey: `rotate-${endpoint.id}`,
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({ id: endpoint.id, secret: expect.stringMatching(/^whsec_\w{32}$/) });
    expect(rotated.body.secret).not.toBe(endpoint.secret);
    const replay = await client.post(`/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, undefined, {
      idempotencyKey: `rotate-${endpoint.id}`,
    });
    expect(replay.body).not.toHaveProperty('secret');

    await client.post(`/v1/webhook-endpoints/${endpoint.id}/test`);
    await runWorker();
    const [ping] = hook.received as [ReceivedWebhook];
    expect(signedWith(ping, rotated.body.secret)).toBe(true);
    expect(signedWith(ping, endpoint.secret)).toBe(false);
  });
});

describe('updating an endpoint', () => {
  it('changes its URL and events, checked as on creation', async () => {
    const before = await receiver();
    const after = await receiver();
    const endpoint = await createEndpoint(before.url);

    const changed = await client.patch(`/v1/webhook-endpoints/${endpoint.id}`, {
      url: after.url,
      events: ['order.completed', 'order.refunded', 'order.completed'],
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ url: after.url, events: ['order.completed', 'order.refunded'] });
    expect(changed.body).not.toHaveProperty('secret');
    const eventsOnly = await client.patch(`/v1/webhook-endpoints/${endpoint.id}`, { events: ['*'] });
    expect(eventsOnly.body).toMatchObject({ url: after.url, events: ['*'] });

    await client.post(`/v1/webhook-endpoints/${endpoint.id}/test`);
    await runWorker();
    expect(before.received).toHaveLength(0);
    expect(after.received).toHaveLength(1);

    const refused = [
      await client.patch(`/v1/webhook-endpoints/${endpoint.id}`, { url: 'https://10.0.0.1/hook' }),
      await client.patch(`/v1/webhook-endpoints/${endpoint.id}`, { url: 'http://user:pw@127.0.0.1/x' }),
      await client.patch(`/v1/webhook-endpoints/${endpoint.id}`, { events: [] }),
      await client.patch(`/v1/webhook-endpoints/${endpoint.id}`, {}),
    ];
    expect(refused.map((r) => [r.status, r.body.error.code, r.body.error.param])).toEqual([
      [400, 'request.invalid', 'url'],
      [400, 'request.invalid', 'url'],
      [400, 'request.invalid', 'events'],
      [400, 'request.invalid', undefined],
    ]);
  });
});

describe('a disabled endpoint', () => {
  it('is enabled again, gets what waited for it, and receives new events', async () => {
    let answer = 503;
    const hook = await receiver(() => answer);
    const endpoint = await createEndpoint(hook.url);
    const old = (await client.post(`/v1/webhook-endpoints/${endpoint.id}/test`)).body;
    const waiting = (await client.post(`/v1/webhook-endpoints/${endpoint.id}/test`)).body;
    // The first ping has been failing for 3 days: its next failure gives up and disables the endpoint.
    await server.db
      .updateTable('webhook_deliveries')
      .set({ created_at: new Date(Date.now() - RETRY_FOR_MS - 60_000) })
      .where('event_id', '=', old.eventId)
      .execute();
    await runWorker();
    expect(hook.received).toHaveLength(2);
    const listed = (await client.get('/v1/webhook-endpoints')).body.data.find(
      (e: { id: string }) => e.id === endpoint.id,
    );
    expect(listed).toMatchObject({ status: 'disabled', disabledReason: expect.stringContaining('3 days') });
    const logs = await deliveriesOf(endpoint.id);
    expect(logs.find((d) => d.eventId === old.eventId)).toMatchObject({ status: 'failed' });
    expect(logs.find((d) => d.eventId === waiting.eventId)).toMatchObject({ status: 'pending' });

    const refused = await client.post(`/v1/webhook-endpoints/${endpoint.id}/test`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('webhook_endpoint.disabled');

    answer = 200;
    const enabled = await client.post(`/v1/webhook-endpoints/${endpoint.id}/enable`);
    expect(enabled.status).toBe(200);
    expect(enabled.body).toMatchObject({ status: 'enabled', disabledReason: null, disabledAt: null });
    await runWorker();
    // The ping that waited goes out at once, without waiting for its retry.
    expect(hook.received).toHaveLength(3);
    expect(hook.received[2]?.headers['entryrate-event-id']).toBe(waiting.eventId);

    await client.post(`/v1/webhook-endpoints/${endpoint.id}/test`);
    await runWorker();
    expect(hook.received).toHaveLength(4);

    const again = await client.post(`/v1/webhook-endpoints/${endpoint.id}/enable`);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(enabled.body);
  });
});

describe("another promoter's endpoint", () => {
  it('is a 404 on every action, and the actions of a deleted one too', async () => {
    const rival = await newPromoter(server, 'Rival');
    const theirs = await createEndpoint('https://hooks.example.com/rival', ['*'], rival.testKey);
    const base = `/v1/webhook-endpoints/${theirs.id}`;
    for (const res of [
      await client.patch(base, { events: ['*'] }),
      await client.post(`${base}/test`),
      await client.post(`${base}/rotate-secret`),
      await client.post(`${base}/enable`),
      await client.post(`${base}/deliveries/we_0000000000000000/resend`),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('webhook_endpoint.not_found');
    }
    const mine = await createEndpoint('https://hooks.example.com/mine');
    await client.delete(`/v1/webhook-endpoints/${mine.id}`);
    expect((await client.post(`/v1/webhook-endpoints/${mine.id}/enable`)).status).toBe(404);
  });
});
