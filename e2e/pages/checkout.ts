import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import type { Card } from '../support/cards.ts';
import { demoEvent, type EventOnSale, type Mode } from '../support/demo-site.ts';
import { demoUrl } from '../support/stack.ts';
import { type HeardEvent, heardEvents } from '../support/widget-events.ts';
import { CARD_FORM, fillCard } from './card-form.ts';

/**
 * The embedded checkout as a buyer meets it, in any mode: intents, not selectors. `host` is the element
 * the embed code put on the page (the first one unless told).
 */
export class Checkout {
  readonly host: Locator;
  private event: EventOnSale = demoEvent();

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
    if (this.mode === 'iframe') return this.frame.locator(CARD_FORM);
    // The dialog may live outside the host element; only one is open at a time.
    if (this.mode === 'modal') return this.page.locator(CARD_FORM);
    return this.host.locator(CARD_FORM);
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
    const url = new URL(demoUrl(pathname));
    if (event) url.searchParams.set('event', event.id);
    await this.page.goto(url.href);
    await this.show();
  }

  /** The checkout of `event` on a page already open (the promoter's own, or the dashboard's preview). */
  async showFor(event: EventOnSale) {
    this.event = event;
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
    await fillCard(this.paymentFrame, card);
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
    return (await heardEvents(this.page)).filter((e) => e.host === index);
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
