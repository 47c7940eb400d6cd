import { describe, expect, it, vi } from 'vitest';
import { ApiError, type CheckoutSession, OFFLINE } from '../api';
import { card, completed, holdTickets, session, setup } from './fixtures';

// The flow's effects against a fake API, without a DOM: what it asks the server, what it keeps in
// sessionStorage, what the host page hears, and where it ends up.

describe('a free order', () => {
  it('is held, started without a card, and shown once the server completed it', async () => {
    const t = setup(session('tier_free', 2));
    await holdTickets(t, 'tier_free', 2);
    const [body, key] = t.api.createSession.mock.calls[0] ?? [];
    expect(JSON.parse(body ?? '')).toEqual({
      eventId: 'evt_1',
      items: [{ tierId: 'tier_free', quantity: 2 }],
      customerEmail: 'ada@example.com',
    });
    expect(t.store.map.get('entryrate:idempotency:evt_1:inline')).toContain(key);

    t.flow.send({ type: 'pay' });
    await t.reach('done');
    expect(t.api.pay).toHaveBeenCalledTimes(1);
    expect(t.flow.state.step).toMatchObject({ at: 'done', order: { id: 'ord_1' } });
    expect(t.heard.map(([name]) => name)).toEqual(['tier-selected', 'checkout-started', 'completed']);
    expect(t.heard.at(-1)?.[1]).toEqual({ orderId: 'ord_1', amount: 0, currency: 'gbp' });
    // Finished with: a reload starts afresh, and buying the same again is a new purchase.
    expect(t.store.map.size).toBe(0);
  });

  it('never asks a card to confirm what the server completed', async () => {
    const t = setup(session('tier_free', 1));
    await holdTickets(t, 'tier_free', 1);
    const c = card();
    t.flow.send({ type: 'pay', card: c });
    await t.reach('done');
    expect(c.confirm).not.toHaveBeenCalled();
  });
});

describe('a paid order', () => {
  it('checks the card, starts the payment, confirms it with Stripe and waits for the server', async () => {
    const t = setup(session('tier_early', 2));
    await holdTickets(t, 'tier_early', 2);
    const c = card();
    t.flow.send({ type: 'pay', card: c });
    await t.reach('done');
    expect(c.submit).toHaveBeenCalledTimes(1);
    expect(c.confirm).toHaveBeenCalledWith('pi_1_secret');
  });

  it('says why a card was declined, and pays with another one', async () => {
    const t = setup(session('tier_early', 1));
    await holdTickets(t, 'tier_early', 1);
    t.flow.send({ type: 'pay', card: card(async () => 'Your card was declined.') });
    await vi.waitFor(() => expect(t.flow.state.error).toEqual({ message: 'Your card was declined.' }));
    expect(t.flow.state).toMatchObject({ step: { at: 'pay' }, busy: false });
    t.flow.send({ type: 'pay', card: card() });
    await t.reach('done');
  });

  it('lets a payment under way finish when the hold runs out meanwhile, and ends if it fails', async () => {
    const t = setup(session('tier_early', 1));
    await holdTickets(t, 'tier_early', 1);
    let decline: (m: string) => void = () => {};
    t.flow.send({ type: 'pay', card: card(() => new Promise((resolve) => (decline = resolve))) });
    await vi.waitFor(() => expect(t.api.pay).toHaveBeenCalled());
    t.flow.send({ type: 'expire' });
    expect(t.flow.state.step.at).toBe('pay');
    decline('Your card was declined.');
    await t.reach('ended');
    expect(t.flow.state.step).toMatchObject({ paid: false, session: { status: 'expired' } });
    expect(t.heard.map(([name]) => name)).toContain('expired');
  });
});

describe('holding tickets', () => {
  it('says so when offline, and the same tap holds them once back online, with the same key', async () => {
    const t = setup(session());
    t.flow.send({ type: 'load' });
    await t.reach('select');
    t.flow.send({ type: 'quantity', tierId: 'tier_early', quantity: 2 });
    t.flow.send({ type: 'email', email: 'ada@example.com' });
    t.api.createSession.mockRejectedValueOnce(new ApiError(0, 'network', OFFLINE));
    t.flow.send({ type: 'continue' });
    await vi.waitFor(() => expect(t.flow.state.error?.message).toBe(OFFLINE));
    t.flow.send({ type: 'continue' });
    await t.reach('pay');
    const [first, second] = t.api.createSession.mock.calls;
    expect(second?.[1]).toBe(first?.[1]);
  });

  it('changes the held tickets in the same session, and releases them when the modal closes', async () => {
    const t = setup(session());
    await holdTickets(t, 'tier_early', 2);
    t.flow.send({ type: 'change' });
    t.flow.send({ type: 'quantity', tierId: 'tier_early', quantity: 1 });
    t.flow.send({ type: 'continue' });
    await t.reach('pay');
    expect(t.api.update).toHaveBeenCalledWith(expect.objectContaining({ id: 'cs_1' }), [
      { tierId: 'tier_early', quantity: 1 },
    ]);
    t.flow.send({ type: 'close' });
    expect(t.flow.state).toMatchObject({ step: { at: 'select' }, held: null });
    expect(t.api.cancel).toHaveBeenCalledTimes(1);
    expect(t.heard.at(-1)?.[0]).toBe('closed');
  });
});

describe('a hosted session', () => {
  const hosted = (s: CheckoutSession) =>
    setup(s, {
      eventId: null,
      session: { id: s.id, clientSecret: s.clientSecret },
      sessionName: 'entryrate:hosted',
    });
  const success = 'https://shop.test/thanks?session={CHECKOUT_SESSION_ID}';

  it('pays a free session and goes to the promoter’s successUrl', async () => {
    const t = hosted(session('tier_free', 1, { successUrl: success }));
    t.flow.send({ type: 'load' });
    await t.reach('pay');
    t.flow.send({ type: 'pay' });
    await t.reach('leaving');
    expect(t.navigate).toHaveBeenCalledWith('https://shop.test/thanks?session=cs_1', false);
  });

  it('goes straight on, replacing itself, when a reload finds it paid', async () => {
    const t = hosted(completed(session('tier_early', 1, { successUrl: success })));
    t.flow.send({ type: 'load' });
    await t.reach('leaving');
    expect(t.navigate).toHaveBeenCalledWith('https://shop.test/thanks?session=cs_1', true);
    expect(t.api.event).not.toHaveBeenCalled();
  });

  it('says a session that ended has ended, and cancels to the cancelUrl', async () => {
    const ended = hosted({ ...session(), status: 'expired' });
    ended.flow.send({ type: 'load' });
    await ended.reach('ended');

    const t = hosted(session('tier_early', 1, { cancelUrl: 'https://shop.test/' }));
    t.flow.send({ type: 'load' });
    await t.reach('pay');
    t.flow.send({ type: 'cancel' });
    await t.reach('leaving');
    expect(t.navigate).toHaveBeenCalledWith('https://shop.test/', false);
    expect(t.flow.state.step).toMatchObject({ paid: false });
  });
});
