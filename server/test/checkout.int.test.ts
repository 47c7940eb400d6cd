import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_STRIPE_KEYS } from '../src/config.ts';
import { DEMO_EVENT_ID } from '../src/demo/seed.ts';
import { api } from './api.ts';
import { buyerOf } from './buyer.ts';
import type { TestServer } from './harness.ts';
import { type PaidStack, startPaidStack } from './stripe-fixture.ts';

let stack: PaidStack;
let server: TestServer;
let buyer: ReturnType<typeof api>;
let shopper: ReturnType<typeof buyerOf>;
let stripe: Stripe;
let tiers: { id: string; slug: string; available: number }[];

beforeAll(async () => {
  stack = await startPaidStack();
  ({ server, stripe } = stack);
  buyer = api(server.url);
  shopper = buyerOf(server.url);
  tiers = (await buyer.get(`/v1/widget/events/${DEMO_EVENT_ID}`, { key: null })).body.tiers;
});
afterAll(() => stack?.stop());

const tier = (slug: string) => {
  const found = tiers.find((t) => t.slug === slug);
  if (!found) throw new Error(`no tier ${slug}`);
  return found;
};
const available = async (slug: string) =>
  (await buyer.get(`/v1/widget/events/${DEMO_EVENT_ID}`, { key: null })).body.tiers.find(
    (t: { slug: string }) => t.slug === slug,
  ).available as number;

const openSession = (quantity: number, slug = 'early-bird', idempotencyKey?: string) =>
  shopper.openSession(DEMO_EVENT_ID, [{ tierId: tier(slug).id, quantity }], idempotencyKey);
const waitForStatus = (session: { id: string; clientSecret: string }, status: string) =>
  shopper.waitFor(session, (s) => s.status === status);

