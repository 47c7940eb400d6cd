import { invalidRequest, type StripeApiError } from '../http/stripe-error.ts';

// Top-level parameters Stripe accepts on each endpoint. The sim honours the ones EntryRate uses and accepts
// the rest without effect, so that only a parameter Stripe itself would refuse fails with parameter_unknown.
const COMMON = ['expand'];
const PAYMENT_FIELDS = [
  'amount',
  'currency',
  'application_fee_amount',
  'capture_method',
  'customer',
  'customer_account',
  'description',
  'metadata',
  'payment_method',
  'payment_method_configuration',
  'payment_method_data',
  'payment_method_options',
  'payment_method_types',
  'receipt_email',
  'setup_future_usage',
  'shipping',
  'statement_descriptor',
  'statement_descriptor_suffix',
  'transfer_data',
  'transfer_group',
  'amount_details',
  'excluded_payment_method_types',
  'hooks',
  'payment_details',
];
const CONFIRM_FIELDS = [
  'confirmation_token',
  'error_on_requires_action',
  'mandate',
  'mandate_data',
  'off_session',
  'radar_options',
  'return_url',
  'use_stripe_sdk',
];

export const CREATE_PARAMS: ReadonlySet<string> = new Set([
  ...COMMON,
  ...PAYMENT_FIELDS,
  ...CONFIRM_FIELDS,
  'automatic_payment_methods',
  'confirm',
  'confirmation_method',
  'on_behalf_of',
  'allowed_payment_method_types',
]);
export const UPDATE_PARAMS: ReadonlySet<string> = new Set([...COMMON, ...PAYMENT_FIELDS]);
export const CONFIRM_PARAMS: ReadonlySet<string> = new Set([
  ...COMMON,
  ...CONFIRM_FIELDS,
  'client_secret',
  'capture_method',
  'payment_method',
  'payment_method_data',
  'payment_method_options',
  'payment_method_types',
  'receipt_email',
  'setup_future_usage',
  'shipping',
  'payment_details',
  'hooks',
]);
export const CANCEL_PARAMS: ReadonlySet<string> = new Set([...COMMON, 'cancellation_reason']);
export const RETRIEVE_PARAMS: ReadonlySet<string> = new Set([...COMMON, 'client_secret']);
/** The sim's own 3-D Secure answer endpoint. */
export const AUTHENTICATE_PARAMS: ReadonlySet<string> = new Set(['client_secret', 'outcome']);

/** Stripe's minimum charge per currency, in minor units (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts). */
const MINIMUM_AMOUNTS: Record<string, number> = {
  usd: 50,
  eur: 50,
  gbp: 30,
  aud: 50,
  cad: 50,
  chf: 50,
  nzd: 50,
  sgd: 50,
  jpy: 50,
  dkk: 250,
  nok: 300,
  sek: 300,
  pln: 200,
  hkd: 400,
  mxn: 1000,
};
const MAXIMUM_AMOUNT = 99_999_999;

/** A currency as Stripe stores it: a lower-case ISO code. */
export function checkCurrency(raw: string): string {
  const currency = raw.toLowerCase();
  if (!/^[a-z]{3}$/.test(currency))
    throw invalidRequest(`Invalid currency: ${raw}.`, 'currency', 'parameter_invalid');
  return currency;
}

/** Stripe refuses amounts below the currency's minimum charge and above eight digits. */
export function amountError(amount: number, currency: string): StripeApiError | undefined {
  const minimum = MINIMUM_AMOUNTS[currency] ?? 50;
  if (amount < minimum) {
    return invalidRequest(
      `Amount must be at least ${(minimum / 100).toFixed(2)} ${currency}`,
      'amount',
      'amount_too_small',
    );
  }
  if (amount > MAXIMUM_AMOUNT) {
    return invalidRequest(
      `Amount must be no more than ${(MAXIMUM_AMOUNT / 100).toFixed(2)} ${currency}`,
      'amount',
      'amount_too_large',
    );
  }
  return undefined;
}

export const CANCELLATION_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned'];
