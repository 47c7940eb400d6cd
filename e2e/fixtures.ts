import { test as base, expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

export const TEST_CARDS = {
  visa: { number: '4242 4242 4242 4242', expiry: '12 / 34', cvc: '123' },
  declined: { number: '4000 0000 0000 0002', expiry: '12 / 34', cvc: '123' },
} as const;
export type Card = (typeof TEST_CARDS)[keyof typeof TEST_CARDS];

/** The embedded checkout as a buyer meets it: intents, not selectors. */
export class Checkout {
  readonly widget: Locator;
  constructor(readonly page: Page) {
    this.widget = page.locator('[data-entryrate-event]').first();
  }

  /** The Payment Element's frame, served by Stripe (here the stripe-sim) on its own origin. */
  get paymentFrame(): FrameLocator {
    return this.page.frameLocator('iframe[title="Secure payment input frame"]');
  }

  async open(path = '/') {
    await this.page.goto(`${process.env.E2E_DEMO_URL}${path}`);
    await expect(this.widget.getByRole('heading', { name: 'Mura Masa · UK tour' })).toBeVisible();
  }

  tierRow(tier: string): Locator {
    return this.widget.getByRole('group', { name: `${tier} tickets` });
  }

  async choose(tier: string, quantity: number) {
    for (let i = 0; i < quantity; i++) {
      await this.widget.getByRole('button', { name: `Add one ${tier} ticket` }).click();
    }
  }

  async continueWith(email: string) {
    await this.widget.getByLabel('Email').fill(email);
    await this.widget.getByRole('button', { name: /^Continue/ }).click();
    await expect(this.paymentFrame.getByLabel('Card number')).toBeVisible();
  }

  async pay(card: Card) {
    const frame = this.paymentFrame;
    await frame.getByLabel('Card number').fill(card.number);
    await frame.getByLabel('Expiration date').fill(card.expiry);
    await frame.getByLabel('Security code').fill(card.cvc);
    await this.widget.getByRole('button', { name: /^Pay / }).click();
  }

  get error(): Locator {
    return this.widget.getByRole('alert');
  }

  get confirmation(): Locator {
    return this.widget.getByRole('heading', { name: /You're going/ });
  }
}

/** The promoter's API, to check what a buyer's actions changed. */
export class PromoterApi {
  async event(id = process.env.E2E_EVENT_ID as string) {
    const res = await fetch(`${process.env.E2E_API_URL}/v1/events/${id}`, {
      headers: { Authorization: `Bearer ${process.env.E2E_TEST_KEY}` },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { tiers: { name: string; available: number; sold: number }[] };
  }

  async available(tier: string): Promise<number> {
    const event = await this.event();
    const found = event.tiers.find((t) => t.name === tier);
    if (!found) throw new Error(`No tier ${tier}`);
    return found.available;
  }
}

export const test = base.extend<{ checkout: Checkout; promoter: PromoterApi }>({
  checkout: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use(new Checkout(page));
    expect(errors, 'the page threw').toEqual([]);
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a pattern.
  promoter: async ({}, use) => {
    await use(new PromoterApi());
  },
});

export { expect };
