// Card number, expiry and CVC rules. One copy serves both sides: the Payment Element frame imports it
// as a module to validate as the buyer types, and the sim's API imports it to check what it is sent.

/** @typedef {{ brand: string, pattern: RegExp, lengths: number[], cvcLength: number, groups: number[] }} BrandRule */

/** @type {BrandRule[]} */
const BRANDS = [
  { brand: 'amex', pattern: /^3[47]/, lengths: [15], cvcLength: 4, groups: [4, 6, 5] },
  { brand: 'diners', pattern: /^3(0[0-5]|[689])/, lengths: [14, 16], cvcLength: 3, groups: [4, 6, 4] },
  { brand: 'discover', pattern: /^6(011|5|4[4-9])/, lengths: [16], cvcLength: 3, groups: [4, 4, 4, 4] },
  { brand: 'jcb', pattern: /^35/, lengths: [16], cvcLength: 3, groups: [4, 4, 4, 4] },
  { brand: 'mastercard', pattern: /^(5[1-5]|2[2-7])/, lengths: [16], cvcLength: 3, groups: [4, 4, 4, 4] },
  { brand: 'unionpay', pattern: /^62/, lengths: [16, 17, 18, 19], cvcLength: 3, groups: [4, 4, 4, 4, 3] },
  { brand: 'visa', pattern: /^4/, lengths: [16], cvcLength: 3, groups: [4, 4, 4, 4] },
];

/** @type {BrandRule} */
const UNKNOWN = { brand: 'unknown', pattern: /^/, lengths: [16], cvcLength: 3, groups: [4, 4, 4, 4] };

/** Digits only: buyers type "4242 4242 …" and paste with dashes. @param {string} value */
export function cardDigits(value) {
  return String(value).replace(/\D/g, '');
}

/** The card network's rules for a number, from its first digits. @param {string} digits */
export function brandRule(digits) {
  return BRANDS.find((rule) => rule.pattern.test(digits)) ?? UNKNOWN;
}

/** The Luhn checksum every card number carries: it catches a mistyped digit. @param {string} digits */
export function luhnValid(digits) {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** A full-length number that passes Luhn for its brand. @param {string} digits */
export function cardNumberValid(digits) {
  const rule = brandRule(digits);
  return rule.lengths.includes(digits.length) && luhnValid(digits);
}

/** Groups the digits as printed on the card ("4242 4242 4242 4242", amex 4-6-5). @param {string} value */
export function formatCardNumber(value) {
  const digits = cardDigits(value);
  const rule = brandRule(digits);
  const max = Math.max(...rule.lengths);
  const parts = [];
  let rest = digits.slice(0, max);
  for (const size of rule.groups) {
    if (!rest) break;
    parts.push(rest.slice(0, size));
    rest = rest.slice(size);
  }
  if (rest) parts.push(rest);
  return parts.join(' ');
}

/** Formats typed expiry digits as "MM / YY"; a lone 2-9 becomes "0N". @param {string} value */
export function formatExpiry(value) {
  let digits = cardDigits(value);
  if (/^[2-9]$/.test(digits)) digits = `0${digits}`;
  digits = digits.slice(0, 4);
  return digits.length > 2 ? `${digits.slice(0, 2)} / ${digits.slice(2)}` : digits;
}

/**
 * Reads "MM / YY" (or MM/YYYY) into a month and a four-digit year; null while incomplete.
 * @param {string} value
 * @returns {{ month: number, year: number } | null}
 */
export function parseExpiry(value) {
  const digits = cardDigits(value);
  if (digits.length !== 4 && digits.length !== 6) return null;
  const month = Number(digits.slice(0, 2));
  const year = Number(digits.slice(2));
  return { month, year: digits.length === 4 ? 2000 + year : year };
}

/**
 * Why an expiry date cannot be used, or null: months run 1-12, the card is valid through the end of
 * its expiry month, and Stripe refuses years more than 50 years ahead.
 * @param {number} month
 * @param {number} year four digits
 * @param {Date} now
 * @returns {'invalid_month' | 'past_year' | 'past_month' | 'invalid_year' | null}
 */
export function expiryProblem(month, year, now) {
  if (!Number.isInteger(month) || month < 1 || month > 12) return 'invalid_month';
  const thisYear = now.getFullYear();
  if (year < thisYear) return 'past_year';
  if (year === thisYear && month < now.getMonth() + 1) return 'past_month';
  if (year > thisYear + 50) return 'invalid_year';
  return null;
}

/**
 * @typedef {{ code: string, message: string }} FieldError
 * @typedef {{ empty: boolean, complete: boolean, error: FieldError | null }} FieldState
 * @typedef {{ number: FieldState, expiry: FieldState, cvc: FieldState }} CardFieldsState
 */

/** @param {string} number @returns {FieldState} */
function numberState(number) {
  const digits = cardDigits(number);
  const { lengths } = brandRule(digits);
  const incomplete = { code: 'incomplete_number', message: 'Your card number is incomplete.' };
  if (cardNumberValid(digits)) return { empty: false, complete: true, error: null };
  // Short of the longest length the number may still grow into a valid one; at it, it is wrong.
  if (digits.length < Math.max(...lengths))
    return { empty: digits === '', complete: false, error: incomplete };
  return {
    empty: false,
    complete: false,
    error: { code: 'invalid_number', message: 'Your card number is invalid.' },
  };
}

/** @param {string} expiry @param {Date} now @returns {FieldState} */
function expiryState(expiry, now) {
  const empty = cardDigits(expiry) === '';
  const parsed = parseExpiry(expiry);
  if (!parsed) {
    const error = { code: 'incomplete_expiry', message: "Your card's expiration date is incomplete." };
    return { empty, complete: false, error };
  }
  const messages = {
    invalid_month: { code: 'invalid_expiry_month', message: "Your card's expiration date is invalid." },
    past_year: { code: 'invalid_expiry_year_past', message: "Your card's expiration year is in the past." },
    past_month: { code: 'invalid_expiry_month_past', message: "Your card's expiration date is in the past." },
    invalid_year: { code: 'invalid_expiry_year', message: "Your card's expiration year is invalid." },
  };
  const problem = expiryProblem(parsed.month, parsed.year, now);
  return problem
    ? { empty, complete: false, error: messages[problem] }
    : { empty, complete: true, error: null };
}

/** @param {string} cvc @param {string} number @returns {FieldState} */
function cvcState(cvc, number) {
  const digits = cardDigits(cvc);
  const wanted = brandRule(cardDigits(number)).cvcLength;
  if (digits.length < wanted) {
    return {
      empty: digits === '',
      complete: false,
      error: { code: 'incomplete_cvc', message: "Your card's security code is incomplete." },
    };
  }
  return { empty: false, complete: true, error: null };
}

/**
 * Validates the three card fields as the Payment Element does, with Stripe.js's error codes and messages.
 * @param {{ number: string, expiry: string, cvc: string }} fields
 * @param {Date} [now]
 * @returns {CardFieldsState}
 */
export function validateCardFields(fields, now = new Date()) {
  return {
    number: numberState(fields.number),
    expiry: expiryState(fields.expiry, now),
    cvc: cvcState(fields.cvc, fields.number),
  };
}
