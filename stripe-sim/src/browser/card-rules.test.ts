import { describe, expect, it } from 'vitest';
import {
  brandRule,
  cardNumberValid,
  expiryProblem,
  formatCardNumber,
  formatExpiry,
  luhnValid,
  parseExpiry,
  validateCardFields,
} from './card-rules.js';

const now = new Date(2026, 5, 15); // 15 June 2026

describe('card numbers', () => {
  it('accepts Stripe test numbers and rejects a mistyped digit (Luhn)', () => {
    expect(luhnValid('4242424242424242')).toBe(true);
    expect(luhnValid('4000002500003155')).toBe(true);
    expect(luhnValid('378282246310005')).toBe(true);
    expect(luhnValid('4242424242424241')).toBe(false);
    expect(luhnValid('')).toBe(false);
  });

  it('knows the brand and its length', () => {
    expect(brandRule('4242').brand).toBe('visa');
    expect(brandRule('5555').brand).toBe('mastercard');
    expect(brandRule('3782').brand).toBe('amex');
    expect(cardNumberValid('378282246310005')).toBe(true);
    expect(cardNumberValid('424242424242')).toBe(false);
  });

  it('groups digits as printed on the card', () => {
    expect(formatCardNumber('4242424242424242')).toBe('4242 4242 4242 4242');
    expect(formatCardNumber('4242-4242-42')).toBe('4242 4242 42');
    expect(formatCardNumber('378282246310005')).toBe('3782 822463 10005');
    expect(formatCardNumber('42424242424242429999')).toBe('4242 4242 4242 4242');
  });
});

describe('expiry dates', () => {
  it('formats and reads MM / YY', () => {
    expect(formatExpiry('1')).toBe('1');
    expect(formatExpiry('4')).toBe('04');
    expect(formatExpiry('1234')).toBe('12 / 34');
    expect(parseExpiry('12 / 34')).toEqual({ month: 12, year: 2034 });
    expect(parseExpiry('12 / 3')).toBeNull();
  });

  it('is valid through the end of its month', () => {
    expect(expiryProblem(6, 2026, now)).toBeNull();
    expect(expiryProblem(5, 2026, now)).toBe('past_month');
    expect(expiryProblem(12, 2025, now)).toBe('past_year');
    expect(expiryProblem(13, 2027, now)).toBe('invalid_month');
    expect(expiryProblem(1, 2090, now)).toBe('invalid_year');
  });
});

describe('validateCardFields', () => {
  it('is complete with a valid card', () => {
    const state = validateCardFields({ number: '4242 4242 4242 4242', expiry: '12 / 34', cvc: '123' }, now);
    expect([state.number, state.expiry, state.cvc].every((field) => field.complete && !field.error)).toBe(
      true,
    );
  });

  it("gives Stripe.js's codes and messages for each problem", () => {
    const empty = validateCardFields({ number: '', expiry: '', cvc: '' }, now);
    expect(empty.number).toMatchObject({ empty: true, error: { code: 'incomplete_number' } });
    expect(empty.expiry.error?.code).toBe('incomplete_expiry');
    expect(empty.cvc.error?.code).toBe('incomplete_cvc');

    const wrong = validateCardFields({ number: '4242 4242 4242 4241', expiry: '01 / 25', cvc: '12' }, now);
    expect(wrong.number.error).toEqual({ code: 'invalid_number', message: 'Your card number is invalid.' });
    expect(wrong.expiry.error).toEqual({
      code: 'invalid_expiry_year_past',
      message: "Your card's expiration year is in the past.",
    });
    expect(wrong.cvc.error?.message).toBe("Your card's security code is incomplete.");
  });

  it('wants four CVC digits for amex', () => {
    const amex = validateCardFields({ number: '3782 822463 10005', expiry: '12 / 34', cvc: '123' }, now);
    expect(amex.cvc.complete).toBe(false);
  });
});
