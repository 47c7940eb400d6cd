import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { completed, EVENT, ORDER, session } from './fixtures';
import {
  type FlowEvent,
  type FlowState,
  initialState,
  redirectTarget,
  resumeStep,
  transition,
  withHeld,
} from './machine';

/** The state after each of `events`, from the start. */
const run = (...events: FlowEvent[]) => events.reduce(transition, initialState);
const loaded = (extra: Partial<Extract<FlowEvent, { type: 'loaded' }>> = {}): FlowEvent => ({
  type: 'loaded',
  data: EVENT,
  step: { at: 'select' },
  held: null,
  tier: null,
  ...extra,
});
const atPay = (s = session()) => run(loaded(), { type: 'busy' }, { type: 'held', session: s });

describe('loading', () => {
  it('starts loading, and lands at the step a page load found, or says why it could not', () => {
    expect(run().step).toEqual({ at: 'loading' });
    expect(run(loaded()).step).toEqual({ at: 'select' });
    const error = new ApiError(0, 'network', 'offline');
    expect(run({ type: 'failed', error }).step).toEqual({ at: 'failed', error });
    expect(run({ type: 'failed', error }, { type: 'load' }).step).toEqual({ at: 'loading' });
  });

  it('preselects one ticket of the data-tier tier, if any are left', () => {
    expect(run(loaded({ tier: 'early-bird' })).quantities).toEqual({ tier_early: 1 });
    expect(run(loaded({ tier: 'nope' })).quantities).toEqual({});
  });

  it('resumes a held session with its tickets and email', () => {
    const s = session('tier_early', 3);
    const state = run(loaded({ step: { at: 'pay' }, held: s, tier: 'guest-list' }));
    expect(state).toMatchObject({ step: { at: 'pay' }, held: s, quantities: { tier_early: 3 } });
    expect(state.email).toBe('ada@example.com');
  });
});

describe('resumeStep', () => {
  const s = session();
  it('pays an open session, confirms a complete one or one back from a redirect', () => {
    expect(resumeStep(s, false, false)).toEqual({ at: 'pay' });
    expect(resumeStep(s, true, false)).toEqual({ at: 'confirming', session: s });
    expect(resumeStep(completed(s), false, true)).toMatchObject({ at: 'confirming' });
  });

  it('starts a widget again, and tells a hosted page its session has ended', () => {
    const expired = { ...s, status: 'expired' as const };
    expect(resumeStep(null, false, false)).toEqual({ at: 'select' });
    expect(resumeStep(expired, false, false)).toEqual({ at: 'select' });
    expect(resumeStep(expired, false, true)).toEqual({ at: 'ended', session: expired, paid: false });
  });
});

describe('choosing and holding', () => {
  it('keeps quantities and email, and an action’s busy and error', () => {
    const state = run(
      loaded(),
      { type: 'quantity', tierId: 'tier_early', quantity: 2 },
      { type: 'email', email: 'ada@example.com' },
      { type: 'busy' },
    );
    expect(state).toMatchObject({ quantities: { tier_early: 2 }, email: 'ada@example.com', busy: true });
    const failed = transition(state, { type: 'problem', error: { message: 'Sold out', param: 'items' } });
    expect(failed).toMatchObject({ busy: false, error: { message: 'Sold out' }, step: { at: 'select' } });
    expect(transition(failed, { type: 'busy' }).error).toBeNull();
  });

  it('goes to payment once the session holds the tickets, and back to change them', () => {
    const s = session();
    const paying = atPay(s);
    expect(paying).toMatchObject({ step: { at: 'pay' }, held: s, busy: false });
    const changing = transition(paying, { type: 'change' });
    expect(changing).toMatchObject({ step: { at: 'select' }, held: s });
    expect(transition(changing, { type: 'released' }).held).toBeNull();
  });

  it('keeps choices within what is left when availability moves, counting what the buyer holds', () => {
    const s = session('tier_early', 2);
    const state = run(
      loaded(),
      { type: 'quantity', tierId: 'tier_early', quantity: 4 },
      { type: 'quantity', tierId: 'tier_free', quantity: 3 },
      { type: 'held', session: s },
      { type: 'change' },
    );
    const fewer = { ...EVENT, tiers: EVENT.tiers.map((t) => ({ ...t, available: 1 })) };
    // One left of Early bird for everyone, plus the two this buyer holds.
    expect(transition(state, { type: 'refreshed', data: fewer }).quantities).toEqual({
      tier_early: 3,
      tier_free: 1,
    });
    expect(withHeld(fewer, s).tiers.map((t) => t.available)).toEqual([3, 1]);
  });
});

