import type Stripe from 'stripe';
import { brandRule, cardDigits, cardNumberValid, expiryProblem } from '../browser/card-rules.js';
import { cardForNumber, cardForTestPaymentMethod, type TestCard } from '../cards/test-cards.ts';
import type { Caller } from '../http/auth.ts';
import { optionalHash, optionalString, type Params } from '../http/params.ts';
import { cardError, invalidRequest } from '../http/stripe-error.ts';
import { newId } from '../ids.ts';

/** The card a PaymentIntent will charge: its PaymentMethod object and what charging it does. */
export interface ResolvedPaymentMethod {
  paymentMethod: Stripe.PaymentMethod;
  card: TestCard;
}

const RAW_CARD_DATA =
  'Sending credit card numbers directly to the Stripe API is generally unsafe. We suggest you use test tokens that map to the test card you are using, see https://stripe.com/docs/testing. To enable testing raw card data APIs, see https://support.stripe.com/questions/enabling-access-to-raw-card-data-apis.';

function paymentMethodObject(
  card: TestCard,
  expiry: { month: number; year: number },
  country: string | null,
  created: number,
): Stripe.PaymentMethod {
  return {
    id: newId('pm'),
    object: 'payment_method',
    billing_details: {
      address: { city: null, country, line1: null, line2: null, postal_code: null, state: null },
      email: null,
      name: null,
      phone: null,
      tax_id: null,
    },
    card: {
      brand: card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
      country: 'US',
      display_brand: card.brand,
      exp_month: expiry.month,
      exp_year: expiry.year,
      funding: card.funding,
      generated_from: null,
      last4: card.last4,
      networks: { available: [card.brand], preferred: null },
      regulated_status: 'unregulated',
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created,
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: {},
    type: 'card',
  };
}

/** Card details as the API checks them before any charge: Stripe answers these with a 402 card_error. */
function checkCardDetails(card: Params, now: Date): { digits: string; month: number; year: number } {
  const param = (field: string) => `payment_method_data[card][${field}]`;
  const digits = cardDigits(String(card.number ?? ''));
  if (!cardNumberValid(digits)) {
    throw cardError({
      code: 'incorrect_number',
      message: 'Your card number is incorrect.',
      param: param('number'),
    });
  }
  const month = Number(card.exp_month);
  let year = Number(card.exp_year);
  if (year < 100) year += 2000;
  const problem = expiryProblem(month, year, now);
  if (problem === 'invalid_month' || problem === 'past_month') {
    throw cardError({
      code: 'invalid_expiry_month',
      message: "Your card's expiration month is invalid.",
      param: param('exp_month'),
    });
  }
  if (problem) {
    throw cardError({
      code: 'invalid_expiry_year',
      message: "Your card's expiration year is invalid.",
      param: param('exp_year'),
    });
  }
  const cvc = typeof card.cvc === 'string' ? card.cvc : '';
  if (!new RegExp(`^\\d{${brandRule(digits).cvcLength}}$`).test(cvc)) {
    throw cardError({
      code: 'invalid_cvc',
      message: "Your card's security code is invalid.",
      param: param('cvc'),
    });
  }
  return { digits, month, year };
}

/**
 * The card a confirmation names, if any: a test PaymentMethod id (`pm_card_visa`), or, from a browser with a
 * publishable key, card details typed into the Payment Element (`payment_method_data[card][…]`).
 */
export function resolvePaymentMethod(
  params: Params,
  caller: Caller,
  now: Date,
): ResolvedPaymentMethod | undefined {
  const created = Math.floor(now.getTime() / 1000);
  const id = optionalString(params, 'payment_method');
  if (id) {
    const card = cardForTestPaymentMethod(id);
    if (!card) throw invalidRequest(`No such PaymentMethod: '${id}'`, 'payment_method', 'resource_missing');
    const expiry = { month: 12, year: now.getFullYear() + 3 };
    return { card, paymentMethod: paymentMethodObject(card, expiry, null, created) };
  }

  const data = optionalHash(params, 'payment_method_data');
  if (!data) return undefined;
  if (data.type !== 'card') {
    throw invalidRequest(
      'The stripe-sim supports card payment methods only: payment_method_data[type] must be "card".',
      'payment_method_data[type]',
    );
  }
  if (caller.kind === 'secret') throw invalidRequest(RAW_CARD_DATA);
  const cardParams = optionalHash(data, 'card') ?? {};
  const { digits, month, year } = checkCardDetails(cardParams, now);
  const card = cardForNumber(digits, brandRule(digits).brand);
  const address = optionalHash(data, 'billing_details')?.address as Params | undefined;
  const country = typeof address?.country === 'string' ? address.country : null;
  return { card, paymentMethod: paymentMethodObject(card, { month, year }, country, created) };
}
