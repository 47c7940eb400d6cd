import crypto from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startReceiver } from '../../stripe-sim/test/webhook-receiver.ts';
import { DEMO_EVENT_ID } from '../src/demo/seed.ts';
import { createWorker } from '../src/jobs/worker.ts';
import { newId } from '../src/lib/ids.ts';
import { LEASE_MS, RETRY_FOR_MS } from '../src/webhooks/webhooks.delivery.ts';
import { type ClaimedDelivery, recordAttempt } from '../src/webhooks/webhooks.outbox.store.ts';
import { createWebhookSender } from '../src/webhooks/webhooks.sender.ts';
import { insertEndpoint } from '../src/webhooks/webhooks.store.ts';
import { api } from './api.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { buyOrder, liveEvent } from './paid-orders.ts';
import { newPromoter } from './promoters.ts';
import { type PaidStack, startPaidStack } from './stripe-fixture.ts';

/** `process`, as the snippet reads it (its secret is set: the test sets it before each use). */
type SeedProcess = { env: { WEBHOOK_SECRET: string } };

/**
 * The seed's "Verifying a webhook (Node)" snippet, unchanged, as a handler of `req.rawBody` and
 * `process.env.WEBHOOK_SECRET`: it answers 400 through `res` when the signature does not verify.
 */
function seedVerifier(req: any, res: any, process: SeedProcess) {
  const sig = req.headers['entryrate-signature'];
  const expected = crypto.createHmac('sha256', process.env.WEBHOOK_SECRET).update(req.rawBody).digest('hex');
  if (!crypto.timingSafeEqual(Buffer.from(sig), Buffer.from(expected))) {
    return res.status(400).end();
  }
}

/** Whether the seed's snippet accepts a delivery signed for `secret`. */
function seedAccepts(
  delivery: { rawBody: string; headers: Record<string, unknown> },
  secret: string,
): boolean {
  process.env.WEBHOOK_SECRET = secret;
  let refused = false;
  seedVerifier(
    delivery,
    { status: () => ({ end: () => (refused = true) }) },
    process as unknown as SeedProcess,
  );
  return !refused;
}

/**
 * The README's Standard Webhooks snippet, unchanged, written from the spec (standardwebhooks.com): the
 * key is the base64 decoding of what follows `whsec_`, the signed content `${id}.${timestamp}.${body}`,
 * `webhook-signature` a space-separated list of `v1,<base64>`; a timestamp more than 5 minutes from
 * the receiver's clock is refused. It answers 400 through `res` when the delivery does not verify.
 */
function standardVerifier(req: any, res: any, process: SeedProcess) {
  const id = req.headers['webhook-id'];
  const timestamp = req.headers['webhook-timestamp'];
  const key = Buffer.from(process.env.WEBHOOK_SECRET.replace(/^whsec_/, ''), 'base64');
  const expected = crypto
    .createHmac('sha256', key)
    .update(`${id}.${timestamp}.${req.rawBody}`)
    .digest('base64');
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) <= 5 * 60;
  const signed = String(req.headers['webhook-signature'] ?? '')
    .split(' ')
    .some((entry) => {
      const [version, signature = ''] = entry.split(',');
      return (
        version === 'v1' &&
        signature.length === expected.length &&
        crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
      );
    });
  if (!fresh || !signed) {
    return res.status(400).end();
  }
}

/** Whether the README's Standard Webhooks snippet accepts a delivery for `secret`, its clock at `now`. */
function standardAccepts(
  delivery: { rawBody: string; headers: Record<string, unknown> },
  secret: string,
  now = Date.now(),
): boolean {
  process.env.WEBHOOK_SECRET = secret;
  let refused = false;
  vi.useFakeTimers({ toFake: ['Date'], now });
  try {
    standardVerifier(
      delivery,
      { status: () => ({ end: () => (refused = true) }) },
      process as unknown as SeedProcess,
    );
  } finally {
    vi.useRealTimers();
  }
  return !refused;
}

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

