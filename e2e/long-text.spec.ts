import { expect, test } from './fixtures.ts';
import type { Checkout } from './pages/checkout.ts';
import { DEMO_PAGES, type Mode, type Theme } from './support/demo-site.ts';
import { saveScreenshot } from './support/screenshots.ts';

// A promoter may fill every field to the API's limit with one unbroken word (events.schema.ts: title
// 200, tier names 80; venues.schema.ts: venue 200, city 100), and a buyer may give a long address.
// On a 360-pixel phone, in every mode, nothing may widen the page: it wraps. Screenshots land in
// e2e/artifacts/screenshots/long-<mode>-<theme>-<step>.png.

const PHONE = { width: 360, height: 740 };
const TITLE = 'W'.repeat(200);
const TIER = 'M'.repeat(80);
const OTHER_TIER = 'G'.repeat(80);
const VENUE = { name: 'V'.repeat(200), city: 'C'.repeat(100), timezone: 'Europe/London' };
const EMAIL = `${'e'.repeat(64)}@${'d'.repeat(63)}.example.com`;
const TIERS = [
  { name: TIER, slug: 'long-one', price: 1200, stock: 20 },
  { name: OTHER_TIER, slug: 'long-two', price: 1800, stock: 20 },
];

/** Nothing the buyer sees is wider than the phone: the page, the iframe's page, the dialog. */
async function expectFits(checkout: Checkout, step: string) {
  for (const [where, width] of Object.entries(await checkout.widths())) {
    expect(width, `${where} width at ${step}`).toBeLessThanOrEqual(PHONE.width);
  }
}

const cases: [Mode, Theme][] = [
  ['inline', 'light'],
  ['inline', 'dark'],
  ['modal', 'light'],
  ['modal', 'dark'],
  ['iframe', 'light'],
];

for (const [mode, theme] of cases) {
  test.describe(`${mode} checkout, ${theme} theme, on a 360 × 740 phone`, () => {
    test.use({ mode, viewport: PHONE, hasTouch: true });

    test('text at the API’s maximum lengths wraps at the tier list and at payment', async ({
      checkout,
      promoterBackend,
    }, testInfo) => {
      const event = await promoterBackend.putEventOnSale({ title: TITLE, tiers: TIERS, venue: VENUE });
      await checkout.open(DEMO_PAGES[mode][theme], event);
      await expect(checkout.tierRow(TIER)).toBeVisible();
      await expectFits(checkout, 'the tier list');
      const fullPage = mode !== 'modal';
      await saveScreenshot(checkout.page, testInfo, `long-${mode}-${theme}-tiers`, fullPage);

      await checkout.choose(TIER, 2);
      await checkout.continueWith(EMAIL);
      await expect(checkout.widget.getByRole('button', { name: 'Pay £24.00' })).toBeEnabled();
      await expectFits(checkout, 'payment');
      await saveScreenshot(checkout.page, testInfo, `long-${mode}-${theme}-payment`, fullPage);
    });
  });
}

test.describe('hosted checkout on a 360 × 740 phone', () => {
  test.use({ viewport: PHONE, hasTouch: true });

  test('text at the API’s maximum lengths wraps at payment', async ({
    hosted,
    promoterBackend,
  }, testInfo) => {
    await promoterBackend.putEventOnSale({ title: TITLE, tiers: TIERS, venue: VENUE });
    const session = await promoterBackend.createSession(2, EMAIL, { tier: 'long-one' });
    await hosted.open(session.url);
    await expect(hosted.title).toHaveText(TITLE);
    await expect(hosted.main).toContainText(EMAIL);
    expect(await hosted.page.locator(':root').evaluate((root) => root.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await saveScreenshot(hosted.page, testInfo, 'long-hosted-payment');
  });
});
