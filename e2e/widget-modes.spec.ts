import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import type { Checkout } from './pages/checkout.ts';
import { TEST_CARDS } from './support/cards.ts';
import { DEMO_PAGES } from './support/demo-site.ts';
import { saveScreenshot } from './support/screenshots.ts';

// The purchase in every mode and theme the embed code offers, as a buyer on a desktop meets it, and the
// modal on a phone. Each saves screenshots of the payment step and the confirmation to
// e2e/artifacts/screenshots/<mode>-<theme>[-phone][-confirmed].png.

/** Two Early bird tickets, from the tier list to the tickets; the payment step is photographed as `shot`. */
async function buyTwoEarlyBirds(checkout: Checkout, shot: () => Promise<void>) {
  await checkout.choose('Early bird', 2);
  await expect(checkout.widget.getByRole('button', { name: 'Continue · £24.00' })).toBeVisible();
  await checkout.continueWith('ada@example.com');
  await expect(checkout.timer).toContainText(/Tickets held for 1[45]:\d\d/);
  await checkout.fillCard(TEST_CARDS.visa);
  await shot();
  await checkout.submitPayment();

  await expect(checkout.confirmation).toHaveText("You're going to Mura Masa · UK tour");
  await expect(checkout.tickets).toHaveCount(2);
  await expect(checkout.tickets.first()).toContainText('Early bird');
}

/** The host page heard each step once, in order, and the order's id and total at the end. */
async function expectStepsHeard(checkout: Checkout) {
  await expect
    .poll(async () => (await checkout.heard()).map((e) => e.type).filter((t, i, all) => t !== all[i - 1]))
    .toEqual(['ready', 'tier-selected', 'checkout-started', 'completed']);
  const completed = (await checkout.heard()).find((e) => e.type === 'completed');
  expect(completed?.detail).toEqual({
    orderId: expect.stringMatching(/^ord_/),
    amount: 2400,
    currency: 'gbp',
  });
}

for (const mode of ['inline', 'modal', 'iframe'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test.describe(`${mode} checkout, ${theme} theme`, () => {
      test.use({ mode });

      test('a buyer pays for two Early bird tickets and the page hears each step', async ({
        checkout,
      }, testInfo) => {
        await checkout.open(DEMO_PAGES[mode][theme]);
        expect(await checkout.looksDark(), `the ${theme} theme`).toBe(theme === 'dark');
        const fullPage = mode !== 'modal';
        await buyTwoEarlyBirds(checkout, () =>
          saveScreenshot(checkout.page, testInfo, `${mode}-${theme}`, fullPage),
        );
        await saveScreenshot(checkout.page, testInfo, `${mode}-${theme}-confirmed`, fullPage);
        await expectStepsHeard(checkout);
      });
    });
  }
}

test.describe('modal checkout on a 375 × 667 phone', () => {
  test.use({ mode: 'modal', viewport: { width: 375, height: 667 }, hasTouch: true });

  test('the dialog is a full-height sheet and the buyer pays in it', async ({ checkout }, testInfo) => {
    await checkout.open(DEMO_PAGES.modal.light);
    const sheet = await checkout.widget.boundingBox();
    expect(sheet?.x).toBeCloseTo(0, 0);
    expect(sheet?.y).toBeCloseTo(0, 0);
    expect(sheet?.width).toBeCloseTo(375, 0);
    expect(sheet?.height).toBeCloseTo(667, 0);
    await buyTwoEarlyBirds(checkout, () =>
      saveScreenshot(checkout.page, testInfo, 'modal-light-phone', false),
    );
    await saveScreenshot(checkout.page, testInfo, 'modal-light-phone-confirmed', false);
    await expectStepsHeard(checkout);
  });
});

test.describe('modal dialog', () => {
  test.use({ mode: 'modal' });

  test('keeps focus inside, closes with Escape or Close, releases the hold and gives focus back', async ({
    checkout,
    promoterBackend,
    page,
  }) => {
    const event = await promoterBackend.putEventOnSale({ title: 'Modal night' });
    await checkout.open(DEMO_PAGES.modal.light, event);
    await expect(checkout.opener).toHaveText('Get tickets · from £12.00');
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
      expect(await focusIsInside(checkout.widget), `focus after ${i + 1} presses`).toBe(true);
    }

    await checkout.choose('Early bird', 2);
    await checkout.continueWith('ada@example.com');
    expect(await promoterBackend.available()).toBe(promoterBackend.stock - 2);
    await page.keyboard.press('Escape');
    await expect(checkout.widget).toBeHidden();
    await expect(checkout.opener).toBeFocused();
    await expect.poll(() => promoterBackend.available()).toBe(promoterBackend.stock);
    expect((await checkout.heard()).map((e) => e.type)).toContain('closed');

    await checkout.show();
    await checkout.close();
    await expect(checkout.widget).toBeHidden();
    await expect(checkout.opener).toBeFocused();
  });

  test('the page behind does not scroll while it is open', async ({ checkout, page }) => {
    await checkout.open(DEMO_PAGES.modal.light);
    const before = await page.evaluate(() => window.scrollY);
    await page.mouse.move(5, 5); // over the backdrop, beside the dialog
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
  });
});

test.describe('iframe checkout', () => {
  test.use({ mode: 'iframe' });

  test('the frame takes its content’s height at each step, without inner scrolling or growing', async ({
    checkout,
  }) => {
    await checkout.open(DEMO_PAGES.iframe.light);
    const iframe = checkout.host.locator('iframe[title^="Tickets for"]');
    await expect(iframe).toHaveAttribute('src', /\/embed\.html\?event=/);
    const fits = async () => {
      const frameHeight = (await iframe.boundingBox())?.height ?? 0;
      const content = await checkout.frame
        .locator(':root')
        .evaluate((root) => ({ scroll: root.scrollHeight, client: root.clientHeight }));
      return content.scroll <= content.client + 1 && Math.abs(frameHeight - content.client) <= 1;
    };
    await expect.poll(fits).toBe(true);
    const tierListHeight = (await iframe.boundingBox())?.height ?? 0;

    await checkout.choose('Early bird', 1);
    await checkout.continueWith('grace@example.com');
    await expect.poll(fits).toBe(true);
    const paymentHeight = (await iframe.boundingBox())?.height ?? 0;
    expect(paymentHeight).not.toBe(tierListHeight);
    await checkout.page.waitForTimeout(1000);
    expect((await iframe.boundingBox())?.height, 'the height settles').toBe(paymentHeight);
  });
});

test.describe('embed attributes', () => {
  test('data-tier="early-bird" opens with one Early bird ticket chosen', async ({ checkout }) => {
    await checkout.open('/tier.html');
    await expect(checkout.quantity('Early bird')).toHaveText('1');
    await expect(checkout.quantity('Standard')).toHaveText('0');
    await expect(checkout.widget.getByRole('button', { name: 'Continue · £12.00' })).toBeVisible();
  });

  test('data-theme="auto" follows the buyer’s light or dark setting, live', async ({ checkout, page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await checkout.open('/auto.html');
    await expect.poll(() => checkout.looksDark()).toBe(true);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => checkout.looksDark()).toBe(false);
  });
});

/** Whether keyboard focus is on an element inside `container`, through any shadow roots on the way. */
function focusIsInside(container: Locator): Promise<boolean> {
  return container.evaluate((box) => {
    let active = document.activeElement;
    while (active) {
      if (box.contains(active)) return true;
      active = active.shadowRoot?.activeElement ?? null;
    }
    return false;
  });
}
