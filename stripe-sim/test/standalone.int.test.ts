import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { simCall } from './sim-fixture.ts';
import { type SimProcess, simProcessExit, startSimProcess } from './sim-process.ts';
import { startReceiver } from './webhook-receiver.ts';

// The sim as the fault tests run it: its own process, started by its real entry point (what
// `npm run stripe-sim` runs), configured by the environment and driven over HTTP.
const SECRET = 'whsec_test_standalone';
const DAY = 24 * 3600;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Answer = { event: Stripe.Event; status: number };

/** A webhook endpoint answering `status(event)`, and a sim process posting to it. */
async function simPostingTo(status: (event: Stripe.Event) => number) {
  const answers: Answer[] = [];
  const receiver = await startReceiver((_n, rawBody) => {
    const event = JSON.parse(rawBody) as Stripe.Event;
    answers.push({ event, status: status(event) });
    return answers.at(-1)?.status ?? 500;
  });
  cleanups.push(receiver.stop);
  const sim: SimProcess = await startSimProcess({
    STRIPE_SIM_HOST: '127.0.0.1',
    STRIPE_SIM_WEBHOOK_URL: receiver.url,
    STRIPE_WEBHOOK_SECRET: SECRET,
  });
  cleanups.push(sim.stop);
  const port = Number(new URL(sim.url).port);
  const stripe = new Stripe('sk_test_standalone', { host: '127.0.0.1', port, protocol: 'http' });
  const advance = async (seconds: number) => {
    const res = await simCall(sim.url, 'POST', '/v1/stripe_sim/clock/advance', { seconds: String(seconds) });
    expect(res.status).toBe(200);
    return res.body.webhooks as Record<'attempted' | 'delivered' | 'failed' | 'given_up' | 'pending', number>;
  };
  const deliveries = async (status: string) =>
    (await simCall(sim.url, 'GET', '/v1/stripe_sim/webhooks', { status, limit: '100' })).body.data as {
      id: string;
      type: string;
      attempts: number;
      created: number;
      next_attempt_at: number | null;
    }[];
  return { sim, stripe, receiver, answers, advance, deliveries };
}

const aboutIntent = (event: Stripe.Event) => (event.data.object as { id: string }).id;

describe('the stripe-sim on its own', () => {
  it('redelivers a payment its receiver missed while down, once, after the receiver is back', async () => {
    let down = true;
    const { stripe, receiver, answers, advance, deliveries } = await simPostingTo(() => (down ? 503 : 200));
    const pi = await stripe.paymentIntents.create({
      amount: 2400,
      currency: 'gbp',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    await receiver.waitFor(2);

    // Ten minutes with the receiver down: the retries at 1 and 6 minutes fail too.
    expect(await advance(600)).toEqual({ attempted: 4, delivered: 0, failed: 4, given_up: 0, pending: 2 });
    const owed = await deliveries('pending');
    expect(owed.map((d) => [d.type, d.attempts])).toEqual([
      ['payment_intent.succeeded', 3],
      ['payment_intent.created', 3],
    ]);
    for (const d of owed) expect(d.next_attempt_at).toBe(d.created + 36 * 60);

    down = false;
    expect(await advance(1800)).toEqual({ attempted: 2, delivered: 2, failed: 0, given_up: 0, pending: 0 });
    expect(await advance(3 * DAY)).toMatchObject({ attempted: 0, pending: 0 });

    const accepted = answers.filter((a) => a.status === 200).map((a) => a.event);
    expect(accepted.filter((e) => e.type === 'payment_intent.succeeded').map(aboutIntent)).toEqual([pi.id]);
    expect(answers).toHaveLength(8);
    // Signed with real time, not the sim's: a receiver's tolerance check passes three sim-days on.
    const last = receiver.received.at(-1);
    const verified = new Stripe('sk_test_verifier').webhooks.constructEvent(
      last?.rawBody ?? '',
      String(last?.headers['stripe-signature']),
      SECRET,
    );
    expect(verified.data.object).toMatchObject({ id: pi.id });
  });

  it('gives up on an event 3 sim-days after it, with the receiver never recovering, and says so', async () => {
    const refused = (event: Stripe.Event) =>
      Boolean((event.data.object as { metadata?: Record<string, string> }).metadata?.refuse);
    const { sim, stripe, receiver, answers, advance, deliveries } = await simPostingTo((event) =>
      refused(event) ? 503 : 200,
    );
    const lost = await stripe.paymentIntents.create({
      amount: 2400,
      currency: 'gbp',
      metadata: { refuse: 'y' },
    });
    await stripe.paymentIntents.create({ amount: 1000, currency: 'gbp' });
    await receiver.waitFor(2);

    expect(await advance(2 * 3600)).toMatchObject({ failed: 3, pending: 1 });
    expect(await advance(2 * DAY)).toMatchObject({ given_up: 0, pending: 1 });
    expect(await advance(DAY)).toMatchObject({ given_up: 1, pending: 0 });

    expect(await deliveries('pending')).toEqual([]);
    const gaveUp = await deliveries('given_up');
    expect(gaveUp.map((d) => [d.type, d.attempts, d.next_attempt_at])).toEqual([
      ['payment_intent.created', 12, null],
    ]);
    expect(answers.filter((a) => aboutIntent(a.event) === lost.id)).toHaveLength(12);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(sim.output()).toMatch(new RegExp(`webhook ${gaveUp[0]?.id} .* attempt 12: 503; giving up`));
  });

  it('takes its host and public URL from the environment, and refuses a bad variable by name', async () => {
    const sim = await startSimProcess({
      STRIPE_SIM_HOST: '127.0.0.1',
      STRIPE_SIM_PUBLIC_URL: 'http://sim.test:9999/',
    });
    cleanups.push(sim.stop);
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.output()).toContain('http://sim.test:9999/js/v3');
    expect((await fetch(`${sim.url}/js/v3`)).status).toBe(200);

    const badPublic = await simProcessExit({ STRIPE_SIM_PUBLIC_URL: 'sim.test:9999' });
    expect(badPublic.code).toBe(1);
    expect(badPublic.output).toMatch(/STRIPE_SIM_PUBLIC_URL must be a URL/);
    const noSecret = await simProcessExit({
      STRIPE_SIM_WEBHOOK_URL: 'http://127.0.0.1:1/hook',
      STRIPE_WEBHOOK_SECRET: '',
    });
    expect(noSecret.code).toBe(1);
    expect(noSecret.output).toMatch(/STRIPE_WEBHOOK_SECRET/);
  });
});
