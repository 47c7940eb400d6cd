/** Stripe's test cards (any future expiry, any CVC), which the stripe-sim answers as Stripe does. */
export const TEST_CARDS = {
  visa: { number: '4242 4242 4242 4242', expiry: '12 / 34', cvc: '123' },
  declined: { number: '4000 0000 0000 0002', expiry: '12 / 34', cvc: '123' },
  insufficientFunds: { number: '4000 0000 0000 9995', expiry: '12 / 34', cvc: '123' },
  threeDSecure: { number: '4000 0025 0000 3155', expiry: '12 / 34', cvc: '123' },
} as const;

export type Card = (typeof TEST_CARDS)[keyof typeof TEST_CARDS];