let stack: PaidStack;
let server: TestServer;
let client: ReturnType<typeof api>;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  stack = await startPaidStack();
  server = stack.server;
  client = api(server.url);
});
afterAll(() => stack?.stop());
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function receiver(respond?: (n: number) => number): Promise<Receiver> {
  const started = await startReceiver(respond);
  cleanups.push(started.stop);
  return started;
}

async function createEndpoint(url: string, events: string[], key?: string) {
  const res = await client.post('/v1/webhook-endpoints', { url, events }, key ? { key } : {});
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; secret: string; status: string };
}

const deliveriesOf = async (endpointId: string) =>
  (await client.get(`/v1/webhook-endpoints/${endpointId}/deliveries`)).body.data as any[];

/**
 * A worker over the test server's database, wired as createApp wires it (loopback webhooks only
 * against the stripe-sim, which this server runs against), whose clock the test may move.
 */
function workerAt(clock?: { now: Date }) {
  const { db, payments, logger, config } = server.app.deps;
  return createWorker({
    db,
    payments,
    logger,
    sendWebhook: createWebhookSender({ allowLoopback: config.stripe.sim !== null }),
    ...(clock ? { now: () => clock.now } : {}),
  });
}

/** One pass of the background work, as the server's own worker runs it. */
const runWorker = () => workerAt().runOnce();

const later = (date: Date, ms: number) => new Date(date.getTime() + ms);

describe('webhook endpoints', () => {
  it('answer the signing secret once, list without secrets, and refuse what is not theirs to send to', async () => {
    const endpoint = await createEndpoint('https://hooks.example.com/entryrate', [
      'order.completed',
      'scan.recorded',
    ]);
    expect(endpoint).toMatchObject({
      id: expect.stringMatching(/^wh_/),
      url: 'https://hooks.example.com/entryrate',
      events: ['order.completed', 'scan.recorded'],
      status: 'enabled',
      disabledReason: null,
      secret: expect.stringMatching(/^whsec_\w{32}$/),
    });
    const list = await client.get('/v1/webhook-endpoints');
    const listed = list.body.data.find((e: { id: string }) => e.id === endpoint.id);
    expect(listed).toBeDefined();
    expect(listed).not.toHaveProperty('secret');
    expect(list.body.pagination).toMatchObject({ page: 1, limit: 20 });

    const bad = [
      await client.post('/v1/webhook-endpoints', { url: 'http://hooks.example.com/x', events: ['*'] }),
      await client.post('/v1/webhook-endpoints', { url: 'ftp://hooks.example.com/x', events: ['*'] }),
      await client.post('/v1/webhook-endpoints', {
        url: 'https://hooks.example.com',
        events: ['order.lost'],
      }),
      await client.post('/v1/webhook-endpoints', { url: 'https://hooks.example.com', events: [] }),
      await client.post('/v1/webhook-endpoints', {
        url: 'https://hooks.example.com',
        events: ['*', 'payout.paid'],
      }),
    ];
    expect(bad.map((r) => [r.status, r.body.error.code, r.body.error.param])).toEqual([
      [400, 'request.invalid', 'url'],
      [400, 'request.invalid', 'url'],
      [400, 'request.invalid', 'events[0]'],
      [400, 'request.invalid', 'events'],
      [400, 'request.invalid', 'events'],
    ]);

    const body = { url: 'https://hooks.example.com/retried', events: ['*'] };
    const first = await client.post('/v1/webhook-endpoints', body, { idempotencyKey: 'create-hook-1' });
    const replay = await client.post('/v1/webhook-endpoints', body, { idempotencyKey: 'create-hook-1' });
    expect(first.body.secret).toMatch(/^whsec_/);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual({ ...first.body, secret: undefined });
    expect(replay.body).not.toHaveProperty('secret');
    await client.delete(`/v1/webhook-endpoints/${first.body.id}`);

    const deleted = await client.delete(`/v1/webhook-endpoints/${endpoint.id}`);
    expect(deleted.body).toEqual({ id: endpoint.id, deleted: true });
    expect((await client.delete(`/v1/webhook-endpoints/${endpoint.id}`)).status).toBe(404);
    const after = await client.get('/v1/webhook-endpoints');
    expect(after.body.data.map((e: { id: string }) => e.id)).not.toContain(endpoint.id);
  });

  it("of another promoter are a 404, and never receive this promoter's events", async () => {
    const mine = await receiver();
    const theirs = await receiver();
    const own = await createEndpoint(mine.url, ['event.published']);
    const rival = await newPromoter(server, 'Rival');
    const other = await createEndpoint(theirs.url, ['*'], rival.testKey);

    for (const res of [
      await client.get(`/v1/webhook-endpoints/${other.id}/deliveries`),
      await client.delete(`/v1/webhook-endpoints/${other.id}`),
      await client.get(`/v1/webhook-endpoints/${own.id}/deliveries`, { key: rival.testKey }),
      await client.delete(`/v1/webhook-endpoints/${own.id}`, { key: rival.testKey }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('webhook_endpoint.not_found');
    }
    const rivalList = await client.get('/v1/webhook-endpoints', { key: rival.testKey });
    expect(rivalList.body.data.map((e: { id: string }) => e.id)).toEqual([other.id]);

    await liveEvent(server.url);
    await runWorker();
    await mine.waitFor(1);
    expect(theirs.received).toHaveLength(0);
    expect(await deliveriesOf(own.id)).toHaveLength(1);
    await client.delete(`/v1/webhook-endpoints/${own.id}`);
  });
});

describe('webhook endpoint URLs against the stripe-sim', () => {
  it('may be on this machine, never on a private network or behind credentials', async () => {
    // Endpoints listen to payout.paid, which nothing here fires, and are deleted at once.
    const register = async (url: string) => {
      const res = await client.post('/v1/webhook-endpoints', { url, events: ['payout.paid'] });
      if (res.status === 201) await client.delete(`/v1/webhook-endpoints/${res.body.id}`);
      return res;
    };
    for (const url of ['http://127.0.0.1:9/hook', 'http://localhost:9/hook', 'http://[::1]:9/hook']) {
      expect((await register(url)).status, url).toBe(201);
    }
    for (const url of [
      'https://10.0.0.1/',
      'https://169.254.169.254/latest/meta-data/',
      'https://192.168.1.1/',
      'http://0.0.0.0:9/hook',
      'http://user:pass@127.0.0.1:9/hook',
    ]) {
      const res = await register(url);
      expect(res.status, url).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'request.invalid', param: 'url' });
    }
  });
});

