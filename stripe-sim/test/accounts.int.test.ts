import { afterEach, describe, expect, it } from 'vitest';
import { rejection, type SimFixture, simCall, startSim } from './sim-fixture.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function sim(): Promise<SimFixture> {
  const fx = await startSim();
  cleanups.push(() => fx.sim.stop());
  return fx;
}

describe('Connect accounts', () => {
  it('answers accounts.retrieve for a connected account, onboarded unless told otherwise', async () => {
    const { stripe, sim: running } = await sim();
    const account = await stripe.accounts.retrieve('acct_strange_brew');
    expect(account).toMatchObject({
      id: 'acct_strange_brew',
      object: 'account',
      charges_enabled: true,
      payouts_enabled: true,
      details_submitted: true,
      country: 'GB',
      default_currency: 'gbp',
    });
    // The same account through `GET /v1/account` and `Stripe-Account`, as stripe-node sends it.
    const viaHeader = await stripe.accounts.retrieveCurrent({}, { stripeAccount: 'acct_strange_brew' });
    expect(viaHeader).toEqual(account);

    const res = await simCall(running.url, 'POST', '/v1/stripe_sim/accounts/acct_strange_brew', {
      payouts_enabled: 'false',
      details_submitted: 'false',
    });
    expect(res.status).toBe(200);
    expect(await stripe.accounts.retrieve('acct_strange_brew')).toMatchObject({
      charges_enabled: true,
      payouts_enabled: false,
      details_submitted: false,
      requirements: { currently_due: expect.arrayContaining(['external_account']) },
    });
  });

  it("refuses what is not an account id, as Stripe's own errors", async () => {
    const { stripe } = await sim();
    const error = await rejection(stripe.accounts.retrieve('not_an_account'));
    expect(error).toMatchObject({ statusCode: 400, param: 'id' });
  });
});
