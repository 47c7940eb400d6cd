// Stripe's published test cards and test payment methods, and what happens when each is charged.
// https://docs.stripe.com/testing

/** Why a charge failed, with the code, decline_code and message Stripe answers. */
export interface Decline {
  code: string;
  declineCode?: string;
  message: string;
}

export type ChargeOutcome =
  | { kind: 'succeed' }
  | { kind: 'decline'; decline: Decline }
  /** 3-D Secure first; `afterChallenge` is what the charge does once the buyer completes the challenge. */
  | { kind: 'authenticate'; afterChallenge: { kind: 'succeed' } | { kind: 'decline'; decline: Decline } };

export interface TestCard {
  brand: string;
  last4: string;
  funding: 'credit' | 'debit';
  outcome: ChargeOutcome;
}

export const DECLINES = {
  generic: { code: 'card_declined', declineCode: 'generic_decline', message: 'Your card was declined.' },
  insufficientFunds: {
    code: 'card_declined',
    declineCode: 'insufficient_funds',
    message: 'Your card has insufficient funds.',
  },
  lostCard: { code: 'card_declined', declineCode: 'lost_card', message: 'Your card was declined.' },
  stolenCard: { code: 'card_declined', declineCode: 'stolen_card', message: 'Your card was declined.' },
  expiredCard: { code: 'expired_card', declineCode: 'expired_card', message: 'Your card has expired.' },
  incorrectCvc: {
    code: 'incorrect_cvc',
    declineCode: 'incorrect_cvc',
    message: "Your card's security code is incorrect.",
  },
  processingError: {
    code: 'processing_error',
    declineCode: 'processing_error',
    message: 'An error occurred while processing your card. Try again in a little bit.',
  },
  /** Stripe's answer to a real card number in test mode. */
  liveCardInTestMode: {
    code: 'card_declined',
    declineCode: 'test_mode_live_card',
    message:
      'Your card was declined. Your request was in test mode, but used a non test (live) card. For a list of valid test cards, visit: https://stripe.com/docs/testing.',
  },
  /** A 3-D Secure challenge the buyer failed or abandoned. */
  authenticationFailed: {
    code: 'payment_intent_authentication_failure',
    message:
      'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.',
  },
  /** `error_on_requires_action=true` on a card that asks for authentication. */
  authenticationRequired: {
    code: 'card_declined',
    declineCode: 'authentication_required',
    message: 'Your card was declined. This transaction requires authentication.',
  },
} satisfies Record<string, Decline>;

const succeed: ChargeOutcome = { kind: 'succeed' };
const decline = (d: Decline): ChargeOutcome => ({ kind: 'decline', decline: d });
const authenticate: ChargeOutcome = { kind: 'authenticate', afterChallenge: { kind: 'succeed' } };

type CardSpec = Omit<TestCard, 'last4'>;
const visa = (outcome: ChargeOutcome): CardSpec => ({ brand: 'visa', funding: 'credit', outcome });

/** Test card numbers, as typed into the Payment Element. */
const TEST_CARD_NUMBERS: Record<string, CardSpec> = {
  '4242424242424242': visa(succeed),
  '4000056655665556': { brand: 'visa', funding: 'debit', outcome: succeed },
  '5555555555554444': { brand: 'mastercard', funding: 'credit', outcome: succeed },
  '2223003122003222': { brand: 'mastercard', funding: 'credit', outcome: succeed },
  '5200828282828210': { brand: 'mastercard', funding: 'debit', outcome: succeed },
  '378282246310005': { brand: 'amex', funding: 'credit', outcome: succeed },
  '371449635398431': { brand: 'amex', funding: 'credit', outcome: succeed },
  '6011111111111117': { brand: 'discover', funding: 'credit', outcome: succeed },
  '4000000000000002': visa(decline(DECLINES.generic)),
  '4000000000009995': visa(decline(DECLINES.insufficientFunds)),
  '4000000000009987': visa(decline(DECLINES.lostCard)),
  '4000000000009979': visa(decline(DECLINES.stolenCard)),
  '4000000000000069': visa(decline(DECLINES.expiredCard)),
  '4000000000000127': visa(decline(DECLINES.incorrectCvc)),
  '4000000000000119': visa(decline(DECLINES.processingError)),
  '4000002500003155': visa(authenticate),
  '4000002760003184': visa(authenticate),
  '4000000000003220': visa(authenticate),
  '4000008260003178': visa({
    kind: 'authenticate',
    afterChallenge: { kind: 'decline', decline: DECLINES.insufficientFunds },
  }),
};

/** Stripe's test PaymentMethod ids, for confirming from a server or script without a browser. */
const TEST_PAYMENT_METHODS: Record<string, TestCard> = {
  pm_card_visa: { ...visa(succeed), last4: '4242' },
  pm_card_visa_debit: { brand: 'visa', funding: 'debit', last4: '5556', outcome: succeed },
  pm_card_mastercard: { brand: 'mastercard', funding: 'credit', last4: '4444', outcome: succeed },
  pm_card_amex: { brand: 'amex', funding: 'credit', last4: '8431', outcome: succeed },
  pm_card_discover: { brand: 'discover', funding: 'credit', last4: '1117', outcome: succeed },
  pm_card_chargeDeclined: { ...visa(decline(DECLINES.generic)), last4: '0002' },
  pm_card_chargeDeclinedInsufficientFunds: { ...visa(decline(DECLINES.insufficientFunds)), last4: '9995' },
  pm_card_visa_chargeDeclinedInsufficientFunds: {
    ...visa(decline(DECLINES.insufficientFunds)),
    last4: '9995',
  },
  pm_card_chargeDeclinedLostCard: { ...visa(decline(DECLINES.lostCard)), last4: '9987' },
  pm_card_chargeDeclinedStolenCard: { ...visa(decline(DECLINES.stolenCard)), last4: '9979' },
  pm_card_chargeDeclinedExpiredCard: { ...visa(decline(DECLINES.expiredCard)), last4: '0069' },
  pm_card_chargeDeclinedIncorrectCvc: { ...visa(decline(DECLINES.incorrectCvc)), last4: '0127' },
  pm_card_chargeDeclinedProcessingError: { ...visa(decline(DECLINES.processingError)), last4: '0119' },
  pm_card_authenticationRequired: { ...visa(authenticate), last4: '3184' },
  pm_card_threeDSecure2Required: { ...visa(authenticate), last4: '3220' },
  pm_card_threeDSecureRequired: { ...visa(authenticate), last4: '3155' },
};

/**
 * What charging a typed card number does. A valid number that is not a test card is declined, as Stripe
 * declines real cards in test mode. The caller has already checked the number's length and checksum.
 */
export function cardForNumber(digits: string, brand: string): TestCard {
  const last4 = digits.slice(-4);
  const known = TEST_CARD_NUMBERS[digits];
  if (known) return { ...known, last4 };
  return { brand, funding: 'credit', last4, outcome: decline(DECLINES.liveCardInTestMode) };
}

/** The test PaymentMethod behind an id such as `pm_card_visa`, or undefined. */
export function cardForTestPaymentMethod(id: string): TestCard | undefined {
  return Object.hasOwn(TEST_PAYMENT_METHODS, id) ? TEST_PAYMENT_METHODS[id] : undefined;
}