describe('the delivery log', () => {
  it("keeps the endpoint's status code and an error of ours, never what the endpoint answered", async () => {
    const leaky = createServer((_req, res) =>
      res.writeHead(500).end('redis_version:7.2.4\r\nrequirepass hunter2'),
    );
    await new Promise<void>((resolve) => leaky.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          leaky.closeAllConnections();
          leaky.close(() => resolve());
        }),
    );
    const url = `http://127.0.0.1:${(leaky.address() as AddressInfo).port}/hook`;
    const endpoint = await createEndpoint(url, ['event.published']);
    await liveEvent(server.url);
    await runWorker();
    const res = await client.get(`/v1/webhook-endpoints/${endpoint.id}/deliveries`);
    expect(res.body.data[0]).toMatchObject({ status: 'pending', lastStatusCode: 500, lastError: 'HTTP 500' });
    expect(JSON.stringify(res.body)).not.toMatch(/redis|hunter2/);
    await client.delete(`/v1/webhook-endpoints/${endpoint.id}`);
  });
});

describe('delivering order.completed', () => {
  it('posts the order after a purchase, signed so that the seed’s Node snippet verifies it', async () => {
    const hook = await receiver();
    const endpoint = await createEndpoint(hook.url, ['order.completed']);
    const order = await buyOrder(stack, {
      eventId: DEMO_EVENT_ID,
      items: [{ tier: 'early-bird', quantity: 2 }],
    });

    expect(hook.received).toHaveLength(0);
    const pass = await runWorker();
    expect(pass.webhooks.delivered).toBeGreaterThanOrEqual(1);
    await hook.waitFor(1);
    const [delivery] = hook.received;
    if (!delivery) throw new Error('nothing delivered');

    expect(seedAccepts(delivery, endpoint.secret)).toBe(true);
    const tampered = delivery.rawBody.replace('"amount":2400', '"amount":1');
    expect(tampered).not.toBe(delivery.rawBody);
    expect(seedAccepts({ ...delivery, rawBody: tampered }, endpoint.secret)).toBe(false);
    expect(seedAccepts(delivery, 'whsec_someone_else')).toBe(false);

    // Standard Webhooks: the same secret signs id, attempt time and body, so a capture goes stale.
    expect(delivery.headers['webhook-timestamp']).toBe(delivery.headers['entryrate-timestamp']);
    const sentAtMs = Number(delivery.headers['webhook-timestamp']) * 1000;
    expect(standardAccepts(delivery, endpoint.secret)).toBe(true);
    expect(standardAccepts(delivery, endpoint.secret, sentAtMs + 4 * 60_000)).toBe(true);
    expect(standardAccepts(delivery, endpoint.secret, sentAtMs + 6 * 60_000)).toBe(false);
    expect(standardAccepts(delivery, endpoint.secret, sentAtMs - 6 * 60_000)).toBe(false);
    expect(standardAccepts({ ...delivery, rawBody: tampered }, endpoint.secret)).toBe(false);
    const restamped = {
      ...delivery,
      headers: { ...delivery.headers, 'webhook-timestamp': String(sentAtMs / 1000 + 1) },
    };
    expect(standardAccepts(restamped, endpoint.secret)).toBe(false);
    const otherId = { ...delivery, headers: { ...delivery.headers, 'webhook-id': 'we_other' } };
    expect(standardAccepts(otherId, endpoint.secret)).toBe(false);
    expect(standardAccepts(delivery, `whsec_${'a'.repeat(32)}`)).toBe(false);
    expect(
      standardAccepts(
        { ...delivery, headers: { ...delivery.headers, 'webhook-signature': undefined } },
        endpoint.secret,
      ),
    ).toBe(false);

    const body = JSON.parse(delivery.rawBody);
    expect(Object.keys(body)).toEqual(['id', 'type', 'createdAt', 'data']);
    expect(body).toMatchObject({
      id: expect.stringMatching(/^we_/),
      type: 'order.completed',
      data: { id: order.orderId, status: 'paid', amount: 2400, currency: 'gbp', eventId: DEMO_EVENT_ID },
    });
    expect(body.data.tickets.map((t: { id: string }) => t.id).sort()).toEqual(
      order.tickets.map((t) => t.id).sort(),
    );
    expect(delivery.headers['content-type']).toBe('application/json');
    expect(delivery.headers['entryrate-event-id']).toBe(body.id);
    expect(delivery.headers['webhook-id']).toBe(body.id);
    const sentAt = Number(delivery.headers['entryrate-timestamp']);
    expect(Math.abs(sentAt - Date.now() / 1000)).toBeLessThan(60);

    expect(await deliveriesOf(endpoint.id)).toEqual([
      expect.objectContaining({
        eventId: body.id,
        type: 'order.completed',
        status: 'delivered',
        attempts: 1,
        lastStatusCode: 200,
        lastError: null,
        nextAttemptAt: null,
        deliveredAt: expect.any(String),
      }),
    ]);
    await runWorker();
    expect(hook.received).toHaveLength(1);
    await client.delete(`/v1/webhook-endpoints/${endpoint.id}`);
  });
});

