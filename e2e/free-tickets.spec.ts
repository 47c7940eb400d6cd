import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import type { Checkout } from './pages/checkout.ts';
import { widgetEvent } from './support/api-client.ts';
import { DEMO_PAGES } from './support/demo-site.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { demoUrl } from './support/stack.ts';

// A promoter puts a free tier on sale; a buyer takes tickets without a card form, in every mode and
// on the hosted page, and gets them with their QR codes. Stripe's code is never fetched. Screenshots
// land in e2e/artifacts/screenshots/free-<mode>-<theme>[-confirmed].png.

const GUEST_LIST = { name: 'Guest list', slug: 'guest-list', price: 0, stock: 20 };

/** Every request for Stripe's code (stripe-loader.js, or Stripe.js from its own origin) the page makes. */
async function stripeRequests(page: Page, eventId: string): Promise<string[]> {
  const { payments } = await widgetEvent(eventId);
  const stripeOrigin = new URL(payments.stripeJsUrl ?? 'https://js.stripe.com').origin;
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === stripeOrigin || url.pathname.endsWith('/stripe-loader.js')) seen.push(url.href);
  });
  return seen;
}

/** `count` tickets of the guest list, each with its QR code loaded. */
async function expectTickets(tickets: Locator, count: number) {
  await expect(tickets).toHaveCount(count);
  for (const ticket of await tickets.all()) {
    await expect(ticket).toContainText('Guest list');
    const qr = ticket.getByRole('img', { name: /^QR code tkt_/ });
    await expect(qr).toBeVisible();
    await expect
      .poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
  }
}

/** Two guest-list tickets, from the tier list to the tickets; the free step is photographed as `shot`. */
async function getTwoFreeTickets(checkout: Checkout, shot: () => Promise<void>) {
  await checkout.choose('Guest list', 2);
  await expect(checkout.tierRow('Guest list')).toContainText('Free · 20 left');
  await checkout.startCheckout('ada@example.com');
  await expect(checkout.widget.getByRole('heading', { name: 'Your tickets' })).toBeVisible();
  await expect(checkout.widget.getByRole('button', { name: 'Get tickets', exact: true })).toBeVisible();
  await expect(checkout.cardForm).toHaveCount(0);
  await expect(checkout.timer).toBeVisible();
  await shot();
  await checkout.getFreeTickets();

  await expect(checkout.confirmation).toHaveText("You're going to Guest night");
  await expect(checkout.widget.getByText(/^Order ord_[0-9a-z]+ · Free$/)).toBeVisible();
  await expectTickets(checkout.tickets, 2);
}

for (const mode of ['inline', 'modal', 'iframe'] as const) {
  for (const theme of mode === 'iframe' ? (['light'] as const) : (['light', 'dark'] as const)) {
    test.describe(`free tickets, ${mode} checkout, ${theme} theme`, () => {
      test.use({ mode });

      test('a buyer gets two free tickets without a card and sees their QR codes', async ({
        checkout,
        promoterBackend,
      }, testInfo) => {
        const event = await promoterBackend.putEventOnSale({ title: 'Guest night', tiers: [GUEST_LIST] });
        const stripe = await stripeRequests(checkout.page, event.id);
        await checkout.open(DEMO_PAGES[mode][theme], event);
        if (mode === 'modal') await expect(checkout.opener).toHaveText('Get tickets');
        const fullPage = mode !== 'modal';
        await getTwoFreeTickets(checkout, () =>
          saveScreenshot(checkout.page, testInfo, `free-${mode}-${theme}`, fullPage),
        );
        await saveScreenshot(checkout.page, testInfo, `free-${mode}-${theme}-confirmed`, fullPage);

        const completed = (await checkout.heard()).find((e) => e.type === 'completed');
        expect(completed?.detail).toEqual({
          orderId: expect.stringMatching(/^ord_/),
          amount: 0,
          currency: 'gbp',
        });
        expect(await promoterBackend.available()).toBe(GUEST_LIST.stock - 2);
        expect(stripe, 'requests for Stripe’s code').toEqual([]);
      });
    });
  }
}

test.describe('free tickets on the hosted checkout page', () => {
  test('the buyer gets the ticket the promoter’s backend held and sees its QR code', async ({
    hosted,
    promoterBackend,
  }, testInfo) => {
    const event = await promoterBackend.putEventOnSale({ title: 'Guest night', tiers: [GUEST_LIST] });
    const stripe = await stripeRequests(hosted.page, event.id);
    const session = await promoterBackend.createSession(1, 'ada@example.com', {
      tier: 'guest-list',
      stay: true,
    });
    await hosted.page.goto(session.url);
    await expect(hosted.title).toHaveText('Guest night');
    await expect(hosted.paymentFrame.locator(':root')).toHaveCount(0);
    await hosted.getFreeTickets();

    await expect(hosted.confirmation).toHaveText("You're going to Guest night");
    await expectTickets(hosted.tickets, 1);
    await saveScreenshot(hosted.page, testInfo, 'free-hosted-confirmed');
    expect((await promoterBackend.session(session.id)).status).toBe('complete');
    expect(stripe, 'requests for Stripe’s code').toEqual([]);
  });

  test('with a successUrl, the buyer lands on the promoter’s page', async ({ hosted, promoterBackend }) => {
    await promoterBackend.putEventOnSale({ title: 'Guest night', tiers: [GUEST_LIST] });
    const session = await promoterBackend.createSession(1, 'ada@example.com', { tier: 'guest-list' });
    await hosted.page.goto(session.url);
    await hosted.getFreeTickets();
    await expect(hosted.page).toHaveURL(demoUrl(`/?paid=${session.id}`));
    expect((await promoterBackend.session(session.id)).order?.tickets).toHaveLength(1);
  });
});
