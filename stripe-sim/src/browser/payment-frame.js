// The Payment Element's frame, served from the sim's origin like js.stripe.com's: the card fields live
// here, out of the host page's reach. It validates as the buyer types, tells the host only whether the
// form is empty or complete, and on confirmation sends the card to the sim itself.
import {
  brandRule,
  cardDigits,
  formatCardNumber,
  formatExpiry,
  parseExpiry,
  validateCardFields,
} from './card-rules.js';
import { callApi, hostOrigin, intentIdFrom } from './frame-api.js';
import { listenTo, MESSAGES, postTo } from './messages.js';

const HOST_ORIGIN = hostOrigin();
const query = new URLSearchParams(window.location.search);

/**
 * @template {import('./messages.js').MessageName} K
 * @param {K} type
 * @param {import('./messages.js').MessageMap[K]} payload
 */
const tellHost = (type, payload) => postTo(window.parent, HOST_ORIGIN, type, payload);

/** @param {string} selector */
const input = (selector) => /** @type {HTMLInputElement} */ (document.querySelector(selector));
const form = /** @type {HTMLFormElement} */ (document.querySelector('form'));
const fields = { number: input('#card-number'), expiry: input('#card-expiry'), cvc: input('#card-cvc') };
const country = /** @type {HTMLSelectElement} */ (document.querySelector('#card-country'));
const brand = /** @type {HTMLElement} */ (document.querySelector('#card-brand'));
/** @typedef {'number' | 'expiry' | 'cvc'} FieldName */
/** @type {FieldName[]} */
const FIELD_NAMES = ['number', 'expiry', 'cvc'];

/** Fields the buyer has left once: their errors show from then on, not while first typing. */
const visited = new Set();
let showEveryError = false;
let lastChange = '';

/** Stripe's built-in themes, as the CSS custom properties payment-frame.css reads. */
const STRIPE_THEME = {
  colorPrimary: '#0570de',
  colorBackground: '#ffffff',
  colorText: '#30313d',
  colorTextSecondary: '#6d6e78',
  colorDanger: '#df1b41',
  colorBorder: '#e0e0e6',
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', sans-serif",
  borderRadius: '5px',
  colorScheme: 'light',
};
/** @type {Record<string, typeof STRIPE_THEME>} */
const THEMES = {
  stripe: STRIPE_THEME,
  night: {
    ...STRIPE_THEME,
    colorPrimary: '#85a4ff',
    colorBackground: '#30313d',
    colorText: '#ffffff',
    colorTextSecondary: '#bfc1cc',
    colorDanger: '#fe87a1',
    colorBorder: '#4a4c5c',
    colorScheme: 'dark',
  },
  flat: { ...STRIPE_THEME, colorBackground: '#f3f4f7', colorBorder: '#f3f4f7' },
};

/**
 * Applies `appearance.theme` and the common `appearance.variables` as CSS custom properties.
 * @param {{ theme?: string, variables?: Record<string, string> }} appearance
 */
function applyAppearance(appearance) {
  const name = appearance.theme ?? 'stripe';
  const theme = Object.hasOwn(THEMES, name) ? THEMES[name] : STRIPE_THEME;
  const variables = { ...theme, ...(appearance.variables ?? {}) };
  const root = document.documentElement;
  root.style.colorScheme = theme.colorScheme;
  for (const [name, value] of Object.entries(variables)) {
    if (typeof value === 'string' && name !== 'colorScheme') root.style.setProperty(`--${name}`, value);
  }
}

function readAppearance() {
  try {
    return JSON.parse(query.get('appearance') ?? '{}') ?? {};
  } catch {
    return {};
  }
}

function currentState() {
  return validateCardFields({
    number: fields.number.value,
    expiry: fields.expiry.value,
    cvc: fields.cvc.value,
  });
}

/** Shows each field's error once it is due: after the buyer left the field, on submit, or when plainly wrong. */
function render() {
  const state = currentState();
  for (const name of FIELD_NAMES) {
    const { error, empty } = state[name];
    const plainlyWrong = Boolean(error?.code.startsWith('invalid_'));
    const due = showEveryError || plainlyWrong || (visited.has(name) && !empty);
    const message = error && due ? error.message : '';
    const box = /** @type {HTMLElement} */ (document.querySelector(`#card-${name}-error`));
    box.textContent = message;
    fields[name].setAttribute('aria-invalid', String(Boolean(message)));
  }
  brand.textContent = state.number.empty
    ? ''
    : brandRule(cardDigits(fields.number.value)).brand.replace('unknown', '');
  return state;
}

/** Tells the host whether the form is empty or complete, when that changes (the Payment Element's `change`). */
function reportChange() {
  const state = render();
  const complete = FIELD_NAMES.every((name) => state[name].complete);
  const empty = FIELD_NAMES.every((name) => state[name].empty);
  const key = `${complete}/${empty}`;
  if (key === lastChange) return;
  lastChange = key;
  tellHost(MESSAGES.change, { complete, empty });
}