describe('order.refunded and scan.recorded', () => {
  it('go out once per refund and once per accepted scan, each with the object as the API answers it', async () => {
    const hook = await receiver();
    const endpoint = await createEndpoint(hook.url, ['order.refunded', 'scan.recorded']);
    const order = await buyOrder(stack, {
      eventId: DEMO_EVENT_ID,
      items: [{ tier: 'standard', quantity: 1 }],
    });

    const refund = await client.post(`/v1/orders/${order.orderId}/refund`, { amount: 500 });
    expect(refund.status, JSON.stringify(refund.body)).toBe(200);
    const ticket = order.tickets[0] as { id: string; qrPayload: string };
    const scan = await client.post('/v1/scans', { payload: ticket.qrPayload });
    expect(scan.body.valid).toBe(true);
    const again = await client.post('/v1/scans', { payload: ticket.qrPayload });
    expect(again.body).toMatchObject({ valid: false, reason: 'already_scanned' });
    // Stripe's charge.refunded for the same refund arrives too; it adds nothing, so it sends nothing.
    await new Promise((resolve) => setTimeout(resolve, 300));

    await runWorker();
    await hook.waitFor(2);
    const bodies = hook.received.map((d) => JSON.parse(d.rawBody));
    expect(bodies.map((b) => b.type).sort()).toEqual(['order.refunded', 'scan.recorded']);
    expect(bodies.find((b) => b.type === 'order.refunded').data).toMatchObject({
      id: order.orderId,
      status: 'partially_refunded',
      amountRefunded: 500,
    });
    expect(bodies.find((b) => b.type === 'scan.recorded').data).toMatchObject({
      valid: true,
      ticket: { id: ticket.id },
      scannedAt: scan.body.scannedAt,
    });
    for (const delivery of hook.received) expect(seedAccepts(delivery, endpoint.secret)).toBe(true);
    await runWorker();
    expect(hook.received).toHaveLength(2);
    await client.delete(`/v1/webhook-endpoints/${endpoint.id}`);
  });
});

