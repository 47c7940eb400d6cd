import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver } from '../../stripe-sim/test/webhook-receiver.ts';
import { createWorker } from '../src/jobs/worker.ts';
import { newId } from '../src/lib/ids.ts';
import { createWebhookSender } from '../src/webhooks/webhooks.sender.ts';
import { insertEndpoint } from '../src/webhooks/webhooks.store.ts';
import { api } from './api.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { liveEvent } from './paid-orders.ts';
import { newPromoter } from './promoters.ts';

// A server that does not run against the stripe-sim (real-looking Stripe keys; nothing here calls
// Stripe), as in production: no webhook may reach this machine or its network, in either mode.
// No test here sends anything off this machine: endpoints at other addresses listen to `payout.paid`,
// which nothing here fires, and are deleted at once; what is delivered goes to local receivers.
let server: TestServer;
let client: ReturnType<typeof api>;
let promoter: { promoterId: string; testKey: string; liveKey: string };
let venueId: string;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  server = await startTestServer({
    env: {
      STRIPE_SECRET_KEY: 'sk_live_x',
      STRIPE_PUBLISHABLE_KEY: 'pk_live_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
    },
  });
  client = api(server.url);
  promoter = await newPromoter(server, 'SSRF');
  const venue = await client.post(
    '/v1/venues',
    { name: 'Hall', city: 'Bristol', timezone: 'Europe/London' },
    { key: promoter.testKey },
  );
  venueId = venue.body.id;
});
afterAll(() => server?.stop());
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function receiver() {
  const started = await startReceiver();
  cleanups.push(started.stop);
  return started;
}

const deliveriesOf = async (endpointId: string) =>
  (await client.get(`/v1/webhook-endpoints/${endpointId}/deliveries`, { key: promoter.testKey })).body
    .data as any[];

/** Registers `url` for an event nothing here fires, and deletes it at once if it was accepted. */
async function tryRegister(url: string, key: string) {
  const res = await client.post('/v1/webhook-endpoints', { url, events: ['payout.paid'] }, { key });
  if (res.status === 201) await client.delete(`/v1/webhook-endpoints/${res.body.id}`, { key });
  return res;
}

/** A test-mode endpoint written straight to the database, as one registered before these rules was. */
async function storedEndpoint(url: string) {
  const id = newId('wh');
  await insertEndpoint(server.db, {
    id,
    promoter_id: promoter.promoterId,
    mode: 'test',
    url,
    events: ['event.published'],
    secret: 'whsec_0123456789abcdefghijklmnopqrstuv',
  });
  cleanups.push(async () => {
    await client.delete(`/v1/webhook-endpoints/${id}`, { key: promoter.testKey });
  });
  return id;
}

describe('webhook endpoint URLs', () => {
  it('are refused at registration when they name this machine, a private network or a special address', async () => {
    for (const key of [promoter.testKey, promoter.liveKey]) {
      for (const url of [
        'http://127.0.0.1:9/hook',
        'https://127.0.0.1/hook',
        'http://localhost:9/hook',
        'https://localhost/hook',
        'https://app.localhost/hook',
        'https://[::1]/hook',
        'https://[::ffff:127.0.0.1]/hook',
        'https://2130706433/hook',
        'https://0x7f.1/hook',
        'https://0/hook',
        'https://169.254.169.254/latest/meta-data/',
        'https://10.0.0.1/',
        'https://172.16.5.4/',
        'https://192.168.1.1/',
        'https://100.64.0.1/',
        'https://192.0.2.1/',
        'https://[fd00::1]/',
        'https://[fe80::1]/',
        'https://[64:ff9b::a00:1]/',
        'https://[2002:a00:1::]/',
        'https://user:pass@hooks.example.com/',
        'https://user@hooks.example.com/',
      ]) {
        const res = await tryRegister(url, key);
        expect(res.status, `${url} ${key.slice(0, 8)}`).toBe(400);
        expect(res.body.error).toMatchObject({ code: 'request.invalid', param: 'url' });
      }
      expect((await client.get('/v1/webhook-endpoints', { key })).body.data).toEqual([]);
    }
    const res = await tryRegister('https://10.0.0.1/', promoter.testKey);
    expect(res.body.error.message).toContain('10.0.0.1 is private');
    const credentials = await tryRegister('https://user:pass@hooks.example.com/', promoter.liveKey);
    expect(credentials.body.error.message).toContain('user name or password');
  });

  it('are accepted on the public internet, by name or by address', async () => {
    for (const key of [promoter.testKey, promoter.liveKey]) {
      for (const url of ['https://hooks.example.com/entryrate', 'https://93.184.216.34/hook']) {
        expect((await tryRegister(url, key)).status, url).toBe(201);
      }
    }
  });
});

describe('delivery off the stripe-sim', () => {
  it('refuses, in test mode too, an endpoint on this machine, by address or by name resolved at connect time', async () => {
    const hook = await receiver();
    const port = new URL(hook.url).port;
    const byAddress = await storedEndpoint(hook.url);
    const mapped = await storedEndpoint(`http://[::ffff:127.0.0.1]:${port}/hook`);
    const byName = await storedEndpoint(`http://localhost:${port}/hook`);
    await liveEvent(server.url, { key: promoter.testKey, venueId });

    const pass = await server.app.worker.runOnce();
    expect(pass.webhooks).toMatchObject({ delivered: 0, retrying: 3 });
    expect(hook.received).toHaveLength(0);
    for (const [id, error] of [
      [byAddress, 'refused: address 127.0.0.1 is loopback'],
      [mapped, 'refused: address ::ffff:7f00:1 is loopback'],
      [byName, 'refused: no public address for localhost'],
    ] as const) {
      expect((await deliveriesOf(id))[0], id).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastStatusCode: null,
        lastError: error,
      });
    }
  });

  it('refuses a name that was fine at registration once it resolves to this machine (DNS rebinding)', async () => {
    const hook = await receiver();
    const port = new URL(hook.url).port;
    // Names are not resolved at registration; what counts is where they point when we connect.
    const created = await client.post(
      '/v1/webhook-endpoints',
      { url: `https://hooks.rebind.test:${port}/hook`, events: ['event.published'] },
      { key: promoter.testKey },
    );
    expect(created.status).toBe(201);
    cleanups.push(async () => {
      await client.delete(`/v1/webhook-endpoints/${created.body.id}`, { key: promoter.testKey });
    });
    await liveEvent(server.url, { key: promoter.testKey, venueId });

    // The worker as createApp wires it off the stripe-sim, with a resolver that now says 127.0.0.1.
    const asked: string[] = [];
    const { db, payments, logger } = server.app.deps;
    const worker = createWorker({
      db,
      payments,
      logger,
      sendWebhook: createWebhookSender({
        allowLoopback: false,
        resolve: async (hostname) => {
          asked.push(hostname);
          return [{ address: '127.0.0.1', family: 4 }];
        },
      }),
    });
    await worker.runOnce();
    expect(asked).toEqual(['hooks.rebind.test']);
    expect(hook.received).toHaveLength(0);
    expect((await deliveriesOf(created.body.id))[0]).toMatchObject({
      status: 'pending',
      lastStatusCode: null,
      lastError: 'refused: no public address for hooks.rebind.test',
    });
  });
});
