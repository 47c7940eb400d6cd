import { describe, expect, it } from 'vitest';
import { chooseMode, endedNotice, readHash, redirectTarget } from './hosted';

const ref = { id: 'cs_0123abcd', clientSecret: 'cs_0123abcd_secret_xyz' };

describe('readHash', () => {
  it('reads the session and its secret from the fragment the server writes', () => {
    expect(readHash('#session=cs_0123abcd&secret=cs_0123abcd_secret_xyz')).toEqual(ref);
  });

  it('takes the parameters in any order, and percent-encoded', () => {
    expect(readHash('#secret=cs_0123abcd%5Fsecret%5Fxyz&session=cs_0123abcd')).toEqual(ref);
  });

  it('refuses a fragment without a secret, without a session, or with a malformed id', () => {
    expect(readHash('#session=cs_0123abcd')).toBeNull();
    expect(readHash('#secret=cs_0123abcd_secret_xyz')).toBeNull();
    expect(readHash('#session=evt_0123&secret=x')).toBeNull();
    expect(readHash('#session=cs_ABC&secret=x')).toBeNull();
    expect(readHash('')).toBeNull();
  });
});

describe('chooseMode', () => {
  const other = { id: 'cs_9999', clientSecret: 'cs_9999_secret_b' };

  it('pays the session named in the fragment, even when another one is stored', () => {
    expect(chooseMode('#session=cs_0123abcd&secret=cs_0123abcd_secret_xyz', '', other)).toEqual({
      kind: 'session',
      ref,
    });
  });

  it('shows one event’s checkout for ?event= (the iframe mode)', () => {
    const mode = chooseMode('', '?event=evt_1&theme=dark&tier=early-bird', other);
    expect(mode.kind).toBe('event');
    expect(mode.kind === 'event' && mode.query.get('tier')).toBe('early-bird');
  });

  it('goes back to the stored session on a reload or a return from a redirecting payment method', () => {
    expect(chooseMode('', '', ref)).toEqual({ kind: 'session', ref });
    expect(chooseMode('', '?payment_intent=pi_1&redirect_status=succeeded', ref)).toEqual({
      kind: 'session',
      ref,
    });
  });

  it('has nothing to show without a session or an event, or for a broken link', () => {
    expect(chooseMode('', '', null)).toEqual({ kind: 'none' });
    expect(chooseMode('#session=cs_0123abcd', '', other)).toEqual({ kind: 'none' });
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

describe('endedNotice', () => {
  it('says an expired checkout expired, and that nothing was charged', () => {
    expect(endedNotice({ status: 'expired', paymentStatus: 'unpaid' })).toEqual({
      title: 'This checkout expired',
      text: 'Your tickets were held for a limited time and have been released. You have not been charged.',
    });
  });

  it('says a cancelled checkout was cancelled', () => {
    expect(endedNotice({ status: 'cancelled', paymentStatus: 'unpaid' }).title).toBe(
      'This checkout was cancelled',
    );
  });

  it('tells a buyer whose payment came too late that it is refunded', () => {
    expect(endedNotice({ status: 'expired', paymentStatus: 'refunded' }).text).toBe(
      'Your payment arrived after your tickets were released, so it has been refunded.',
    );
    expect(endedNotice({ status: 'expired', paymentStatus: 'refund_pending' }).text).toBe(
      'Your payment arrived after your tickets were released, so it is being refunded.',
    );
  });
});
