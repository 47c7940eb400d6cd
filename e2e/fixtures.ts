import path from 'node:path';
import {
  test as base,
  expect,
  type FrameLocator,
  type Locator,
  type Page,
  type TestInfo,
} from '@playwright/test';
import type { CheckoutSession, Event, paths, WidgetEvent } from '../sdks/js/src/openapi.ts';

// Request bodies as the API document defines them.
type EventCreate = paths['/v1/events']['post']['requestBody']['content']['application/json'];
type VenueCreate = paths['/v1/venues']['post']['requestBody']['content']['application/json'];

export const TEST_CARDS = {
  visa: { number: '4242 4242 4242 4242', expiry: '12 / 34', cvc: '123' },
  declined: { number: '4000 0000 0000 0002', expiry: '12 / 34', cvc: '123' },
  insufficientFunds: { number: '4000 0000 0000 9995', expiry: '12 / 34', cvc: '123' },
  threeDSecure: { number: '4000 0025 0000 3155', expiry: '12 / 34', cvc: '123' },
} as const;
export type Card = (typeof TEST_CARDS)[keyof typeof TEST_CARDS];

/** How the embed code shows the checkout: `data-mode`. */
export type Mode = 'inline' | 'modal' | 'iframe';

/** The demo promoter's seeded event, which the demo site's pages sell. */
export const DEMO_EVENT = { id: process.env.E2E_EVENT_ID as string, title: 'Mura Masa · UK tour' };

/** An event on sale, as a page shows it: `?event=` puts any of the demo promoter's events on a demo page. */
export interface EventOnSale {
  id: string;
  title: string;
}

/** An `entryrate:*` DOM event as the host page heard it; `host` is the index of the element it came from. */
export interface HeardEvent {
  type: string;
  detail: Record<string, unknown>;
  host: number;
}

const WIDGET_EVENTS = ['ready', 'tier-selected', 'checkout-started', 'completed', 'expired', 'closed'];

/** Runs in the page before any of its scripts: keeps every `entryrate:*` event the page hears. */
function listenToWidgets(names: string[]) {
  const heard: HeardEvent[] = [];
  Object.assign(window, { __entryrateHeard: heard });
  for (const name of names) {
    document.addEventListener(
      `entryrate:${name}`,
      (event) => {
        const hosts = Array.from(document.querySelectorAll('[data-entryrate-event]'));
        const detail = (event as CustomEvent).detail ?? {};
        heard.push({ type: name, detail, host: hosts.indexOf(event.target as Element) });
      },
      true,
    );
  }
}

/**
 * The embedded checkout as a buyer meets it, in any mode: intents, not selectors. `host` is the element
 * the embed code put on the page (the first one unless told).
 */
export class Checkout {
  readonly host: Locator;
  private event: EventOnSale = DEMO_EVENT;

  constructor(
    readonly page: Page,
    readonly mode: Mode = 'inline',
    host?: Locator,
  ) {
    this.host = host ?? page.locator('[data-entryrate-event]').first();
  }

  /** Where the buyer meets the checkout: the widget itself, its dialog, or the page inside its iframe. */
  get widget(): Locator {
    if (this.mode === 'modal') return this.page.getByRole('dialog', { name: this.event.title });
    if (this.mode === 'iframe') return this.frame.locator('body');
    return this.host;
  }

  /** The iframe mode's page (embed.html, on the API's origin). */
  get frame(): FrameLocator {
    return this.host.locator('iframe[title^="Tickets for"]').contentFrame();
  }

  /** The button the modal mode puts in place of the element. */
  get opener(): Locator {
    return this.host.getByRole('button', { name: /^Get tickets/ });
  }

  /** The Payment Element's iframe, served by Stripe (here the stripe-sim) on its own origin. */
  get cardForm(): Locator {
    const selector = 'iframe[title="Secure payment input frame"]';
    if (this.mode === 'iframe') return this.frame.locator(selector);
    // The dialog may live outside the host element; only one is open at a time.
    if (this.mode === 'modal') return this.page.locator(selector);
    return this.host.locator(selector);
  }