describe('public widget event', () => {
  it('serves a live event with availability, payment config and server time, to any origin', async () => {
    const res = await fetch(`${server.url}/v1/widget/events/${DEMO_EVENT_ID}`, {
      headers: { Origin: 'https://promoter.example' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await res.json()) as any;
    expect(body.event).toMatchObject({
      title: 'Mura Masa · UK tour',
      venue: { name: 'Strange Brew', city: 'Bristol', timezone: 'Europe/London' },
    });
    expect(body.tiers.map((t: { name: string; price: number }) => [t.name, t.price])).toEqual([
      ['Early bird', 1200],
      ['Standard', 1800],
    ]);
    expect(body.payments).toMatchObject({
      provider: 'stripe',
      publishableKey: expect.stringMatching(/^pk_test_/),
    });
    expect(Math.abs(Date.parse(body.serverTime) - Date.now())).toBeLessThan(60_000);
  });

  it('serves widget.js gzipped to any origin, and never caches availability in the browser', async () => {
    const script = await fetch(`${server.url}/widget.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(script.status).toBe(200);
    expect(script.headers.get('content-encoding')).toBe('gzip');
    expect(script.headers.get('access-control-allow-origin')).toBe('*');
    expect(await script.text()).toContain('EntryRate');
    const event = await fetch(`${server.url}/v1/widget/events/${DEMO_EVENT_ID}`);
    expect(event.headers.get('cache-control')).toContain('max-age=0');
  });

  it('keeps CORS off the promoter API', async () => {
    const res = await fetch(`${server.url}/v1/events/${DEMO_EVENT_ID}`, {
      headers: { Origin: 'https://x.example' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('checkout sessions', () => {
  it('holds seats at creation and names the hold expiry', async () => {
    const before = await available('standard');
    const res = await openSession(3, 'standard');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'open', amountTotal: 5400, currency: 'gbp', orderId: null });
    const minutes = (Date.parse(res.body.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    expect(await available('standard')).toBe(before - 3);
  });

  it('accepts a tier slug instead of an id', async () => {
    const res = await buyer.post(
      '/v1/checkout/sessions',
      {
        eventId: DEMO_EVENT_ID,
        items: [{ tier: 'standard', quantity: 1 }],
        customerEmail: 'slug@example.com',
      },
      { key: null },
    );
    expect(res.status).toBe(201);
    expect(res.body.items[0].tierId).toBe(tier('standard').id);
  });

  it('replays a retried creation instead of holding twice', async () => {
    const before = await available('standard');
    const first = await openSession(2, 'standard', 'widget-key-1');
    const retry = await openSession(2, 'standard', 'widget-key-1');
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await available('standard')).toBe(before - 2);
  });

  it('caps a tier at its per-order limit, naming the quantity', async () => {
    const huge = await buyer.post(
      '/v1/checkout/sessions',
      { eventId: DEMO_EVENT_ID, items: [{ tier: 'standard', quantity: 11 }], customerEmail: 'a@example.com' },
      { key: null },
    );
    expect(huge.status).toBe(400);
    expect(huge.body.error.param).toBe('items[0].quantity');
  });

  it('never holds more seats than a tier has, under concurrent buyers', async () => {
    const created = await buyer.post('/v1/events', {
      title: 'Tiny room',
      venueId: 'vn_strange_brew',
      doors: '2031-01-01T20:00:00Z',
      tiers: [{ name: 'Only', price: 500, stock: 10 }],
    });
    await buyer.post(`/v1/events/${created.body.id}/publish`, {});
    const tierId = created.body.tiers[0].id;
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        buyer.post(
          '/v1/checkout/sessions',
          { eventId: created.body.id, items: [{ tierId, quantity: 1 }], customerEmail: 'rush@example.com' },
          { key: null },
        ),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(30);
    const oversold = results.find((r) => r.status === 409);
    expect(oversold?.body.error).toMatchObject({
      code: 'event.tier_oversold',
      message: "Tier 'Only' has 0 left.",
    });
    const event = await buyer.get(`/v1/events/${created.body.id}`);
    expect(event.body.tiers[0].available).toBe(0);
  });

  it('shows a session only to its owner or a holder of its client secret', async () => {
    const { body: session } = await openSession(1);
    const wrong = await buyer.get(`/v1/checkout/sessions/${session.id}?clientSecret=nope`, { key: null });
    expect(wrong.status).toBe(404);
    const none = await buyer.get(`/v1/checkout/sessions/${session.id}`, { key: null });
    expect(none.status).toBe(404);
    const right = await buyer.get(
      `/v1/checkout/sessions/${session.id}?clientSecret=${session.clientSecret}`,
      {
        key: null,
      },
    );
    expect(right.body.id).toBe(session.id);
    const promoter = await buyer.get(`/v1/checkout/sessions/${session.id}`);
    expect(promoter.body.id).toBe(session.id);
  });

  it('rejects unknown events and tiers clearly', async () => {
    const noEvent = await buyer.post(
      '/v1/checkout/sessions',
      { eventId: 'evt_nope', items: [{ tier: 'x', quantity: 1 }], customerEmail: 'a@example.com' },
      { key: null },
    );
    expect(noEvent.status).toBe(404);
    expect(noEvent.body.error.code).toBe('event.not_found');
    const noTier = await buyer.post(
      '/v1/checkout/sessions',
      { eventId: DEMO_EVENT_ID, items: [{ tier: 'vip', quantity: 1 }], customerEmail: 'a@example.com' },
      { key: null },
    );
    expect(noTier.status).toBe(400);
    expect(noTier.body.error).toMatchObject({ code: 'event.tier_not_found', param: 'items[0].tier' });
    const noEmail = await buyer.post(
      '/v1/checkout/sessions',
      { eventId: DEMO_EVENT_ID, items: [{ tier: 'standard', quantity: 1 }], customerEmail: 'not-an-email' },
      { key: null },
    );
    expect(noEmail.status).toBe(400);
    expect(noEmail.body.error.param).toBe('customerEmail');
  });
});

describe('server-side sessions (the Eventop shape)', () => {
  it('lets a promoter backend create a session with return URLs and a hosted checkout url', async () => {
    const res = await buyer.post('/v1/checkout/sessions', {
      eventId: DEMO_EVENT_ID,
      items: [{ tier: 'standard', quantity: 2 }],
      customerEmail: 'backend@example.com',
      successUrl: 'https://strangebrew.example/thanks?session={CHECKOUT_SESSION_ID}',
      cancelUrl: 'https://strangebrew.example/tickets',
      idempotency_key: 'backend-order-42',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'open',
      successUrl: 'https://strangebrew.example/thanks?session={CHECKOUT_SESSION_ID}',
      cancelUrl: 'https://strangebrew.example/tickets',
    });
    expect(res.body.url).toBe(
      `${server.app.deps.config.publicUrl}/embed.html#session=${res.body.id}&secret=${res.body.clientSecret}`,
    );
    const page = await fetch(`${server.url}/embed.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self' http://localhost:");
    expect(policy).not.toContain('unsafe-inline');
  });

  it('keeps return URLs to secret-key callers', async () => {
    const res = await buyer.post(
      '/v1/checkout/sessions',
      {
        eventId: DEMO_EVENT_ID,
        items: [{ tier: 'standard', quantity: 1 }],
        customerEmail: 'x@example.com',
        successUrl: 'https://evil.example/',
      },
      { key: null },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.param).toBe('successUrl');
  });
});

describe('paying', () => {
  it('completes the session from Stripe’s webhook: seats sold, one order, one ticket per seat', async () => {
    const before = await available('early-bird');
    const { body: session } = await openSession(2);
    const pay = await shopper.startPayment(session);
    expect(pay.status).toBe(200);
    expect(pay.body.clientSecret).toMatch(/^pi_.+_secret_/);
    const again = await shopper.startPayment(session);
    expect(again.body.paymentIntentId).toBe(pay.body.paymentIntentId);

    const intent = await stripe.paymentIntents.retrieve(pay.body.paymentIntentId);
    expect(intent).toMatchObject({ amount: 2400, currency: 'gbp', metadata: { sessionId: session.id } });

    await stripe.paymentIntents.confirm(pay.body.paymentIntentId, { payment_method: 'pm_card_visa' });
    const done = await waitForStatus(session, 'complete');
    expect(done.order).toMatchObject({ id: done.orderId, amount: 2400, buyerEmail: 'buyer@example.com' });
    expect(done.order.tickets).toHaveLength(2);
    for (const ticket of done.order.tickets) {
      expect(ticket).toMatchObject({
        id: expect.stringMatching(/^tkt_/),
        tierId: tier('early-bird').id,
        status: 'valid',
      });
    }
    expect(await available('early-bird')).toBe(before - 2);
    const event = await buyer.get(`/v1/events/${DEMO_EVENT_ID}`);
    expect(event.body.tiers[0].sold).toBeGreaterThanOrEqual(2);
  });

  it('lets a declined buyer pay again in the same session and ends with exactly one order', async () => {
    const { body: session } = await openSession(1);
    const pay = await shopper.startPayment(session);
    await expect(
      stripe.paymentIntents.confirm(pay.body.paymentIntentId, { payment_method: 'pm_card_chargeDeclined' }),
    ).rejects.toMatchObject({ type: 'StripeCardError', code: 'card_declined' });
    const stillOpen = await buyer.get(
      `/v1/checkout/sessions/${session.id}?clientSecret=${session.clientSecret}`,
      {
        key: null,
      },
    );
    expect(stillOpen.body.status).toBe('open');

    const retry = await shopper.startPayment(session);
    expect(retry.body.paymentIntentId).toBe(pay.body.paymentIntentId);
    await stripe.paymentIntents.confirm(pay.body.paymentIntentId, { payment_method: 'pm_card_visa' });
    const done = await waitForStatus(session, 'complete');
    const orders = await server.db
      .selectFrom('orders')
      .select('id')
      .where('session_id', '=', session.id)
      .execute();
    expect(orders.map((o) => o.id)).toEqual([done.orderId]);
  });

  it('ignores a redelivered Stripe event', async () => {
    const { body: session } = await openSession(1, 'standard');
    const pay = await shopper.startPayment(session);
    const intent = await stripe.paymentIntents.confirm(pay.body.paymentIntentId, {
      payment_method: 'pm_card_visa',
    });
    await waitForStatus(session, 'complete');
    const soldBefore = (await buyer.get(`/v1/events/${DEMO_EVENT_ID}`)).body.tiers[1].sold;

    const payload = JSON.stringify({
      id: 'evt_redelivered_1',
      object: 'event',
      type: 'payment_intent.succeeded',
      data: { object: intent },
    });
    const header = stripe.webhooks.generateTestHeaderString({
      payload,
      secret: SIM_STRIPE_KEYS.webhookSecret,
    });
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${server.url}/v1/stripe/webhook`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Stripe-Signature': header },
        body: payload,
      });
      expect(res.status).toBe(200);
    }
    const tickets = await server.db
      .selectFrom('tickets')
      .innerJoin('orders', 'orders.id', 'tickets.order_id')
      .select('tickets.id')
      .where('orders.session_id', '=', session.id)
      .execute();
    expect(tickets).toHaveLength(1);
    expect((await buyer.get(`/v1/events/${DEMO_EVENT_ID}`)).body.tiers[1].sold).toBe(soldBefore);
  });

  it('rejects a webhook with a bad or stale signature and changes nothing', async () => {
    const { body: session } = await openSession(1, 'standard');
    const payload = JSON.stringify({
      id: 'evt_forged',
      object: 'event',
      type: 'payment_intent.succeeded',
      data: {
        object: { id: 'pi_forged', amount: 1800, currency: 'gbp', metadata: { sessionId: session.id } },
      },
    });
    const wrongSecret = stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_wrong' });
    // Signed with the right secret ten minutes ago: a replay, outside Stripe's five-minute tolerance.
    const stale = stripe.webhooks.generateTestHeaderString({
      payload,
      secret: SIM_STRIPE_KEYS.webhookSecret,
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    for (const signature of [wrongSecret, stale, 't=1,v1=nothex']) {
      const res = await fetch(`${server.url}/v1/stripe/webhook`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
        body: payload,
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).error.code).toBe('stripe.invalid_signature');
    }
    const after = await buyer.get(
      `/v1/checkout/sessions/${session.id}?clientSecret=${session.clientSecret}`,
      {
        key: null,
      },
    );
    expect(after.body.status).toBe('open');
  });
});
