import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { rejection, type SimFixture, startSim } from './sim-fixture.ts';
import { startReceiver } from './webhook-receiver.ts';

const SECRET = 'whsec_test_entryrate';
const verifier = new Stripe('sk_test_verifier');
const BREW = { stripeAccount: 'acct_strange_brew' };
const OTHER = { stripeAccount: 'acct_other_promoter' };
const DAY = 24 * 60 * 60;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function sim(options: Parameters<typeof startSim>[0] = {}): Promise<SimFixture> {
  const fx = await startSim(options);
  cleanups.push(() => fx.sim.stop());
  return fx;
}

/** The sim's own control: the bank says the payout arrived. */
async function payOut(fx: SimFixture, id: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${fx.sim.url}/v1/stripe_sim/payouts/${id}/pay`, {
    method: 'POST',
    headers: { Authorization: 'Bearer sk_test_entryrate' },
  });
  return { status: res.status, body: await res.json() };
}

describe('payouts of connected accounts', () => {
  it("creates a pending payout in Stripe's shape for the account named by Stripe-Account", async () => {
    const { stripe } = await sim();
    const arrival = Math.floor(Date.UTC(2026, 4, 4) / 1000);
    const payout = await stripe.payouts.create(
      { amount: 48_000, currency: 'GBP', arrival_date: arrival, description: 'May week 1' } as never,
      BREW,
    );
    expect(payout).toMatchObject({
      object: 'payout',
      amount: 48_000,
      currency: 'gbp',
      status: 'pending',
      arrival_date: arrival,
      automatic: false,
      livemode: false,
      method: 'standard',
      type: 'bank_account',
      description: 'May week 1',
    });
    expect(payout.id).toMatch(/^po_\w+$/);
    expect(await stripe.payouts.retrieve(payout.id, {}, BREW)).toMatchObject({ id: payout.id });

    const fallback = await stripe.payouts.create({ amount: 100, currency: 'gbp' }, BREW);
    expect(fallback.arrival_date % DAY).toBe(0);
    expect(fallback.arrival_date).toBeGreaterThan(fallback.created);
  });

  it('keeps each account’s payouts to itself, and the platform’s apart', async () => {
    const { stripe } = await sim();
    const mine = await stripe.payouts.create({ amount: 1000, currency: 'gbp' }, BREW);
    const theirs = await stripe.payouts.create({ amount: 2000, currency: 'gbp' }, OTHER);
    const platform = await stripe.payouts.create({ amount: 3000, currency: 'gbp' });

    expect((await stripe.payouts.list({}, BREW)).data.map((p) => p.id)).toEqual([mine.id]);
    expect((await stripe.payouts.list({}, OTHER)).data.map((p) => p.id)).toEqual([theirs.id]);
    expect((await stripe.payouts.list()).data.map((p) => p.id)).toEqual([platform.id]);
    expect(await rejection(stripe.payouts.retrieve(theirs.id, {}, BREW))).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
    });
  });

  it('lists newest first with status and arrival_date filters, paged as Stripe pages', async () => {
    const fx = await sim();
    const { stripe } = fx;
    const day = (n: number) => Math.floor(Date.UTC(2026, 4, n) / 1000);
    const made = [];
    for (const n of [1, 2, 3, 4, 5]) {
      made.push(
        await stripe.payouts.create(
          { amount: n * 100, currency: 'gbp', arrival_date: day(n) } as never,
          BREW,
        ),
      );
    }
    await payOut(fx, made[1]?.id as string);
    await payOut(fx, made[3]?.id as string);

    const paid = await stripe.payouts.list({ status: 'paid' }, BREW);
    expect(paid.data.map((p) => p.amount)).toEqual([400, 200]);
    const window = await stripe.payouts.list({ arrival_date: { gte: day(2), lte: day(4) } }, BREW);
    expect(window.data.map((p) => p.amount)).toEqual([400, 300, 200]);
    const exact = await stripe.payouts.list({ arrival_date: day(3) }, BREW);
    expect(exact.data.map((p) => p.amount)).toEqual([300]);

    const first = await stripe.payouts.list({ limit: 2 }, BREW);
    expect(first).toMatchObject({ object: 'list', has_more: true, url: '/v1/payouts' });
    const all = await stripe.payouts.list({ limit: 2 }, BREW).autoPagingToArray({ limit: 10 });
    expect(all.map((p) => p.amount)).toEqual([500, 400, 300, 200, 100]);

    expect(await rejection(stripe.payouts.list({ status: 'lost' } as never, BREW))).toMatchObject({
      statusCode: 400,
      param: 'status',
    });
    expect(await rejection(stripe.payouts.list({ arrival_date: { after: 1 } } as never, BREW))).toMatchObject(
      { code: 'parameter_unknown', param: 'arrival_date[after]' },
    );
  });

  it('refuses a malformed account, bad amounts and a publishable key as Stripe does', async () => {
    const { stripe, sim: running } = await sim();
    const refused = await rejection(stripe.payouts.list({}, { stripeAccount: 'not-an-account' }));
    expect(refused).toBeInstanceOf(Stripe.errors.StripePermissionError);
    expect(refused).toMatchObject({ statusCode: 403, code: 'account_invalid' });
    expect(await rejection(stripe.payouts.create({ amount: 0, currency: 'gbp' }, BREW))).toMatchObject({
      param: 'amount',
    });
    expect(await rejection(stripe.payouts.create({ currency: 'gbp' } as never, BREW))).toMatchObject({
      code: 'parameter_missing',
      param: 'amount',
    });
    const browser = new Stripe('pk_test_entryrate', {
      host: '127.0.0.1',
      port: running.port,
      protocol: 'http',
    });
    expect(await rejection(browser.payouts.list({}, BREW))).toBeInstanceOf(
      Stripe.errors.StripeAuthenticationError,
    );
  });

  it('replays an idempotent creation only within the same account', async () => {
    const { stripe } = await sim();
    const params = { amount: 700, currency: 'gbp' };
    const first = await stripe.payouts.create(params, { ...BREW, idempotencyKey: 'po-key' });
    const again = await stripe.payouts.create(params, { ...BREW, idempotencyKey: 'po-key' });
    const other = await stripe.payouts.create(params, { ...OTHER, idempotencyKey: 'po-key' });
    expect(again.id).toBe(first.id);
    expect(other.id).not.toBe(first.id);
  });
});

describe('paying a payout out (the sim’s control)', () => {
  it('marks it paid and sends payout.paid as a Connect event naming the account, signed', async () => {
    const receiver = await startReceiver();
    cleanups.push(receiver.stop);
    const fx = await sim({ webhook: { url: receiver.url, secret: SECRET } });
    const payout = await fx.stripe.payouts.create({ amount: 48_000, currency: 'gbp' }, BREW);
    const paid = await payOut(fx, payout.id);
    expect(paid).toMatchObject({ status: 200, body: { id: payout.id, status: 'paid' } });
    expect(await fx.stripe.payouts.retrieve(payout.id, {}, BREW)).toMatchObject({ status: 'paid' });

    await receiver.waitFor(2);
    const events = receiver.received.map((delivery) =>
      verifier.webhooks.constructEvent(
        delivery.rawBody,
        String(delivery.headers['stripe-signature']),
        SECRET,
      ),
    );
    expect(events.map((e) => e.type)).toEqual(['payout.created', 'payout.paid']);
    expect(events[1]).toMatchObject({
      account: 'acct_strange_brew',
      livemode: false,
      data: { object: { id: payout.id, object: 'payout', status: 'paid', amount: 48_000 } },
    });

    expect(await payOut(fx, payout.id)).toMatchObject({ status: 400 });
    expect(await payOut(fx, 'po_missing')).toMatchObject({ status: 404 });
  });
});