  /**
   * The card form's height once Stripe's frame has sized it: the iframe starts 1 px tall and grows
   * when its content reports its height, so the first reading after the fields show may be early.
   */
  async cardFormHeight(): Promise<number> {
    let last = -1;
    let height = 0;
    await expect
      .poll(async () => {
        last = height;
        height = (await this.cardForm.boundingBox())?.height ?? 0;
        return height > 1 && height === last;
      })
      .toBe(true);
    return height;
  }

  /** The Payment Element's card fields. */
  get paymentFrame(): FrameLocator {
    return this.cardForm.contentFrame();
  }

  /** The bank's 3-D Secure page, which Stripe.js lays over the page that runs it. */
  get challenge(): Locator {
    const selector = 'iframe[title="3D Secure authentication"]';
    const scope = this.mode === 'iframe' ? this.frame : this.page;
    return scope.frameLocator(selector).getByRole('main');
  }

  /** Opens a demo page, showing `event` instead of the demo event, and brings the checkout on screen. */
  async open(pathname = '/', event?: EventOnSale) {
    if (event) this.event = event;
    const url = new URL(pathname, process.env.E2E_DEMO_URL);
    if (event) url.searchParams.set('event', event.id);
    await this.page.goto(url.href);
    await this.show();
  }

  /** Brings the checkout on screen: in modal mode, by pressing the button that stands in for it. */
  async show() {
    if (this.mode === 'modal') await this.opener.click();
    await expect(this.widget.getByRole('heading', { name: this.event.title }).first()).toBeVisible();
  }

  tierRow(tier: string): Locator {
    return this.widget.getByRole('group', { name: `${tier} tickets` });
  }

  quantity(tier: string): Locator {
    return this.widget.getByLabel(`${tier} quantity`);
  }

  async choose(tier: string, quantity: number) {
    for (let i = 0; i < quantity; i++) {
      await this.widget.getByRole('button', { name: `Add one ${tier} ticket` }).click();
    }
  }

  /** Gives an email and holds the tickets chosen, up to the card form. */
  async continueWith(email: string) {
    await this.startCheckout(email);
    await expect(this.paymentFrame.getByLabel('Card number')).toBeVisible();
  }

  /** Gives an email and presses Continue, whatever comes of it. */
  async startCheckout(email: string) {
    await this.widget.getByLabel('Email').fill(email);
    await this.widget.getByRole('button', { name: /^Continue/ }).click();
  }

  async fillCard(card: Card) {
    const frame = this.paymentFrame;
    await frame.getByLabel('Card number').fill(card.number);
    await frame.getByLabel('Expiration date').fill(card.expiry);
    await frame.getByLabel('Security code').fill(card.cvc);
  }

  async pay(card: Card) {
    await this.fillCard(card);
    await this.submitPayment();
  }

  /** Presses "Pay £24.00" with the card details already given. */
  async submitPayment() {
    await this.widget.getByRole('button', { name: /^Pay / }).click();
  }

  /** Takes free tickets: "Get tickets" where a paid order has the card form. */
  async getFreeTickets() {
    await this.widget.getByRole('button', { name: 'Get tickets', exact: true }).click();
  }

  /**
   * How wide the buyer's page is laid out (`scrollWidth`): the host page, the page inside the iframe
   * mode's frame, and the modal's dialog, each where there is one.
   */
  async widths(): Promise<Record<string, number>> {
    const scrollWidth = (el: Element) => el.scrollWidth;
    const widths: Record<string, number> = { page: await this.page.locator(':root').evaluate(scrollWidth) };
    if (this.mode === 'iframe') widths.frame = await this.frame.locator(':root').evaluate(scrollWidth);
    if (this.mode === 'modal') widths.dialog = await this.widget.evaluate(scrollWidth);
    return widths;
  }

  /** Answers the bank's 3-D Secure challenge. */
  async authenticate(answer: 'Complete' | 'Fail') {
    await this.challenge.getByRole('button', { name: answer }).click();
  }

  /** Closes the modal's dialog with its Close button. */
  async close() {
    await this.widget.getByRole('button', { name: 'Close' }).click();
  }

  /** Seconds left on the hold countdown ("Tickets held for 14:59"). */
  async holdLeft(): Promise<number> {
    const text = (await this.timer.textContent()) ?? '';
    const [, minutes, seconds] = /(\d+):(\d\d)/.exec(text) ?? [];
    if (minutes === undefined || seconds === undefined) throw new Error(`No countdown in "${text}"`);
    return Number(minutes) * 60 + Number(seconds);
  }

