// The 3-D Secure challenge page, shown over the host page in a frame from the sim's origin. The buyer
// completes or fails the authentication; the frame tells the sim, then tells the host page.
import { callApi, hostOrigin, intentIdFrom } from './frame-api.js';
import { MESSAGES, postTo } from './messages.js';

const HOST_ORIGIN = hostOrigin();
const query = new URLSearchParams(window.location.search);
const publishableKey = query.get('key') ?? '';
const clientSecret = query.get('client_secret') ?? '';
const path = `/v1/payment_intents/${encodeURIComponent(intentIdFrom(clientSecret))}`;

const amount = /** @type {HTMLElement} */ (document.querySelector('#amount'));
const status = /** @type {HTMLElement} */ (document.querySelector('#status'));
const buttons = /** @type {NodeListOf<HTMLButtonElement>} */ (
  document.querySelectorAll('button[data-outcome]')
);

/** The amount in the buyer's terms, e.g. "£24.00". */
async function showAmount() {
  const result = await callApi('GET', path, publishableKey, { client_secret: clientSecret });
  if ('error' in result) return;
  const { amount: minor, currency } = result.data;
  const format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
  const decimals = format.resolvedOptions().maximumFractionDigits ?? 2;
  amount.textContent = format.format(minor / 10 ** decimals);
}

/** @param {'complete' | 'fail'} outcome */
async function answer(outcome) {
  for (const button of buttons) button.disabled = true;
  status.textContent = outcome === 'complete' ? 'Authenticating…' : 'Failing authentication…';
  const result = await callApi(
    'POST',
    `/v1/stripe_sim/payment_intents/${intentIdFrom(clientSecret)}/authenticate`,
    publishableKey,
    {
      client_secret: clientSecret,
      outcome,
    },
  );
  if ('error' in result) {
    status.textContent = result.error.message;
    for (const button of buttons) button.disabled = false;
    return;
  }
  postTo(window.parent, HOST_ORIGIN, MESSAGES.challengeResult, { outcome });
}

for (const button of buttons) {
  button.addEventListener('click', () => answer(button.dataset.outcome === 'complete' ? 'complete' : 'fail'));
}
buttons[0]?.focus();
showAmount();
