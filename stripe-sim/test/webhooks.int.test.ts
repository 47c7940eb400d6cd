import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { type SimFixture, startSim } from './sim-fixture.ts';
import { startReceiver } from './webhook-receiver.ts';

const SECRET = 'whsec_test_entryrate';
const verifier = new Stripe('sk_test_verifier');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A sim that posts its events to a fresh receiver answering with `respond(n)`. */
async function simWithReceiver(
  respond?: (n: number) => number,
): Promise<SimFixture & { receiver: Awaited<ReturnType<typeof startReceiver>> }> {
  const receiver = await startReceiver(respond);
  cleanups.push(receiver.stop);
  const fx = await startSim({ webhook: { url: receiver.url, secret: SECRET } });
  cleanups.push(() => fx.sim.stop());
  return { ...fx, receiver };
}

function eventOf(rawBody: string): Stripe.Event {
  return JSON.parse(rawBody) as Stripe.Event;
}

describe('webhooks', () => {
  it('posts payment_intent.succeeded signed so that stripe.webhooks.constructEvent verifies it', async () => {
    const { stripe, receiver } = await simWithReceiver();
    const pi = await stripe.paymentIntents.create({
      amount: 2400,
      currency: 'gbp',
      metadata: { sessionId: 'cs_1' },
    });
    await stripe.paymentIntents.confirm(
      pi.id,
      { payment_method: 'pm_card_visa' },
      { idempotencyKey: 'confirm-1' },
    );
    await receiver.waitFor(2);

    const delivery = receiver.received[1];
    if (!delivery) throw new Error('no second delivery');
    const event = verifier.webhooks.constructEvent(
      delivery.rawBody,
      String(delivery.headers['stripe-signature']),
      SECRET,
    );
    expect(event).toMatchObject({
      object: 'event',
      type: 'payment_intent.succeeded',
      livemode: false,
      api_version: Stripe.API_VERSION,
      pending_webhooks: 1,
      request: { idempotency_key: 'confirm-1' },
      data: {
        object: { id: pi.id, status: 'succeeded', amount_received: 2400, metadata: { sessionId: 'cs_1' } },
      },
    });
    expect(event.id).toMatch(/^evt_\w+$/);
    expect(event.request?.id).toMatch(/^req_\w+$/);
    expect(delivery.headers['content-type']).toMatch(/^application\/json/);
  });

  it('signs with the secret: another secret or a changed body does not verify', async () => {
    const { stripe, receiver } = await simWithReceiver();
    await stripe.paymentIntents.create({ amount: 2400, currency: 'gbp' });
    await receiver.waitFor(1);
    const delivery = receiver.received[0];
    if (!delivery) throw new Error('no delivery');
    const header = String(delivery.headers['stripe-signature']);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(() => verifier.webhooks.constructEvent(delivery.rawBody, header, 'whsec_other')).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    const tampered = delivery.rawBody.replace('"amount": 2400', '"amount": 1');
    expect(tampered).not.toBe(delivery.rawBody);
    expect(() => verifier.webhooks.constructEvent(tampered, header, SECRET)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
  });

  it('sends one event per state change, in order for each PaymentIntent', async () => {
    const { stripe, receiver } = await simWithReceiver();
    const pi = await stripe.paymentIntents.create({ amount: 2400, currency: 'gbp' });
    await stripe.paymentIntents
      .confirm(pi.id, { payment_method: 'pm_card_chargeDeclined' })
      .catch(() => undefined);
    await stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' });
    const other = await stripe.paymentIntents.create({ amount: 1000, currency: 'gbp' });
    await stripe.paymentIntents.cancel(other.id);
    await receiver.waitFor(5);

    const types = (id: string) =>
      receiver.received
        .map((d) => eventOf(d.rawBody))
        .filter((e) => (e.data.object as { id: string }).id === id)
        .map((e) => e.type);
    expect(types(pi.id)).toEqual([
      'payment_intent.created',
      'payment_intent.payment_failed',
      'payment_intent.succeeded',
    ]);
    expect(types(other.id)).toEqual(['payment_intent.created', 'payment_intent.canceled']);
    const failed = receiver.received
      .map((d) => eventOf(d.rawBody))
      .find((e) => e.type === 'payment_intent.payment_failed');
    expect(failed?.data.object).toMatchObject({ last_payment_error: { decline_code: 'generic_decline' } });
  });
});