describe('paying and after', () => {
  const s = session('tier_free', 1);
  const confirming = transition(atPay(s), { type: 'paid', session: s });

  it('waits for the server once paid (or, for a free order, once started)', () => {
    expect(confirming.step).toEqual({ at: 'confirming', session: s });
  });

  it('shows the order once the session is complete, and forgets the purchase', () => {
    const done = transition(confirming, { type: 'polled', session: completed(s), ref: s });
    expect(done).toMatchObject({
      step: { at: 'done', order: ORDER, session: s, ticketsUrl: null },
      held: null,
      quantities: {},
    });
  });

  it('says it is slow when the poll gave up, and asks again on Check again', () => {
    const slow = transition(confirming, { type: 'polled', session: s, ref: s });
    expect(slow.step).toEqual({ at: 'slow', session: s });
    expect(transition(slow, { type: 'polled', session: null, ref: s }).step.at).toBe('slow');
    expect(transition(slow, { type: 'check' }).step).toEqual({ at: 'confirming', session: s });
    expect(transition(confirming, { type: 'check' })).toBe(confirming);
  });

  it('ends, with a payment under way, when the session expired before it was confirmed', () => {
    const expired = { ...s, status: 'expired' as const };
    const ended = transition(confirming, { type: 'polled', session: expired, ref: s });
    expect(ended).toMatchObject({ step: { at: 'ended', session: expired, paid: true }, held: null });
  });

  it('ends when the hold runs out, and starts again from the tier list', () => {
    const expired = { ...s, status: 'expired' as const };
    const ended = transition(atPay(s), { type: 'ended', session: expired, paid: false });
    expect(ended).toMatchObject({ step: { at: 'ended', paid: false }, held: null, busy: false });
    expect(transition(ended, { type: 'restart' }).step).toEqual({ at: 'select' });
  });

  it('leaves for the promoter’s page', () => {
    const state: FlowState = transition(confirming, { type: 'leave', url: 'https://shop.test/', paid: true });
    expect(state.step).toEqual({ at: 'leaving', url: 'https://shop.test/', paid: true });
  });
});

describe('redirectTarget', () => {
  it('puts the session id in place of {CHECKOUT_SESSION_ID}, as Stripe does', () => {
    expect(redirectTarget('https://shop.example/thanks?session_id={CHECKOUT_SESSION_ID}', 'cs_42')).toBe(
      'https://shop.example/thanks?session_id=cs_42',
    );
  });

  it('replaces every occurrence and leaves other braces alone', () => {
    expect(
      redirectTarget('http://localhost:5700/{CHECKOUT_SESSION_ID}?a={CHECKOUT_SESSION_ID}&b={OTHER}', 'cs_7'),
    ).toBe('http://localhost:5700/cs_7?a=cs_7&b={OTHER}');
  });

  it('keeps a URL without the placeholder as it is', () => {
    expect(redirectTarget('https://shop.example/', 'cs_42')).toBe('https://shop.example/');
  });

  it('refuses nothing, nonsense and addresses that are not http(s)', () => {
    expect(redirectTarget(null, 'cs_42')).toBeNull();
    expect(redirectTarget('', 'cs_42')).toBeNull();
    expect(redirectTarget('not a url', 'cs_42')).toBeNull();
    expect(redirectTarget('javascript:alert(1)//{CHECKOUT_SESSION_ID}', 'cs_42')).toBeNull();
  });
});
