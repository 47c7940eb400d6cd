import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { rejection, type SimFixture, startSim } from './sim-fixture.ts';
import { startReceiver } from './webhook-receiver.ts';

const SECRET = 'whsec_test_entryrate';
const verifier = new Stripe('sk_test_verifier');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function sim(options: Parameters<typeof startSim>[0] = {}): Promise<SimFixture> {
  const fx = await startSim(options);
  cleanups.push(() => fx.sim.stop());
  return fx;
}

/** A PaymentIntent paid in full with the test Visa: £24.00 for two tickets. */
async function paid(stripe: Stripe): Promise<Stripe.PaymentIntent> {
  return stripe.paymentIntents.create({
    amount: 2400,
    currency: 'gbp',
    metadata: { sessionId: 'cs_123' },
    description: '2 x Early bird',
    payment_method: 'pm_card_visa',
    confirm: true,
  });
}

function chargeId(pi: Stripe.PaymentIntent): string {
  if (typeof pi.latest_charge !== 'string') throw new Error(`${pi.id} has no charge`);
  return pi.latest_charge;
}

describe('the charge behind a PaymentIntent', () => {
  it('is a Charge that matches the payment, retrievable with a secret key', async () => {
    const { stripe } = await sim();
    const pi = await paid(stripe);
    const charge = await stripe.charges.retrieve(chargeId(pi));
    expect(charge).toMatchObject({
      id: pi.latest_charge,
      object: 'charge',
      amount: 2400,
      amount_captured: 2400,
      amount_refunded: 0,
      currency: 'gbp',
      paid: true,
      captured: true,
      refunded: false,
      status: 'succeeded',
      payment_intent: pi.id,
      payment_method: pi.payment_method,
      livemode: false,
      metadata: { sessionId: 'cs_123' },
      description: '2 x Early bird',
      payment_method_details: { type: 'card', card: { brand: 'visa', last4: '4242' } },
      outcome: { type: 'authorized', network_status: 'approved_by_network' },
    });
    expect(charge.refunds).toBeUndefined();
    expect(Math.abs(charge.created - pi.created)).toBeLessThan(5);
  });

  it('records a decline as a failed charge, named by last_payment_error', async () => {
    const { stripe } = await sim();
    const pi = await stripe.paymentIntents.create({ amount: 2400, currency: 'gbp' });
    await rejection(stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_chargeDeclined' }));
    const declined = await stripe.paymentIntents.retrieve(pi.id);
    const charge = await stripe.charges.retrieve(declined.last_payment_error?.charge ?? '');
    expect(charge).toMatchObject({
      id: declined.latest_charge,
      status: 'failed',
      paid: false,
      amount_captured: 0,
      failure_code: 'card_declined',
      outcome: { type: 'issuer_declined', reason: 'generic_decline' },
    });
  });

  it('answers an unknown charge with resource_missing and refuses a publishable key', async () => {
    const { stripe, sim: running } = await sim();
    const err = await rejection(stripe.charges.retrieve('ch_doesNotExist'));
    expect(err).toMatchObject({ statusCode: 404, code: 'resource_missing' });
    const browser = new Stripe('pk_test_entryrate', {
      host: '127.0.0.1',
      port: running.port,
      protocol: 'http',
    });
    const pi = await paid(stripe);
    const refused = await rejection(browser.charges.retrieve(chargeId(pi)));
    expect(refused).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });
});

describe('refunding a PaymentIntent', () => {
  it('refunds what is left by default, and the charge shows it', async () => {
    const { stripe } = await sim();
    const pi = await paid(stripe);
    const refund = await stripe.refunds.create({ payment_intent: pi.id });
    expect(refund).toMatchObject({
      object: 'refund',
      amount: 2400,
      currency: 'gbp',
      status: 'succeeded',
      payment_intent: pi.id,
      charge: pi.latest_charge,
      reason: null,
      metadata: {},
    });
    expect(refund.id).toMatch(/^re_\w+$/);

    const charge = await stripe.charges.retrieve(chargeId(pi));
    expect(charge).toMatchObject({ amount: 2400, amount_refunded: 2400, refunded: true, paid: true });
    expect(await stripe.refunds.retrieve(refund.id)).toMatchObject({
      id: refund.id,
      amount: 2400,
      charge: pi.latest_charge,
      status: 'succeeded',
    });
    // The PaymentIntent still records the payment, as on Stripe.
    expect(await stripe.paymentIntents.retrieve(pi.id)).toMatchObject({
      status: 'succeeded',
      amount_received: 2400,
    });
  });

  it('refunds part, then the rest, then refuses a third refund with charge_already_refunded', async () => {
    const { stripe } = await sim();
    const pi = await paid(stripe);
    const part = await stripe.refunds.create({
      payment_intent: pi.id,
      amount: 1000,
      reason: 'requested_by_customer',
      metadata: { orderId: 'ord_1' },
    });
    expect(part).toMatchObject({
      amount: 1000,
      reason: 'requested_by_customer',
      metadata: { orderId: 'ord_1' },
    });
    expect(await stripe.charges.retrieve(chargeId(pi))).toMatchObject({
      amount_refunded: 1000,
      refunded: false,
    });

    const rest = await stripe.refunds.create({ charge: chargeId(pi) });
    expect(rest).toMatchObject({ amount: 1400, payment_intent: pi.id });
    expect(await stripe.charges.retrieve(chargeId(pi))).toMatchObject({
      amount_refunded: 2400,
      refunded: true,
    });

    const again = await rejection(stripe.refunds.create({ payment_intent: pi.id }));
    expect(again).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(again).toMatchObject({
      statusCode: 400,
      code: 'charge_already_refunded',
      message: `Charge ${pi.latest_charge} has already been refunded.`,
    });

    const expanded = await stripe.charges.retrieve(chargeId(pi), { expand: ['refunds'] });
    expect(expanded.refunds?.data.map((r) => r.id)).toEqual([rest.id, part.id]);
  });

  it('refuses more than is left with amount_too_large, and changes nothing', async () => {
    const { stripe } = await sim();
    const pi = await paid(stripe);
    const tooMuch = await rejection(stripe.refunds.create({ payment_intent: pi.id, amount: 3000 }));
    expect(tooMuch).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(tooMuch).toMatchObject({
      statusCode: 400,
      code: 'amount_too_large',
      param: 'amount',
      message: 'Refund amount (£30.00) is greater than unrefunded amount on charge (£24.00)',
    });

    await stripe.refunds.create({ payment_intent: pi.id, amount: 1000 });
    const overRest = await rejection(stripe.refunds.create({ payment_intent: pi.id, amount: 1500 }));
    expect(overRest).toMatchObject({
      code: 'amount_too_large',
      message: 'Refund amount (£15.00) is greater than unrefunded amount on charge (£14.00)',
    });
    expect(await stripe.charges.retrieve(chargeId(pi))).toMatchObject({ amount_refunded: 1000 });
    expect((await stripe.refunds.list({ payment_intent: pi.id })).data).toHaveLength(1);
  });

  it('refuses a PaymentIntent that has not been paid, and a declined one', async () => {
    const { stripe } = await sim();
    const unpaid = await stripe.paymentIntents.create({ amount: 2400, currency: 'gbp' });
    const err = await rejection(stripe.refunds.create({ payment_intent: unpaid.id }));
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err).toMatchObject({
      statusCode: 400,
      message: `This PaymentIntent (${unpaid.id}) does not have a successful charge to refund.`,
    });

    await rejection(stripe.paymentIntents.confirm(unpaid.id, { payment_method: 'pm_card_chargeDeclined' }));
    const declined = await stripe.paymentIntents.retrieve(unpaid.id);
    expect(declined.latest_charge).toMatch(/^ch_/);
    const again = await rejection(stripe.refunds.create({ payment_intent: unpaid.id }));
    expect(again).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError' });
    const byCharge = await rejection(stripe.refunds.create({ charge: chargeId(declined) }));
    expect(byCharge).toMatchObject({ statusCode: 400, param: 'charge' });
  });

  it('refuses unknown objects, bad parameters and a publishable key as Stripe does', async () => {
    const { stripe, sim: running } = await sim();
    const pi = await paid(stripe);
    expect(await rejection(stripe.refunds.create({ payment_intent: 'pi_nope' }))).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      param: 'payment_intent',
    });
    expect(await rejection(stripe.refunds.create({}))).toMatchObject({
      code: 'parameter_missing',
      param: 'charge',
    });
    expect(
      await rejection(stripe.refunds.create({ payment_intent: pi.id, reason: 'changed_mind' })),
    ).toMatchObject({ statusCode: 400, param: 'reason' });
    expect(await rejection(stripe.refunds.create({ payment_intent: pi.id, amount: 0 }))).toMatchObject({
      statusCode: 400,
      param: 'amount',
    });
    expect(
      await rejection(stripe.refunds.create({ payment_intent: pi.id, colour: 'red' } as never)),
    ).toMatchObject({ code: 'parameter_unknown', param: 'colour' });
    expect(await rejection(stripe.refunds.retrieve('re_nope'))).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
    });
    const browser = new Stripe('pk_test_entryrate', {
      host: '127.0.0.1',
      port: running.port,
      protocol: 'http',
    });
    expect(await rejection(browser.refunds.create({ payment_intent: pi.id }))).toBeInstanceOf(
      Stripe.errors.StripeAuthenticationError,
    );
    expect(await stripe.charges.retrieve(chargeId(pi))).toMatchObject({ amount_refunded: 0 });
  });
});

