import type { FrameLocator } from '@playwright/test';
import type { Card } from '../support/cards.ts';

/** The Payment Element's iframe, served by Stripe (here the stripe-sim) on its own origin. */
export const CARD_FORM = 'iframe[title="Secure payment input frame"]';

/** Types a card into the Payment Element's fields, as a buyer does. */
export async function fillCard(fields: FrameLocator, card: Card) {
  await fields.getByLabel('Card number').fill(card.number);
  await fields.getByLabel('Expiration date').fill(card.expiry);
  await fields.getByLabel('Security code').fill(card.cvc);
}
