import { describe, expect, it } from 'vitest';
import { cardForNumber, cardForTestPaymentMethod } from './test-cards.ts';

describe('test cards', () => {
  it("follows Stripe's published outcomes", () => {
    expect(cardForNumber('4242424242424242', 'visa').outcome).toEqual({ kind: 'succeed' });
    expect(cardForNumber('4000000000000002', 'visa').outcome).toMatchObject({
      kind: 'decline',
      decline: { code: 'card_declined', declineCode: 'generic_decline', message: 'Your card was declined.' },
    });
    expect(cardForNumber('4000000000009995', 'visa').outcome).toMatchObject({
      decline: { declineCode: 'insufficient_funds' },
    });
    expect(cardForNumber('4000002500003155', 'visa').outcome).toMatchObject({ kind: 'authenticate' });
  });

  it('declines a real card number in test mode', () => {
    const card = cardForNumber('4111111111111111', 'visa');
    expect(card).toMatchObject({
      last4: '1111',
      outcome: { decline: { declineCode: 'test_mode_live_card' } },
    });
  });

  it('knows the test PaymentMethods and nothing else', () => {
    expect(cardForTestPaymentMethod('pm_card_visa')).toMatchObject({ brand: 'visa', last4: '4242' });
    expect(cardForTestPaymentMethod('pm_card_chargeDeclined')?.outcome.kind).toBe('decline');
    expect(cardForTestPaymentMethod('pm_card_nope')).toBeUndefined();
    expect(cardForTestPaymentMethod('toString')).toBeUndefined();
  });
});
