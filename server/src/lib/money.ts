import { z } from 'zod';

/** The currency's formatter: its symbol, and how many decimals its minor units make (JPY none). */
function currencyFormat(currency: string): { format: Intl.NumberFormat; digits: number } {
  const format = new Intl.NumberFormat('en-GB', { style: 'currency', currency: currency.toUpperCase() });
  return { format, digits: format.resolvedOptions().maximumFractionDigits ?? 2 };
}

/** An amount in minor units as a person reads it: `formatMoney(2400, 'gbp')` is "£24.00". */
export function formatMoney(amount: number, currency: string): string {
  const { format, digits } = currencyFormat(currency);
  return format.format(amount / 10 ** digits);
}

/**
 * Whole minor units as a plain decimal in major units, for files a spreadsheet reads:
 * `majorUnits(1200, 'gbp')` is "12.00", `majorUnits(500, 'jpy')` is "500". Exact: no floats.
 */
export function majorUnits(amount: number, currency: string): string {
  const { digits } = currencyFormat(currency);
  const sign = amount < 0 ? '-' : '';
  const text = String(Math.abs(amount)).padStart(digits + 1, '0');
  if (digits === 0) return sign + text;
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/**
 * The smallest amount Stripe charges in each currency EntryRate sells in, in minor units (Stripe's
 * "minimum and maximum charge amounts"). A total of 0 is a free order and never reaches Stripe.
 */
export const MINIMUM_CHARGE: Readonly<Record<string, number>> = {
  aud: 50,
  bgn: 100,
  brl: 50,
  cad: 50,
  chf: 50,
  czk: 1500,
  dkk: 250,
  eur: 50,
  gbp: 30,
  hkd: 400,
  huf: 17500,
  inr: 50,
  jpy: 50,
  mxn: 1000,
  myr: 200,
  nok: 300,
  nzd: 50,
  pln: 200,
  ron: 200,
  sek: 300,
  sgd: 50,
  thb: 1000,
  usd: 50,
};

/** Stripe's largest single charge: eight digits of minor units. */
export const MAXIMUM_CHARGE = 99_999_999;

/** Why Stripe would refuse to charge `amount` (minor units) in `currency`, or null when it would not. */
export function chargeProblem(amount: number, currency: string): string | null {
  const minimum = MINIMUM_CHARGE[currency];
  if (minimum === undefined) return `EntryRate does not sell in ${currency.toUpperCase()}.`;
  if (amount === 0) return null;
  if (amount < minimum) {
    return `The total ${formatMoney(amount, currency)} is under Stripe's minimum charge of ${formatMoney(minimum, currency)}.`;
  }
  if (amount > MAXIMUM_CHARGE) {
    return `The total ${formatMoney(amount, currency)} is over Stripe's maximum charge of ${formatMoney(MAXIMUM_CHARGE, currency)}.`;
  }
  return null;
}

/** An amount as the API answers it: whole minor units, never negative (1200 is £12.00). */
export const minorUnits = z.number().int().min(0);

/** A lowercase ISO 4217 currency code, as Stripe spells it (`gbp`). */
export const currencyCode = z.string().regex(/^[a-z]{3}$/);