describe('Idempotency-Key on refunds', () => {
  it('replays the same refund for a retry, refunding once', async () => {
    const { stripe } = await sim();
    const pi = await paid(stripe);
    const params = { payment_intent: pi.id, amount: 1000, reason: 'requested_by_customer' as const };
    const first = await stripe.refunds.create(params, { idempotencyKey: 'refund-ord_1' });
    const retry = await stripe.refunds.create(params, { idempotencyKey: 'refund-ord_1' });
    expect(retry.id).toBe(first.id);
    expect(retry.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    expect(await stripe.charges.retrieve(chargeId(pi))).toMatchObject({ amount_refunded: 1000 });

    const other = await rejection(
      stripe.refunds.create({ ...params, amount: 500 }, { idempotencyKey: 'refund-ord_1' }),
    );
    expect(other).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it('does not save a refused refund, so a corrected retry with the same key runs', async () => {
    const { stripe } = await sim();
    const pi = await paid(stripe);
    const refused = await rejection(
      stripe.refunds.create({ payment_intent: pi.id, amount: 5000 }, { idempotencyKey: 'refund-ord_2' }),
    );
    expect(refused).toMatchObject({ code: 'amount_too_large' });
    const corrected = await stripe.refunds.create(
      { payment_intent: pi.id, amount: 2400 },
      { idempotencyKey: 'refund-ord_2' },
    );
    expect(corrected).toMatchObject({ amount: 2400, status: 'succeeded' });
  });
});

describe('listing refunds', () => {
  it('lists newest first, filtered by PaymentIntent or charge, and pages as Stripe does', async () => {
    const { stripe } = await sim();
    const pi = await paid(stripe);
    const other = await paid(stripe);
    const a = await stripe.refunds.create({ payment_intent: pi.id, amount: 500 });
    const b = await stripe.refunds.create({ payment_intent: pi.id, amount: 500 });
    const c = await stripe.refunds.create({ payment_intent: other.id, amount: 500 });
    const d = await stripe.refunds.create({ payment_intent: pi.id, amount: 500 });

    const page = await stripe.refunds.list({ payment_intent: pi.id, limit: 2 });
    expect(page).toMatchObject({ object: 'list', has_more: true, url: '/v1/refunds' });
    expect(page.data.map((r) => r.id)).toEqual([d.id, b.id]);
    const all = await stripe.refunds
      .list({ payment_intent: pi.id, limit: 2 })
      .autoPagingToArray({ limit: 10 });
    expect(all.map((r) => r.id)).toEqual([d.id, b.id, a.id]);
    const byCharge = await stripe.refunds.list({ charge: chargeId(other) });
    expect(byCharge.data.map((r) => r.id)).toEqual([c.id]);
    expect((await stripe.refunds.list()).data).toHaveLength(4);
  });
});

describe('refund events and webhooks', () => {
  it('records refund.created and charge.refunded, readable through /v1/events', async () => {
    const { stripe } = await sim();
    const pi = await paid(stripe);
    const refund = await stripe.refunds.create({ payment_intent: pi.id, amount: 1000 });
    const created = await stripe.events.list({ type: 'refund.created' });
    expect(created.data[0]?.data.object).toMatchObject({ id: refund.id, amount: 1000 });
    const refunded = await stripe.events.list({ type: 'charge.*' });
    expect(refunded.data.map((e) => e.type)).toEqual(['charge.refunded']);
    expect(refunded.data[0]?.data.object).toMatchObject({
      id: pi.latest_charge,
      object: 'charge',
      amount_refunded: 1000,
      refunded: false,
      payment_intent: pi.id,
    });
  });

  it('delivers charge.refunded signed, not held back by a payment_intent.succeeded being retried', async () => {
    let failedSucceeded = false;
    // The first delivery of payment_intent.succeeded is refused, so it waits a minute for its retry
    // while the refund is made: as on Stripe, the refund's events do not wait for it.
    const receiver = await startReceiver((_n, rawBody) => {
      if (!failedSucceeded && rawBody.includes('"type": "payment_intent.succeeded"')) {
        failedSucceeded = true;
        return 500;
      }
      return 200;
    });
    cleanups.push(receiver.stop);
    const fx = await sim({ webhook: { url: receiver.url, secret: SECRET } });
    const pi = await paid(fx.stripe);
    const refund = await fx.stripe.refunds.create(
      { payment_intent: pi.id },
      { idempotencyKey: 'refund-cs_123' },
    );
    await receiver.waitFor(4);
    await fx.sim.clock.advance(60_000);
    expect(receiver.received).toHaveLength(5);

    const events = receiver.received.map((delivery) =>
      verifier.webhooks.constructEvent(
        delivery.rawBody,
        String(delivery.headers['stripe-signature']),
        SECRET,
      ),
    );
    expect(events.map((e) => e.type)).toEqual([
      'payment_intent.created',
      'payment_intent.succeeded',
      'refund.created',
      'charge.refunded',
      'payment_intent.succeeded',
    ]);
    expect(failedSucceeded).toBe(true);
    const [, , refundCreated, chargeRefunded] = events;
    expect(refundCreated).toMatchObject({
      data: { object: { id: refund.id, object: 'refund', amount: 2400, status: 'succeeded' } },
      request: { idempotency_key: 'refund-cs_123' },
    });
    expect(chargeRefunded).toMatchObject({
      type: 'charge.refunded',
      livemode: false,
      api_version: Stripe.API_VERSION,
      data: {
        object: {
          id: pi.latest_charge,
          object: 'charge',
          amount_refunded: 2400,
          refunded: true,
          payment_intent: pi.id,
          metadata: { sessionId: 'cs_123' },
        },
      },
    });
  });
});