  /** Whether the checkout is drawn dark: the relative luminance of the background behind its title. */
  async looksDark(): Promise<boolean> {
    const title = this.widget.getByRole('heading', { name: this.event.title }).first();
    const luminance = await title.evaluate((el) => {
      let node: Element | null = el;
      while (node) {
        const [r = 0, g = 0, b = 0, a = 1] = (
          getComputedStyle(node).backgroundColor.match(/[\d.]+/g) ?? []
        ).map(Number);
        if (a > 0.5) {
          const linear = (c: number) =>
            c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4;
          return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
        }
        node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
      }
      return 1; // the canvas: white
    });
    return luminance < 0.2;
  }

  /** The `entryrate:*` events the page heard from this widget so far, oldest first. */
  async heard(): Promise<HeardEvent[]> {
    const index = await this.host.evaluate((el) =>
      Array.from(document.querySelectorAll('[data-entryrate-event]')).indexOf(el),
    );
    const all = await this.page.evaluate(
      () => (window as unknown as { __entryrateHeard?: HeardEvent[] }).__entryrateHeard ?? [],
    );
    return all.filter((e) => e.host === index);
  }

  get timer(): Locator {
    return this.widget.getByRole('timer');
  }

  get error(): Locator {
    return this.widget.getByRole('alert');
  }

  get confirmation(): Locator {
    return this.widget.getByRole('heading', { name: /You're going/ });
  }

  get tickets(): Locator {
    return this.widget.getByRole('list', { name: 'Your tickets' }).getByRole('listitem');
  }
}

/** A buyer who uses only the keyboard: Tab and Shift+Tab to move, Enter and Space to press, typing to fill. */
export class KeyboardBuyer {
  constructor(readonly checkout: Checkout) {}

  get keyboard() {
    return this.checkout.page.keyboard;
  }

  /** What has focus, named as a screen reader names it; inside the card frame, the field's label. */
  async focused(): Promise<string> {
    const name = await this.checkout.page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (el instanceof HTMLIFrameElement) return `frame: ${el.title}`;
      const text =
        el?.getAttribute('aria-label') ?? (el as HTMLInputElement | null)?.labels?.[0]?.textContent;
      return (text ?? el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    });
    if (name !== 'frame: Secure payment input frame') return name;
    return this.checkout.paymentFrame
      .locator(':root')
      .evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? '');
  }

  /** Presses Tab (or Shift+Tab, `back`) until the control named `name` has focus. */
  async tabTo(name: string | RegExp, { back = false, max = 40 } = {}) {
    const path: string[] = [];
    for (let i = 0; i < max; i++) {
      await this.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      const now = await this.focused();
      if (typeof name === 'string' ? now === name : name.test(now)) return;
      path.push(now);
    }
    throw new Error(`${back ? 'Shift+Tab' : 'Tab'} never reached ${name}; focus went: ${path.join(' → ')}`);
  }

  async press(key: 'Enter' | 'Space' | 'Escape') {
    await this.keyboard.press(key);
  }

  async type(text: string) {
    await this.keyboard.type(text);
  }
}

/**
 * Saves a screenshot to the test's report and to `e2e/artifacts/screenshots/<name>.png`, where the matrix's
 * pictures sit side by side to be looked at: the full page, or only the viewport (`fullPage: false`) where
 * a fixed dialog covers it, since a full-page capture would show the page running on below the dialog.
 */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string, fullPage = true) {
  const body = await page.screenshot({
    fullPage,
    path: path.join(testInfo.project.testDir, 'artifacts', 'screenshots', `${name}.png`),
  });
  await testInfo.attach(name, { body, contentType: 'image/png' });
}