/** The first error in the form, as Stripe.js's validation_error, or undefined. */
function firstError() {
  const state = currentState();
  const name = FIELD_NAMES.find((field) => state[field].error);
  if (!name) return undefined;
  const error = /** @type {{ code: string, message: string }} */ (state[name].error);
  return { name, error: { type: 'validation_error', code: error.code, message: error.message } };
}

/** Checks the whole form on submit: every error shows, and focus goes to the first wrong field. */
function validateAll() {
  showEveryError = true;
  render();
  const problem = firstError();
  if (problem) fields[problem.name].focus();
  return problem?.error;
}

/** @param {boolean} busy */
function setBusy(busy) {
  for (const field of [...Object.values(fields), country]) field.disabled = busy;
  form.setAttribute('aria-busy', String(busy));
}

fields.number.addEventListener('input', () => {
  fields.number.value = formatCardNumber(fields.number.value);
  if (currentState().number.complete) fields.expiry.focus();
  reportChange();
});
fields.expiry.addEventListener('input', (event) => {
  const deleting = /** @type {InputEvent} */ (event).inputType?.startsWith('delete');
  if (!deleting) fields.expiry.value = formatExpiry(fields.expiry.value);
  if (currentState().expiry.complete) fields.cvc.focus();
  reportChange();
});
fields.cvc.addEventListener('input', () => {
  fields.cvc.value = cardDigits(fields.cvc.value).slice(
    0,
    brandRule(cardDigits(fields.number.value)).cvcLength,
  );
  reportChange();
});
for (const name of FIELD_NAMES) {
  fields[name].addEventListener('blur', () => {
    visited.add(name);
    render();
  });
}

form.addEventListener('focusin', (event) => {
  if (!form.contains(/** @type {Node | null} */ (event.relatedTarget))) tellHost(MESSAGES.focus, {});
});
form.addEventListener('focusout', (event) => {
  if (!form.contains(/** @type {Node | null} */ (event.relatedTarget))) tellHost(MESSAGES.blur, {});
});
// Enter in a field must not reload the frame; the host page owns the pay button.
form.addEventListener('submit', (event) => event.preventDefault());

listenTo(window, () => window.parent, HOST_ORIGIN, {
  [MESSAGES.update]: ({ appearance }) => {
    if (appearance) applyAppearance(appearance);
  },
  [MESSAGES.focusField]: () => fields.number.focus(),
  [MESSAGES.clear]: () => {
    for (const field of Object.values(fields)) field.value = '';
    visited.clear();
    showEveryError = false;
    reportChange();
  },
  [MESSAGES.submit]: ({ requestId }) => {
    const error = validateAll();
    tellHost(MESSAGES.submitResult, error ? { requestId, error } : { requestId });
  },
  [MESSAGES.confirm]: async ({ requestId, publishableKey, clientSecret, returnUrl, receiptEmail }) => {
    const error = validateAll();
    if (error) {
      tellHost(MESSAGES.confirmResult, { requestId, error });
      return;
    }
    const expiry = /** @type {{ month: number, year: number }} */ (parseExpiry(fields.expiry.value));
    /** @type {Record<string, string>} */
    const params = {
      client_secret: String(clientSecret),
      'payment_method_data[type]': 'card',
      'payment_method_data[card][number]': cardDigits(fields.number.value),
      'payment_method_data[card][exp_month]': String(expiry.month),
      'payment_method_data[card][exp_year]': String(expiry.year),
      'payment_method_data[card][cvc]': fields.cvc.value,
      'payment_method_data[billing_details][address][country]': country.value,
    };
    if (returnUrl) params.return_url = String(returnUrl);
    if (receiptEmail) params.receipt_email = String(receiptEmail);
    setBusy(true);
    const path = `/v1/payment_intents/${encodeURIComponent(intentIdFrom(String(clientSecret)))}/confirm`;
    const result = await callApi('POST', path, String(publishableKey), params);
    setBusy(false);
    const answer =
      'error' in result ? { requestId, error: result.error } : { requestId, paymentIntent: result.data };
    tellHost(MESSAGES.confirmResult, answer);
  },
});

/** The buyer's country from the browser's language, as a starting guess; they can change it. */
function guessCountry() {
  const region = navigator.language.split('-')[1]?.toUpperCase();
  if (region && [...country.options].some((option) => option.value === region)) country.value = region;
}

applyAppearance(readAppearance());
guessCountry();
new ResizeObserver(() => {
  tellHost(MESSAGES.resize, { height: Math.ceil(document.body.getBoundingClientRect().height) });
}).observe(document.body);
tellHost(MESSAGES.ready, {});
