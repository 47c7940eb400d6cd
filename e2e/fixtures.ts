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

/** The hosted checkout page (embed.html) a promoter's backend sends the buyer to. */
export class HostedCheckout {
  readonly main: Locator;
  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
  }

  get paymentFrame(): FrameLocator {
    return this.page.frameLocator('iframe[title="Secure payment input frame"]');
  }

  async open(url: string) {
    await this.page.goto(url);
    await expect(this.paymentFrame.getByLabel('Card number')).toBeVisible();
  }

  async pay(card: Card) {
    const frame = this.paymentFrame;
    await frame.getByLabel('Card number').fill(card.number);
    await frame.getByLabel('Expiration date').fill(card.expiry);
    await frame.getByLabel('Security code').fill(card.cvc);
    await this.main.getByRole('button', { name: /^Pay / }).click();
  }

  async cancel() {
    await this.main.getByRole('button', { name: 'Cancel and go back' }).click();
  }

  get title(): Locator {
    return this.main.getByRole('heading', { level: 1 });
  }

  get error(): Locator {
    return this.main.getByRole('alert');
  }
}

export interface HostedSession {
  id: string;
  status: string;
  url: string;
  order: { tickets: { id: string }[] } | null;
}

/**
 * A promoter's own backend, with its secret key. It puts an event of its own on sale (so the seats a
 * test counts are not also sold by tests running beside it) and sends buyers to hosted checkout.
 */
export class PromoterBackend {
  readonly stock = 20;
  readonly sessions: string[] = [];
  eventId = '';

  private async call<T>(path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${process.env.E2E_API_URL}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        Authorization: `Bearer ${process.env.E2E_TEST_KEY}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': crypto.randomUUID(),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(res.ok, `${path} answered ${res.status}`).toBe(true);
    return (await res.json()) as T;
  }

  /** Creates and publishes an event with one tier, Early bird at £12.00, at the demo venue. */
  async putEventOnSale() {
    const { venueId } = await this.call<{ venueId: string }>(`/v1/events/${process.env.E2E_EVENT_ID}`);
    const event = await this.call<{ id: string }>('/v1/events', {
      title: 'Hosted checkout night',
      slug: `hosted-${crypto.randomUUID().slice(0, 8)}`,
      venueId,
      doors: '2027-06-01T19:00:00Z',
      tiers: [{ name: 'Early bird', slug: 'early-bird', price: 1200, stock: this.stock }],
    });
    await this.call(`/v1/events/${event.id}/publish`, { network: false });
    this.eventId = event.id;
  }

  /** A session for `quantity` Early bird tickets, returning to the demo site on success or cancel. */
  async createSession(quantity: number, customerEmail: string): Promise<HostedSession> {
    const demo = process.env.E2E_DEMO_URL;
    const session = await this.call<HostedSession>('/v1/checkout/sessions', {
      eventId: this.eventId,
      items: [{ tier: 'early-bird', quantity }],
      customerEmail,
      successUrl: `${demo}/?paid={CHECKOUT_SESSION_ID}`,
      cancelUrl: `${demo}/`,
    });
    this.sessions.push(session.id);
    return session;
  }

  session(id: string): Promise<HostedSession> {
    return this.call<HostedSession>(`/v1/checkout/sessions/${id}`);
  }

  /** Seats left, as the public widget API tells every buyer. */
  async available(): Promise<number> {
    const res = await fetch(`${process.env.E2E_API_URL}/v1/widget/events/${this.eventId}`);
    const { tiers } = (await res.json()) as { tiers: { available: number }[] };
    return tiers[0]?.available ?? Number.NaN;
  }

  /** Releases the seats of any session a test left open. */
  async cleanUp() {
    for (const id of this.sessions) {
      if ((await this.session(id)).status === 'open')
        await this.call(`/v1/checkout/sessions/${id}/cancel`, {});
    }
  }
}

export const hostedTest = base.extend<{ hosted: HostedCheckout; backend: PromoterBackend }>({
  hosted: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use(new HostedCheckout(page));
    expect(errors, 'the page threw').toEqual([]);
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a pattern.
  backend: async ({}, use) => {
    const backend = new PromoterBackend();
    await backend.putEventOnSale();
    await use(backend);
    await backend.cleanUp();
  },
});

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
