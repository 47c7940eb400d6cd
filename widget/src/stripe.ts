import { inject } from './dom';
import type { CardForm, CardFormOptions, MountCardForm } from './stripe-loader';

/**
 * The Payment Element in `node`. Stripe's code (stripe-loader.js, from the API origin at `api`, and
 * Stripe.js) arrives only now, when a buyer reaches payment, never with the page, and once per page.
 */
export async function mountCardForm(
  api: string,
  node: HTMLElement,
  options: CardFormOptions,
): Promise<CardForm> {
  if (!window.EntryRate?.cardForm) await inject(`${api}/stripe-loader.js`);
  const cardForm = window.EntryRate?.cardForm as MountCardForm;
  return cardForm(node, options);
}
