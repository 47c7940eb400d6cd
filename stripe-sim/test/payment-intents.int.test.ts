import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browserCall, cardParams, rejection, type SimFixture, startSim } from './sim-fixture.ts';

let fx: SimFixture;
beforeEach(async () => {
  fx = await startSim();
});
afterEach(async () => {
  await fx.sim.stop();
});

const ticketParams = {
  amount: 2400,
  currency: 'gbp',
  metadata: { sessionId: 'cs_123' },
  automatic_payment_methods: { enabled: true },
  description: '2 x Early bird',
} satisfies Stripe.PaymentIntentCreateParams;

describe('creating a PaymentIntent', () => {
  it('returns a PaymentIntent in Stripe shape that the SDK parses', async () => {
    const pi = await fx.stripe.paymentIntents.create(ticketParams);
    expect(pi).toMatchObject({
      object: 'payment_intent',
      amount: 2400,
      currency: 'gbp',
      status: 'requires_payment_method',
      metadata: { sessionId: 'cs_123' },
      description: '2 x Early bird',
      livemode: false,
      latest_charge: null,
      last_payment_error: null,
      automatic_payment_methods: { enabled: true },
    });
    expect(pi.id).toMatch(/^pi_\w+$/);
    expect(pi.client_secret).toMatch(new RegExp(`^${pi.id}_secret_\\w+$`));
    expect(Math.abs(pi.created - Date.now() / 1000)).toBeLessThan(5);
  });

  it('replays the same PaymentIntent for a repeated Idempotency-Key', async () => {
    const first = await fx.stripe.paymentIntents.create(ticketParams, { idempotencyKey: 'pi_for_cs_123' });
    const second = await fx.stripe.paymentIntents.create(ticketParams, { idempotencyKey: 'pi_for_cs_123' });
    expect(second.id).toBe(first.id);
    expect(second.client_secret).toBe(first.client_secret);
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined();
  });

  it('refuses the same Idempotency-Key with other parameters', async () => {
    await fx.stripe.paymentIntents.create(ticketParams, { idempotencyKey: 'pi_for_cs_456' });
    const err = await rejection(
      fx.stripe.paymentIntents.create({ ...ticketParams, amount: 3600 }, { idempotencyKey: 'pi_for_cs_456' }),
    );
    expect(err).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(err.statusCode).toBe(400);
  });

  it('refuses missing, unknown and too small parameters as Stripe does', async () => {
    const missing = await rejection(fx.stripe.paymentIntents.create({ currency: 'gbp' } as never));
    expect(missing).toMatchObject({
      type: 'StripeInvalidRequestError',
      code: 'parameter_missing',
      param: 'amount',
    });
    const unknown = await rejection(
      fx.stripe.paymentIntents.create({ ...ticketParams, colour: 'red' } as never),
    );
    expect(unknown).toMatchObject({ code: 'parameter_unknown', param: 'colour' });
    const small = await rejection(fx.stripe.paymentIntents.create({ ...ticketParams, amount: 20 }));
    expect(small).toMatchObject({ code: 'amount_too_small', param: 'amount' });
  });

  it('charges at once with confirm=true and a test payment method', async () => {
    const pi = await fx.stripe.paymentIntents.create({
      ...ticketParams,
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    expect(pi.status).toBe('succeeded');
    expect(pi.amount_received).toBe(2400);
  });
});

describe('retrieving and updating', () => {
  it('retrieves what was created', async () => {
    const created = await fx.stripe.paymentIntents.create(ticketParams);
    const pi = await fx.stripe.paymentIntents.retrieve(created.id);
    expect(pi).toMatchObject({ id: created.id, amount: 2400, metadata: { sessionId: 'cs_123' } });
  });

  it('answers an unknown id with resource_missing', async () => {
    const err = await rejection(fx.stripe.paymentIntents.retrieve('pi_doesNotExist'));
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      message: "No such payment_intent: 'pi_doesNotExist'",
    });
  });

  it('updates amount and metadata before payment, only metadata after', async () => {
    const pi = await fx.stripe.paymentIntents.create(ticketParams);
    const updated = await fx.stripe.paymentIntents.update(pi.id, {
      amount: 3600,
      metadata: { extra: 'yes' },
    });
    expect(updated).toMatchObject({ amount: 3600, metadata: { sessionId: 'cs_123', extra: 'yes' } });

    await fx.stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' });
    const err = await rejection(fx.stripe.paymentIntents.update(pi.id, { amount: 100 }));
    expect(err).toMatchObject({ code: 'payment_intent_unexpected_state' });
    const tagged = await fx.stripe.paymentIntents.update(pi.id, { metadata: { orderId: 'ord_1' } });
    expect(tagged).toMatchObject({ amount: 3600, amount_received: 3600, metadata: { orderId: 'ord_1' } });
  });
});

