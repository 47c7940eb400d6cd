import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import type { Card } from '../support/cards.ts';
import { CARD_FORM, fillCard } from './card-form.ts';

/** The hosted checkout page (embed.html) a promoter's backend sends the buyer to. */
export class HostedCheckout {
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
  }

  get paymentFrame(): FrameLocator {
    return this.page.frameLocator(CARD_FORM);
  }

  async open(url: string) {
    await this.page.goto(url);
    await expect(this.paymentFrame.getByLabel('Card number')).toBeVisible();
  }

  async pay(card: Card) {
    await fillCard(this.paymentFrame, card);
    await this.main.getByRole('button', { name: /^Pay / }).click();
  }

  async cancel() {
    await this.main.getByRole('button', { name: 'Cancel and go back' }).click();
  }

  /** Takes the free tickets of a session that costs nothing. */
  async getFreeTickets() {
    await this.main.getByRole('button', { name: 'Get tickets', exact: true }).click();
  }

  get confirmation(): Locator {
    return this.main.getByRole('heading', { name: /You're going/ });
  }

  get tickets(): Locator {
    return this.main.getByRole('list', { name: 'Your tickets' }).getByRole('listitem');
  }

  get title(): Locator {
    return this.main.getByRole('heading', { level: 1 });
  }

  get error(): Locator {
    return this.main.getByRole('alert');
  }
}
