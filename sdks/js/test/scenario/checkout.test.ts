import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { client, createLiveEvent, env, unique } from '../support.ts';

/** What a buyer's browser does with the PaymentIntent: Stripe.js confirms it on the stripe-sim. */
async function confirmOnStripeSim(paymentIntentId: string) {
  const response = await fetch(`${env.stripeSimUrl}/v1/payment_intents/${paymentIntentId}/confirm`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${env.stripeSecretKey}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: 'payment_method=pm_card_visa',
  });
  assert.equal(response.status, 200, await response.clone().text());
}

describe('buying by script', () => {
  const er = client();

  it('buys two tickets: a session, its PaymentIntent confirmed, the order; then refunds part and the rest', async () => {
    const event = await createLiveEvent(er, unique('Checkout'));
    const session = await er.checkout.sessions.create({
      eventId: event.id,
      items: [{ tier: 'standard', quantity: 2 }],
      customerEmail: 'buyer@example.com',
    });
    assert.equal(session.status, 'open');
    assert.equal(session.amountTotal, 3600);

    const payment = await er.checkout.sessions.pay(session.id, { clientSecret: session.clientSecret });
    assert.ok(payment.paymentIntentId, 'a PaymentIntent to confirm');
    await confirmOnStripeSim(payment.paymentIntentId);

    let complete = await er.checkout.sessions.retrieve(session.id);
    for (let tries = 0; complete.status !== 'complete' && tries < 100; tries++) {
      await sleep(200);
      complete = await er.checkout.sessions.retrieve(session.id, { clientSecret: session.clientSecret });
    }
    assert.equal(complete.status, 'complete');
    assert.ok(complete.orderId);

    const order = await er.orders.retrieve(complete.orderId);
    assert.equal(order.status, 'paid');
    assert.equal(order.amount, 3600);
    assert.equal(order.tickets.length, 2);
    const ticket = await er.tickets.retrieve(order.tickets[0]?.id ?? '');
    assert.equal(ticket.status, 'valid');
    const orders = await er.orders.list({ eventId: event.id });
    assert.deepEqual(
      orders.data.map((each) => each.id),
      [order.id],
    );

    const partly = await er.orders.refund(order.id, { amount: 1000 });
    assert.equal(partly.status, 'partially_refunded');
    assert.equal(partly.amountRefunded, 1000);
    assert.deepEqual(
      partly.refunds.map((refund) => refund.amount),
      [1000],
    );
    assert.deepEqual(partly.payment, {
      paymentIntentId: payment.paymentIntentId,
      amount: 3600,
      currency: order.currency,
      status: 'partially_refunded',
    });
    const csv = await er.orders.exportCsv({ eventId: event.id });
    const [header, row, end] = csv.split('\r\n');
    assert.equal(header?.split(',')[0], 'order_id');
    assert.match(
      row ?? '',
      new RegExp(`^${order.id},.*,partially_refunded,2,36\\.00,10\\.00,${order.currency.toUpperCase()}$`),
    );
    assert.equal(end, '');
    const stats = await er.events.stats(event.id);
    assert.deepEqual(
      stats.tiers.map((tier) => [tier.name, tier.sold, tier.revenue]),
      [
        ['Early bird', 0, 0],
        ['Standard', 2, 2600],
      ],
    );
    const { totals } = stats;
    assert.deepEqual([totals.sold, totals.revenue, totals.refunded, totals.orders], [2, 2600, 1000, 1]);
    const refunded = await er.orders.refund(order.id);
    assert.equal(refunded.status, 'refunded');
    assert.equal(refunded.amountRefunded, 3600);
  });

  it('cancels an open session, releasing its tickets', async () => {
    const event = await createLiveEvent(er, unique('Cancelled checkout'));
    const session = await er.checkout.sessions.create({
      eventId: event.id,
      items: [{ tier: 'early-bird', quantity: 1 }],
      customerEmail: 'buyer@example.com',
    });
    const cancelled = await er.checkout.sessions.cancel(session.id, { clientSecret: session.clientSecret });
    assert.equal(cancelled.status, 'cancelled');
  });
});
