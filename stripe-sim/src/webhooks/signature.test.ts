import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { stripeSignatureHeader } from './signature.ts';

const stripe = new Stripe('sk_test_unit');
const secret = 'whsec_unit_test';
const payload = JSON.stringify({ id: 'evt_1', object: 'event', type: 'payment_intent.succeeded' }, null, 2);

describe('stripeSignatureHeader', () => {
  it("matches the stripe package's own test header byte for byte", () => {
    const timestamp = 1_700_000_000;
    const ours = stripeSignatureHeader(payload, secret, timestamp);
    expect(ours).toBe(stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }));
  });

  it('verifies with constructEvent, and fails for another secret or payload', () => {
    const header = stripeSignatureHeader(payload, secret, Math.floor(Date.now() / 1000));
    expect(stripe.webhooks.constructEvent(payload, header, secret).id).toBe('evt_1');
    expect(() => stripe.webhooks.constructEvent(payload, header, 'whsec_other')).toThrow();
    expect(() => stripe.webhooks.constructEvent(`${payload} `, header, secret)).toThrow();
  });
});