describe('retries', () => {
  it('backs off after a 500, sends the same signed body again, and logs every attempt', async () => {
    const hook = await receiver((n) => (n <= 2 ? 500 : 204));
    const endpoint = await createEndpoint(hook.url, ['event.published']);
    await liveEvent(server.url);
    const clock = { now: new Date() };
    const worker = workerAt(clock);

    await worker.runOnce();
    expect(hook.received).toHaveLength(1);
    let [log] = await deliveriesOf(endpoint.id);
    expect(log).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500' });
    const firstWait = Date.parse(log.nextAttemptAt) - clock.now.getTime();
    expect(firstWait).toBeGreaterThanOrEqual(24_000);
    expect(firstWait).toBeLessThanOrEqual(36_000);

    clock.now = later(clock.now, 20_000);
    await worker.runOnce();
    expect(hook.received).toHaveLength(1);

    clock.now = new Date(Date.parse(log.nextAttemptAt));
    await worker.runOnce();
    expect(hook.received).toHaveLength(2);
    [log] = await deliveriesOf(endpoint.id);
    expect(log).toMatchObject({ status: 'pending', attempts: 2, lastStatusCode: 500 });
    const secondWait = Date.parse(log.nextAttemptAt) - clock.now.getTime();
    expect(secondWait).toBeGreaterThanOrEqual(96_000);
    expect(secondWait).toBeLessThanOrEqual(144_000);

    clock.now = new Date(Date.parse(log.nextAttemptAt));
    await worker.runOnce();
    expect(hook.received).toHaveLength(3);
    [log] = await deliveriesOf(endpoint.id);
    expect(log).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 204, nextAttemptAt: null });

    const bodies = new Set(hook.received.map((d) => d.rawBody));
    expect(bodies.size).toBe(1);
    expect(new Set(hook.received.map((d) => d.headers['entryrate-event-id'])).size).toBe(1);
    expect(new Set(hook.received.map((d) => d.headers['webhook-id'])).size).toBe(1);
    for (const delivery of hook.received) expect(seedAccepts(delivery, endpoint.secret)).toBe(true);
    // Each attempt is stamped and signed when it is sent (the worker's clock moved minutes between them).
    const stamps = hook.received.map((d) => Number(d.headers['webhook-timestamp']));
    expect(new Set(stamps).size).toBe(3);
    for (const delivery of hook.received) {
      const at = Number(delivery.headers['webhook-timestamp']) * 1000;
      expect(standardAccepts(delivery, endpoint.secret, at)).toBe(true);
    }
    await client.delete(`/v1/webhook-endpoints/${endpoint.id}`);
  });

  it('redelivers what a crashed worker had claimed once its lease runs out', async () => {
    const hook = await receiver();
    const endpoint = await createEndpoint(hook.url, ['event.published']);
    await liveEvent(server.url);
    const clock = { now: new Date() };

    // A worker claims the delivery and its process dies mid-delivery: nothing is sent or recorded.
    const { db, payments, logger } = server.app.deps;
    const dying = createWorker({
      db,
      payments,
      logger,
      now: () => clock.now,
      sendWebhook: () => Promise.reject(new Error('killed mid-delivery')),
    });
    await expect(dying.runOnce()).rejects.toThrow('killed mid-delivery');
    expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ status: 'delivering', attempts: 1 });
    const held = await server.db
      .selectFrom('webhook_deliveries')
      .select(['event_id', 'lease_token'])
      .where('endpoint_id', '=', endpoint.id)
      .executeTakeFirstOrThrow();

    const worker = workerAt(clock);
    await worker.runOnce();
    expect(hook.received).toHaveLength(0);

    clock.now = later(clock.now, LEASE_MS + 1_000);
    await worker.runOnce();
    await hook.waitFor(1);
    expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ status: 'delivered', attempts: 2 });

    // Had the dying worker lived to record its answer, it would no longer count: its lease was taken over.
    const claim = { eventId: held.event_id, endpointId: endpoint.id, leaseToken: held.lease_token as string };
    const stale = await recordAttempt(server.db, claim as ClaimedDelivery, {
      status: 'pending',
      at: clock.now,
      nextAttemptAt: later(clock.now, 30_000),
      statusCode: null,
      error: 'crashed',
    });
    expect(stale).toBe(false);
    expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ status: 'delivered' });
    await client.delete(`/v1/webhook-endpoints/${endpoint.id}`);
  });

  it('gives up after 3 days and disables an endpoint whose deliveries all failed, saying why', async () => {
    const down = await receiver(() => 503);
    const up = await receiver(() => 200);
    const failing = await createEndpoint(down.url, ['*']);
    const healthy = await createEndpoint(up.url, ['*']);
    await liveEvent(server.url);
    const start = new Date();
    const clock = { now: start };
    const worker = workerAt(clock);

    const attemptsAt: number[] = [];
    for (let i = 0; i < 40; i++) {
      await worker.runOnce();
      const [log] = await deliveriesOf(failing.id);
      if (log.status === 'failed') break;
      attemptsAt.push(clock.now.getTime() - start.getTime());
      clock.now = new Date(Date.parse(log.nextAttemptAt));
    }
    const [last] = await deliveriesOf(failing.id);
    expect(last).toMatchObject({ status: 'failed', lastStatusCode: 503, nextAttemptAt: null });
    expect(down.received.length).toBe(last.attempts);
    expect(last.attempts).toBeGreaterThanOrEqual(10);
    expect(last.attempts).toBeLessThanOrEqual(14);
    // Retried over three days, each wait at least as long as the one before (give or take jitter).
    expect(clock.now.getTime() - start.getTime()).toBeGreaterThanOrEqual(RETRY_FOR_MS - 60_000);
    expect(attemptsAt[1]).toBeLessThan(60_000);
    expect(attemptsAt.at(-1)).toBeGreaterThan(48 * 3_600_000);

    const endpoints = (await client.get('/v1/webhook-endpoints')).body.data as any[];
    const disabled = endpoints.find((e) => e.id === failing.id);
    expect(disabled).toMatchObject({ status: 'disabled', disabledAt: expect.any(String) });
    expect(disabled.disabledReason).toMatch(/No delivery has succeeded since \d{4}-\d\d-\d\dT/);
    expect(disabled.disabledReason).toContain('failed for 3 days');
    expect(endpoints.find((e) => e.id === healthy.id)).toMatchObject({ status: 'enabled' });

    // A disabled endpoint gets nothing new; the healthy one still does.
    await liveEvent(server.url);
    await worker.runOnce();
    expect(await deliveriesOf(failing.id)).toHaveLength(1);
    expect(await deliveriesOf(healthy.id)).toHaveLength(2);
    expect(up.received).toHaveLength(2);
    await client.delete(`/v1/webhook-endpoints/${failing.id}`);
    await client.delete(`/v1/webhook-endpoints/${healthy.id}`);
  });
});