describe('confirming with test payment methods', () => {
  it('succeeds with pm_card_visa and records the charge', async () => {
    const pi = await fx.stripe.paymentIntents.create(ticketParams);
    const confirmed = await fx.stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' });
    expect(confirmed).toMatchObject({ status: 'succeeded', amount_received: 2400, last_payment_error: null });
    expect(confirmed.latest_charge).toMatch(/^ch_\w+$/);
    expect(confirmed.payment_method).toMatch(/^pm_\w+$/);
  });

  it('declines pm_card_chargeDeclined with a card error, then accepts another card', async () => {
    const pi = await fx.stripe.paymentIntents.create(ticketParams);
    const err = await rejection(
      fx.stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_chargeDeclined' }),
    );
    expect(err).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(err).toMatchObject({
      statusCode: 402,
      code: 'card_declined',
      decline_code: 'generic_decline',
      message: 'Your card was declined.',
    });
    expect(err.payment_intent).toMatchObject({ id: pi.id, status: 'requires_payment_method' });

    const declined = await fx.stripe.paymentIntents.retrieve(pi.id);
    expect(declined.status).toBe('requires_payment_method');
    expect(declined.last_payment_error).toMatchObject({
      type: 'card_error',
      decline_code: 'generic_decline',
    });

    const paid = await fx.stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' });
    expect(paid).toMatchObject({ status: 'succeeded', last_payment_error: null });
  });

  it('declines for insufficient funds', async () => {
    const pi = await fx.stripe.paymentIntents.create(ticketParams);
    const err = await rejection(
      fx.stripe.paymentIntents.confirm(pi.id, {
        payment_method: 'pm_card_visa_chargeDeclinedInsufficientFunds',
      }),
    );
    expect(err).toMatchObject({ code: 'card_declined', decline_code: 'insufficient_funds' });
  });

  it('refuses to confirm a PaymentIntent that already succeeded', async () => {
    const pi = await fx.stripe.paymentIntents.create(ticketParams);
    await fx.stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' });
    const err = await rejection(fx.stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' }));
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
  });

  it('refuses an unknown payment method and raw card numbers from a server', async () => {
    const pi = await fx.stripe.paymentIntents.create(ticketParams);
    const unknown = await rejection(
      fx.stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_nope' }),
    );
    expect(unknown).toMatchObject({ code: 'resource_missing', param: 'payment_method' });
    const raw = await rejection(
      fx.stripe.paymentIntents.confirm(pi.id, {
        payment_method_data: { type: 'card', card: { number: '4242424242424242' } } as never,
      }),
    );
    expect(raw.message).toMatch(/Sending credit card numbers directly/);
  });
});

describe('cancelling', () => {
  it('cancels an unpaid PaymentIntent with its reason', async () => {
    const pi = await fx.stripe.paymentIntents.create(ticketParams);
    const canceled = await fx.stripe.paymentIntents.cancel(pi.id, { cancellation_reason: 'abandoned' });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    expect(canceled.canceled_at).toBeTypeOf('number');
    const err = await rejection(fx.stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' }));
    expect(err).toMatchObject({ code: 'payment_intent_unexpected_state' });
  });

  it('cancels a PaymentIntent awaiting confirmation or 3-D Secure, with payment_intent.canceled', async () => {
    const unconfirmed = await fx.stripe.paymentIntents.create({
      ...ticketParams,
      payment_method: 'pm_card_visa',
    });
    expect(unconfirmed.status).toBe('requires_confirmation');
    const challenged = await fx.stripe.paymentIntents.create({
      ...ticketParams,
      payment_method: 'pm_card_threeDSecure2Required',
      confirm: true,
    });
    expect(challenged.status).toBe('requires_action');

    for (const pi of [unconfirmed, challenged]) {
      const canceled = await fx.stripe.paymentIntents.cancel(pi.id, { cancellation_reason: 'abandoned' });
      expect(canceled).toMatchObject({
        status: 'canceled',
        cancellation_reason: 'abandoned',
        next_action: null,
      });
    }
    const events = await fx.stripe.events.list({ type: 'payment_intent.canceled' });
    expect(events.data.map((e) => (e.data.object as Stripe.PaymentIntent).id)).toEqual([
      challenged.id,
      unconfirmed.id,
    ]);
    expect(events.data[0]?.data.object).toMatchObject({ status: 'canceled' });

    // The abandoned challenge cannot be completed afterwards.
    const late = await browserCall(
      fx.sim,
      'POST',
      `/v1/stripe_sim/payment_intents/${challenged.id}/authenticate`,
      { client_secret: challenged.client_secret ?? '', outcome: 'complete' },
    );
    expect(late.status).toBe(400);
    expect((await fx.stripe.paymentIntents.retrieve(challenged.id)).status).toBe('canceled');
  });

  it('refuses to cancel a PaymentIntent that succeeded', async () => {
    const pi = await fx.stripe.paymentIntents.create({
      ...ticketParams,
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const err = await rejection(fx.stripe.paymentIntents.cancel(pi.id));
    expect(err).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
  });
});

describe('keys', () => {
  it('rejects a key that is not a test secret key', async () => {
    const live = new Stripe('sk_live_nope', { host: '127.0.0.1', port: fx.sim.port, protocol: 'http' });
    const err = await rejection(live.paymentIntents.create(ticketParams));
    expect(err).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(err.statusCode).toBe(401);
  });

  it('refuses server-only calls from a publishable key', async () => {
    const { status, body } = await browserCall(fx.sim, 'POST', '/v1/payment_intents', {
      amount: '2400',
      currency: 'gbp',
    });
    expect(status).toBe(401);
    expect(body.error.message).toMatch(/publishable API key/);
  });
});

describe('the browser path (publishable key and client secret)', () => {
  it('retrieves with the client secret, without metadata, and refuses a wrong secret', async () => {
    const pi = await fx.stripe.paymentIntents.create(ticketParams);
    const ok = await browserCall(fx.sim, 'GET', `/v1/payment_intents/${pi.id}`, {
      client_secret: pi.client_secret ?? '',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: pi.id, amount: 2400, status: 'requires_payment_method' });
    expect(ok.body.metadata).toBeUndefined();
    const wrong = await browserCall(fx.sim, 'GET', `/v1/payment_intents/${pi.id}`, {
      client_secret: `${pi.id}_secret_x`,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.param).toBe('client_secret');
  });

  it('charges test card numbers typed into the Payment Element', async () => {
    const pi = await fx.stripe.paymentIntents.create(ticketParams);
    const secret = pi.client_secret ?? '';
    const declined = await browserCall(
      fx.sim,
      'POST',
      `/v1/payment_intents/${pi.id}/confirm`,
      cardParams('4000000000000002', secret),
    );
    expect(declined.status).toBe(402);
    expect(declined.body.error).toMatchObject({
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'generic_decline',
      message: 'Your card was declined.',
      payment_intent: { id: pi.id, status: 'requires_payment_method' },
    });
    const paid = await browserCall(
      fx.sim,
      'POST',
      `/v1/payment_intents/${pi.id}/confirm`,
      cardParams('4242424242424242', secret),
    );
    expect(paid.status).toBe(200);
    expect(paid.body.status).toBe('succeeded');
    expect((await fx.stripe.paymentIntents.retrieve(pi.id)).payment_method).toBe(paid.body.payment_method);

    const log = fx.lines.join('\n');
    expect(log).toContain('•••• 4242');
    expect(log).not.toContain('4242424242424242');
    expect(log).not.toContain(secret);
  });

  it('rejects a mistyped card number and declines insufficient funds', async () => {
    const pi = await fx.stripe.paymentIntents.create(ticketParams);
    const secret = pi.client_secret ?? '';
    const typo = await browserCall(
      fx.sim,
      'POST',
      `/v1/payment_intents/${pi.id}/confirm`,
      cardParams('4242424242424241', secret),
    );
    expect(typo.body.error).toMatchObject({ type: 'card_error', code: 'incorrect_number' });
    const poor = await browserCall(
      fx.sim,
      'POST',
      `/v1/payment_intents/${pi.id}/confirm`,
      cardParams('4000000000009995', secret),
    );
    expect(poor.body.error).toMatchObject({
      decline_code: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
    });
  });

  it('asks for 3-D Secure with 4000002500003155, and succeeds once the challenge is completed', async () => {
    const pi = await fx.stripe.paymentIntents.create(ticketParams);
    const secret = pi.client_secret ?? '';
    const confirm = await browserCall(
      fx.sim,
      'POST',
      `/v1/payment_intents/${pi.id}/confirm`,
      cardParams('4000002500003155', secret),
    );
    expect(confirm.body).toMatchObject({
      status: 'requires_action',
      next_action: { type: 'use_stripe_sdk' },
    });
    const answer = await browserCall(fx.sim, 'POST', `/v1/stripe_sim/payment_intents/${pi.id}/authenticate`, {
      client_secret: secret,
      outcome: 'complete',
    });
    expect(answer.body.status).toBe('succeeded');
  });

  it('leaves the PaymentIntent for another card when the challenge fails', async () => {
    const pi = await fx.stripe.paymentIntents.create({
      ...ticketParams,
      payment_method: 'pm_card_threeDSecure2Required',
      confirm: true,
    });
    expect(pi.status).toBe('requires_action');
    const answer = await browserCall(fx.sim, 'POST', `/v1/stripe_sim/payment_intents/${pi.id}/authenticate`, {
      client_secret: pi.client_secret ?? '',
      outcome: 'fail',
    });
    expect(answer.body).toMatchObject({
      status: 'requires_payment_method',
      last_payment_error: { code: 'payment_intent_authentication_failure' },
    });
  });
});

describe('events', () => {
  it('records each state change as an event, readable through /v1/events', async () => {
    const pi = await fx.stripe.paymentIntents.create(ticketParams);
    await rejection(fx.stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_chargeDeclined' }));
    await fx.stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' });
    const all = await fx.stripe.events.list({ type: 'payment_intent.*' });
    expect(all.data.map((e) => e.type)).toEqual([
      'payment_intent.succeeded',
      'payment_intent.payment_failed',
      'payment_intent.created',
    ]);
    const succeeded = await fx.stripe.events.list({ type: 'payment_intent.succeeded' });
    expect(succeeded.data).toHaveLength(1);
    const event = await fx.stripe.events.retrieve(succeeded.data[0]?.id ?? '');
    expect(event).toMatchObject({
      object: 'event',
      livemode: false,
      data: { object: { id: pi.id, status: 'succeeded' } },
    });
  });
});
