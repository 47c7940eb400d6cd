import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { KeyboardBuyer } from './pages/keyboard-buyer.ts';
import { violations } from './support/axe.ts';
import { TEST_CARDS } from './support/cards.ts';
import { DEMO_PAGES } from './support/demo-site.ts';
import { demoUrl } from './support/stack.ts';

// WCAG 2.2 AA as axe-core checks it, on the whole page a buyer sees (the venue's page, the widget and
// every frame in it), at the tier list and at the payment step, in each mode and theme; and a purchase
// made with the keyboard alone.

for (const mode of ['inline', 'modal', 'iframe'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test.describe(`${mode} checkout, ${theme} theme`, () => {
      test.use({ mode });

      test('axe finds no WCAG 2.2 AA violations at the tier list or at the payment step', async ({
        checkout,
      }) => {
        await checkout.open(DEMO_PAGES[mode][theme]);
        expect(await violations(checkout.page), 'at the tier list').toEqual([]);

        await checkout.choose('Early bird', 1);
        await checkout.continueWith('ada@example.com');
        await expect(checkout.widget.getByRole('button', { name: 'Pay £12.00' })).toBeEnabled();
        expect(await violations(checkout.page), 'at the payment step').toEqual([]);
      });
    });
  }
}

test.describe('a keyboard-only purchase', () => {
  /** From the tier list to the tickets with Tab, Shift+Tab, Enter, Space and typing only. */
  async function buyWithKeyboard(buyer: KeyboardBuyer) {
    await buyer.tabTo('Add one Early bird ticket');
    await buyer.press('Enter');
    await buyer.tabTo('Email');
    await buyer.type('ada@example.com');
    // A change of mind: back to the tier list for a second ticket.
    await buyer.tabTo('Add one Early bird ticket', { back: true });
    await buyer.press('Space');
    await buyer.tabTo('Continue · £24.00');
    await buyer.press('Enter');

    await buyer.tabTo('Card number');
    await buyer.type(TEST_CARDS.visa.number);
    await buyer.tabTo('Expiration date');
    await buyer.type(TEST_CARDS.visa.expiry);
    await buyer.tabTo('Security code');
    await buyer.type(TEST_CARDS.visa.cvc);
    await buyer.tabTo('Pay £24.00');
    await buyer.press('Enter');

    await expect(buyer.checkout.confirmation).toBeVisible();
    // Focus follows the step, so a screen reader announces the confirmation.
    await expect.poll(() => buyer.focused()).toBe("You're going to Mura Masa · UK tour");
    await expect(buyer.checkout.tickets).toHaveCount(2);
  }

  test('inline: from page load to confirmation', async ({ checkout, page }) => {
    await page.goto(demoUrl('/'));
    await expect(checkout.widget.getByRole('heading', { name: 'Mura Masa · UK tour' })).toBeVisible();
    await buyWithKeyboard(new KeyboardBuyer(checkout));
  });

  test.describe('in the modal', () => {
    test.use({ mode: 'modal' });

    test('from page load to confirmation, then Escape back to the page', async ({ checkout, page }) => {
      await page.goto(demoUrl('/modal.html'));
      const buyer = new KeyboardBuyer(checkout);
      await buyer.tabTo(/^Get tickets · from £12\.00$/);
      await buyer.press('Enter');
      await expect(checkout.widget).toBeVisible();
      await buyWithKeyboard(buyer);

      await buyer.press('Escape');
      await expect(checkout.widget).toBeHidden();
      await expect(checkout.opener).toBeFocused();
    });
  });
});
