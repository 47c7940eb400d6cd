import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { type SimFixture, simCall, startSim } from './sim-fixture.ts';
import { startReceiver } from './webhook-receiver.ts';

const SECRET = 'whsec_test_entryrate';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function simWithReceiver(respond?: (n: number, rawBody: string) => number) {
  const receiver = await startReceiver(respond);
  cleanups.push(receiver.stop);
  const fx: SimFixture = await startSim({ webhook: { url: receiver.url, secret: SECRET } });
  cleanups.push(() => fx.sim.stop());
  return { ...fx, receiver };
}

const eventOf = (rawBody: string) => JSON.parse(rawBody) as Stripe.Event;

describe('webhook retries on the sim clock', () => {
  it("retries a refused delivery a minute on, without holding back the PaymentIntent's next event", async () => {
    const { stripe, receiver, sim, lines } = await simWithReceiver((n) => (n === 1 ? 500 : 200));
    const pi = await stripe.paymentIntents.create({
      amount: 2400,
      currency: 'gbp',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    await receiver.waitFor(2);
    await sim.clock.advance(0); // the sim has read both answers
    expect(receiver.received.map((d) => eventOf(d.rawBody).type)).toEqual([
      'payment_intent.created',
      'payment_intent.succeeded',
    ]);
    const [refused] = sim.webhookDeliveries().filter((d) => d.status === 'pending');
    expect(refused).toMatchObject({
      type: 'payment_intent.created',
      about: pi.id,
      attempts: 1,
      last_result: '500',
    });
    expect(refused?.next_attempt_at).toBe((refused?.created ?? 0) + 60);
    expect(lines.some((line) => /attempt 1: 500; next attempt at \S+, 1m after the event/.test(line))).toBe(
      true,
    );

    expect((await sim.clock.advance(50_000)).webhooks).toMatchObject({ attempted: 0, pending: 1 });
    expect(receiver.received).toHaveLength(2);
    expect((await sim.clock.advance(10_000)).webhooks).toEqual({
      attempted: 1,
      delivered: 1,
      failed: 0,
      given_up: 0,
      pending: 0,
    });
    expect(receiver.received).toHaveLength(3);
    expect(receiver.received[2]?.rawBody).toBe(receiver.received[0]?.rawBody);
    expect(sim.webhookDeliveries().map((d) => [d.type, d.status, d.attempts])).toEqual([
      ['payment_intent.succeeded', 'delivered', 1],
      ['payment_intent.created', 'delivered', 2],
    ]);
  });

  it('retries when the endpoint is not up yet, to the endpoint set since', async () => {
    const fx = await startSim({ webhook: { url: 'http://127.0.0.1:1/nobody-here', secret: SECRET } });
    cleanups.push(() => fx.sim.stop());
    await fx.stripe.paymentIntents.create({ amount: 2400, currency: 'gbp' });
    await fx.sim.clock.advance(0); // waits for the first attempt
    expect(fx.lines.some((line) => /attempt 1: ECONNREFUSED/.test(line))).toBe(true);
    const receiver = await startReceiver();
    cleanups.push(receiver.stop);
    fx.sim.setWebhook({ url: receiver.url, secret: SECRET });
    expect((await fx.sim.clock.advance(MINUTE)).webhooks).toMatchObject({ delivered: 1, pending: 0 });
    expect(eventOf(receiver.received[0]?.rawBody ?? '{}').type).toBe('payment_intent.created');
  });

  it('tries 12 times and gives up 3 days after the event, catching up on attempts the clock skipped', async () => {
    const { stripe, receiver, sim, lines } = await simWithReceiver(() => 503);
    await stripe.paymentIntents.create({ amount: 2400, currency: 'gbp' });
    await sim.clock.advance(0);

    const almost = await sim.clock.advance(72 * HOUR - MINUTE);
    expect(almost.webhooks).toEqual({ attempted: 10, delivered: 0, failed: 10, given_up: 0, pending: 1 });
    const [owed] = sim.webhookDeliveries();
    expect(owed).toMatchObject({ status: 'pending', attempts: 11, last_result: '503' });
    expect(owed?.next_attempt_at).toBe((owed?.created ?? 0) + 72 * 3600);

    const last = await sim.clock.advance(MINUTE);
    expect(last.webhooks).toEqual({ attempted: 1, delivered: 0, failed: 0, given_up: 1, pending: 0 });
    expect(sim.webhookDeliveries()[0]).toMatchObject({
      status: 'given_up',
      attempts: 12,
      next_attempt_at: null,
    });
    expect(receiver.received).toHaveLength(12);
    expect(lines.some((line) => /attempt 12: 503; giving up/.test(line))).toBe(true);
    expect((await sim.clock.advance(24 * HOUR)).webhooks.attempted).toBe(0);
  });

  it('stamps objects and events with the sim clock, and signs with real time so receivers verify', async () => {
    const { stripe, receiver, sim } = await simWithReceiver();
    const advanced = await sim.clock.advance(24 * HOUR);
    expect(Date.parse(advanced.now_iso)).toBeGreaterThanOrEqual(Date.now() + 24 * HOUR - 1000);
    const pi = await stripe.paymentIntents.create({ amount: 2400, currency: 'gbp' });
    expect(pi.created).toBeGreaterThanOrEqual(Math.floor((Date.now() + 24 * HOUR) / 1000) - 2);
    await receiver.waitFor(1);
    const delivery = receiver.received[0];
    const event = new Stripe('sk_test_verifier').webhooks.constructEvent(
      delivery?.rawBody ?? '',
      String(delivery?.headers['stripe-signature']),
      SECRET,
    );
    expect(event.created).toBe(pi.created);
  });

  it('stops promptly with retries owed, and sends nothing after', async () => {
    const { stripe, receiver, sim } = await simWithReceiver(() => 503);
    await stripe.paymentIntents.create({ amount: 2400, currency: 'gbp' });
    await sim.clock.advance(0);
    const started = Date.now();
    await sim.stop();
    expect(Date.now() - started).toBeLessThan(500);
    await sim.clock.advance(HOUR);
    expect(receiver.received).toHaveLength(1);
  });
});

describe('the clock and webhook routes', () => {
  it('POST /v1/stripe_sim/clock/advance moves the clock by `seconds` and answers what the retries did', async () => {
    const { stripe, sim } = await simWithReceiver((n) => (n === 1 ? 503 : 200));
    await stripe.paymentIntents.create({ amount: 2400, currency: 'gbp' });
    await sim.clock.advance(0);

    const before = await simCall(sim.url, 'GET', '/v1/stripe_sim/clock');
    expect(before).toMatchObject({ status: 200, body: { object: 'stripe_sim.clock', offset: 0 } });
    const res = await simCall(sim.url, 'POST', '/v1/stripe_sim/clock/advance', { seconds: '90' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      object: 'stripe_sim.clock',
      offset: 90,
      webhooks: { attempted: 1, delivered: 1, failed: 0, given_up: 0, pending: 0 },
    });
    expect(res.body.now).toBeGreaterThanOrEqual(before.body.now + 90);
    expect(Math.floor(Date.parse(res.body.now_iso) / 1000)).toBe(res.body.now);
  });

  it('GET /v1/stripe_sim/webhooks lists deliveries newest first, `status=pending` what is still owed', async () => {
    const { stripe, sim } = await simWithReceiver((_n, raw) =>
      (eventOf(raw).data.object as { metadata?: Record<string, string> }).metadata?.refuse ? 503 : 200,
    );
    const owed = await stripe.paymentIntents.create({
      amount: 2400,
      currency: 'gbp',
      metadata: { refuse: 'y' },
    });
    await stripe.paymentIntents.cancel(owed.id);
    await stripe.paymentIntents.create({ amount: 1000, currency: 'gbp' });
    await sim.clock.advance(0);

    const all = await simCall(sim.url, 'GET', '/v1/stripe_sim/webhooks', { limit: '100' });
    expect(all.body).toMatchObject({ object: 'list', url: '/v1/stripe_sim/webhooks', has_more: false });
    expect(all.body.data.map((d: { status: string }) => d.status)).toEqual([
      'delivered',
      'pending',
      'pending',
    ]);
    const pending = await simCall(sim.url, 'GET', '/v1/stripe_sim/webhooks', { status: 'pending' });
    expect(pending.body.data).toHaveLength(2);
    expect(pending.body.data[0]).toEqual({
      id: expect.stringMatching(/^evt_/),
      object: 'stripe_sim.webhook_delivery',
      type: 'payment_intent.canceled',
      about: owed.id,
      status: 'pending',
      attempts: 1,
      created: expect.any(Number),
      last_attempt_at: expect.any(Number),
      last_result: '503',
      next_attempt_at: pending.body.data[0].created + 60,
    });
    expect((await stripe.events.retrieve(pending.body.data[0].id)).type).toBe('payment_intent.canceled');
  });

  it('refuses what Stripe would: a bad `seconds`, an unknown parameter, a publishable key', async () => {
    const { sim } = await simWithReceiver();
    const advance = (params: Record<string, string>, key?: string) =>
      simCall(sim.url, 'POST', '/v1/stripe_sim/clock/advance', params, key);
    expect((await advance({})).body.error).toMatchObject({ code: 'parameter_missing', param: 'seconds' });
    expect((await advance({ seconds: '-5' })).body.error).toMatchObject({ param: 'seconds' });
    expect((await advance({ seconds: '1.5' })).body.error).toMatchObject({ param: 'seconds' });
    expect((await advance({ seconds: '1', minutes: '2' })).body.error.code).toBe('parameter_unknown');
    expect((await advance({ seconds: '1' }, 'pk_test_entryrate')).status).toBe(401);
    const list = await simCall(sim.url, 'GET', '/v1/stripe_sim/webhooks', { status: 'lost' });
    expect(list.body.error).toMatchObject({ param: 'status' });
    expect(sim.clock.offsetMs).toBe(0);
  });
});