/** The promoter's API, to check what a buyer's actions changed. */
export class PromoterApi {
  async event(id = process.env.E2E_EVENT_ID as string) {
    const res = await fetch(`${process.env.E2E_API_URL}/v1/events/${id}`, {
      headers: { Authorization: `Bearer ${process.env.E2E_TEST_KEY}` },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Event;
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

/** A tier of a new event, as the promoter API takes it. */
export type NewTier = EventCreate['tiers'][number];

/** A venue of a new event, as the promoter API takes it. */
export type NewVenue = Pick<VenueCreate, 'name' | 'city' | 'timezone'>;

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

  /**
   * Creates and publishes an event (by default "Hosted checkout night" with one tier, Early bird at
   * £12.00) at the demo venue, or at a new venue of the given name and city, and makes it the one
   * `createSession` and `available` speak of.
   */
  async putEventOnSale(
    options: {
      title?: string;
      tiers?: NewTier[];
      holdMinutes?: number;
      venue?: NewVenue;
      rotatingQr?: boolean;
    } = {},
  ): Promise<EventOnSale> {
    const { venueId } = options.venue
      ? { venueId: (await this.call<{ id: string }>('/v1/venues', options.venue)).id }
      : await this.call<{ venueId: string }>(`/v1/events/${process.env.E2E_EVENT_ID}`);
    const title = options.title ?? 'Hosted checkout night';
    const event = await this.call<{ id: string }>('/v1/events', {
      title,
      slug: `e2e-${crypto.randomUUID().slice(0, 8)}`,
      venueId,
      doors: '2031-06-01T19:00:00Z',
      tiers: options.tiers ?? [{ name: 'Early bird', slug: 'early-bird', price: 1200, stock: this.stock }],
      ...(options.holdMinutes ? { holdMinutes: options.holdMinutes } : {}),
      ...(options.rotatingQr ? { rotatingQr: true } : {}),
    });
    await this.call(`/v1/events/${event.id}/publish`, { network: false });
    this.eventId = event.id;
    return { id: event.id, title };
  }

  /**
   * A session for `quantity` tickets of a tier (Early bird unless told), returning to the demo site on
   * success or cancel; with `stay`, no successUrl, so the hosted page shows the tickets itself.
   */
  async createSession(
    quantity: number,
    customerEmail: string,
    { tier = 'early-bird', stay = false }: { tier?: string; stay?: boolean } = {},
  ): Promise<CheckoutSession & { url: string }> {
    const demo = process.env.E2E_DEMO_URL;
    const session = await this.call<CheckoutSession>('/v1/checkout/sessions', {
      eventId: this.eventId,
      items: [{ tier, quantity }],
      customerEmail,
      ...(stay ? {} : { successUrl: `${demo}/?paid={CHECKOUT_SESSION_ID}` }),
      cancelUrl: `${demo}/`,
    });
    this.sessions.push(session.id);
    // An open session always has its hosted checkout `url`.
    if (session.url === null) throw new Error(`session ${session.id} has no hosted checkout url`);
    return { ...session, url: session.url };
  }

  session(id: string): Promise<CheckoutSession> {
    return this.call<CheckoutSession>(`/v1/checkout/sessions/${id}`);
  }

  /** Seats left in a tier (the first unless named) of the latest event, as the public widget API tells every buyer. */
  async available(tier?: string): Promise<number> {
    const res = await fetch(`${process.env.E2E_API_URL}/v1/widget/events/${this.eventId}`);
    const { tiers } = (await res.json()) as WidgetEvent;
    return (tier ? tiers.find((t) => t.name === tier) : tiers[0])?.available ?? Number.NaN;
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

export const test = base.extend<{
  /** The mode of the checkout the `checkout` fixture drives; `test.use({ mode: 'modal' })` in a describe. */
  mode: Mode;
  checkout: Checkout;
  promoter: PromoterApi;
  /** A promoter's backend with no event of its own yet: `backend.putEventOnSale({ … })`. */
  backend: PromoterBackend;
}>({
  mode: ['inline', { option: true }],
  // Every test, whichever page objects it makes: the page must not throw, and it records what it hears.
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(listenToWidgets, WIDGET_EVENTS);
    await use(page);
    expect(errors, 'the page threw').toEqual([]);
  },
  checkout: async ({ page, mode }, use) => {
    await use(new Checkout(page, mode));
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a pattern.
  promoter: async ({}, use) => {
    await use(new PromoterApi());
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a pattern.
  backend: async ({}, use) => {
    const backend = new PromoterBackend();
    await use(backend);
    await backend.cleanUp();
  },
});

export { expect };