describe('test and live endpoints', () => {
  let live: TestServer;
  beforeAll(async () => {
    // Real-looking Stripe keys, so live keys are allowed; nothing here calls Stripe.
    live = await startTestServer({
      env: {
        STRIPE_SECRET_KEY: 'sk_live_x',
        STRIPE_PUBLISHABLE_KEY: 'pk_live_x',
        STRIPE_WEBHOOK_SECRET: 'whsec_x',
      },
    });
  });
  afterAll(() => live?.stop());

  it("never see each other's endpoints or events, and live ones must be public https", async () => {
    const liveClient = api(live.url);
    const promoter = await newPromoter(live, 'Two modes');
    // Off the stripe-sim neither mode may register this machine (webhooks-ssrf.int.test.ts has the
    // rules); the test-mode endpoint is written straight to the database, on loopback, so that the
    // event queued for it below is never sent anywhere else.
    for (const key of [promoter.testKey, promoter.liveKey]) {
      for (const url of ['http://127.0.0.1:9/hook', 'http://localhost:9/hook', 'https://10.0.0.8/hook']) {
        const refused = await liveClient.post(
          '/v1/webhook-endpoints',
          { url, events: ['payout.paid'] },
          { key },
        );
        expect(refused.status, url).toBe(400);
        expect(refused.body.error.param).toBe('url');
      }
    }
    const testHook = { body: { id: newId('wh') } };
    await insertEndpoint(live.db, {
      id: testHook.body.id,
      promoter_id: promoter.promoterId,
      mode: 'test',
      url: 'http://127.0.0.1:9/hook',
      events: ['*'],
      secret: 'whsec_0123456789abcdefghijklmnopqrstuv',
    });
    const liveHook = await liveClient.post(
      '/v1/webhook-endpoints',
      { url: 'https://hooks.example.com/live', events: ['payout.paid'] },
      { key: promoter.liveKey },
    );
    expect(liveHook.status).toBe(201);

    const seenByLive = await liveClient.get('/v1/webhook-endpoints', { key: promoter.liveKey });
    expect(seenByLive.body.data.map((e: { id: string }) => e.id)).toEqual([liveHook.body.id]);
    for (const res of [
      await liveClient.get(`/v1/webhook-endpoints/${testHook.body.id}/deliveries`, { key: promoter.liveKey }),
      await liveClient.delete(`/v1/webhook-endpoints/${testHook.body.id}`, { key: promoter.liveKey }),
      await liveClient.get(`/v1/webhook-endpoints/${liveHook.body.id}/deliveries`, { key: promoter.testKey }),
    ]) {
      expect(res.status).toBe(404);
    }

    // A test-mode event is queued for the test endpoint only.
    const venue = await liveClient.post(
      '/v1/venues',
      { name: 'Hall', city: 'Bristol', timezone: 'Europe/London' },
      { key: promoter.testKey },
    );
    await liveEvent(live.url, { key: promoter.testKey, venueId: venue.body.id });
    const testLog = await liveClient.get(`/v1/webhook-endpoints/${testHook.body.id}/deliveries`, {
      key: promoter.testKey,
    });
    const liveLog = await liveClient.get(`/v1/webhook-endpoints/${liveHook.body.id}/deliveries`, {
      key: promoter.liveKey,
    });
    expect(testLog.body.data.map((d: { type: string }) => d.type)).toEqual(['event.published']);
    expect(liveLog.body.data).toEqual([]);
  });
});
