import { describe, expect, it } from 'vitest';
import { chooseMode, readHash } from './hosted';

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
