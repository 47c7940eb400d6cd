import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { Checkout } from './pages/checkout.ts';
import { TEST_CARDS } from './support/cards.ts';
import { demoUrl } from './support/stack.ts';

// Pages that break embeds elsewhere: global CSS that restyles everything, a strict Content-Security-Policy,
// a single-page app that mounts and unmounts on navigation, and two widgets on one page.

/** What the host page's CSS would change about a control, and its size. */
async function looks(control: Locator) {
  const style = await control.evaluate((el) => {
    const s = getComputedStyle(el);
    return {
      fontSize: s.fontSize,
      color: s.color,
      backgroundColor: s.backgroundColor,
      boxSizing: s.boxSizing,
      padding: s.padding,
      borderStyle: s.borderStyle,
    };
  });
  const box = await control.boundingBox();
  return { style, width: Math.round(box?.width ?? 0), height: Math.round(box?.height ?? 0) };
}

/** The widget in the page's "Tickets" section (the hostile page has a modal widget above it). */
const ticketsSection = (page: Page) =>
  page.getByRole('region', { name: 'Tickets', exact: true }).locator('[data-entryrate-event]');

test.describe('a page with aggressive global CSS', () => {
  test('the inline widget keeps its own sizes and colours, and sells a ticket', async ({ page, context }) => {
    // The same widget on the venue's calm page, in a tab of its own (a tab keeps a hold for its event).
    const calm = new Checkout(await context.newPage());
    await calm.open('/');
    const add = () => calm.widget.getByRole('button', { name: 'Add one Early bird ticket' });
    const expected = {
      add: await looks(add()),
      email: (await looks(calm.widget.getByLabel('Email'))).style,
      title: (await looks(calm.widget.getByRole('heading', { name: 'Mura Masa · UK tour' }))).style,
    };
    await calm.choose('Early bird', 1);
    await calm.continueWith('ada@example.com');
    const calmCardHeight = await calm.cardFormHeight();

    await page.goto(demoUrl('/hostile-css.html'));
    const checkout = new Checkout(page, 'inline', ticketsSection(page));
    await checkout.show();
    expect(await looks(checkout.widget.getByRole('button', { name: 'Add one Early bird ticket' }))).toEqual(
      expected.add,
    );
    expect((await looks(checkout.widget.getByLabel('Email'))).style).toEqual(expected.email);
    expect(
      (await looks(checkout.widget.getByRole('heading', { name: 'Mura Masa · UK tour' }))).style,
    ).toEqual(expected.title);

    await checkout.choose('Early bird', 1);
    await checkout.continueWith('ada@example.com');
    const cardHeight = await checkout.cardFormHeight();
    expect(cardHeight, 'the card form keeps its height').toBeCloseTo(calmCardHeight, 0);
    await checkout.pay(TEST_CARDS.visa);
    await expect(checkout.confirmation).toBeVisible();
  });

  test('the modal widget’s button and dialog keep their looks, and sell a ticket', async ({
    page,
    context,
  }) => {
    const calm = new Checkout(await context.newPage(), 'modal');
    await calm.open('/modal.html');
    const expected = {
      opener: await looks(calm.opener),
      title: (await looks(calm.widget.getByRole('heading', { name: 'Mura Masa · UK tour' }).first())).style,
    };

    await page.goto(demoUrl('/hostile-css.html'));
    const checkout = new Checkout(page, 'modal');
    // Compare the loaded button, not its brief 'Get tickets' loading state.
    await expect(checkout.opener).toHaveAccessibleName(/from £12\.00/);
    expect(await looks(checkout.opener)).toEqual(expected.opener);
    await checkout.show();
    expect(
      (await looks(checkout.widget.getByRole('heading', { name: 'Mura Masa · UK tour' }).first())).style,
    ).toEqual(expected.title);
    const dialog = await checkout.widget.boundingBox();
    const viewport = page.viewportSize();
    expect(dialog && viewport && dialog.x >= 0 && dialog.x + dialog.width <= viewport.width).toBe(true);

    await checkout.choose('Early bird', 1);
    await checkout.continueWith('grace@example.com');
    await checkout.pay(TEST_CARDS.visa);
    await expect(checkout.confirmation).toBeVisible();
  });
});

test.describe('a page served with a strict Content-Security-Policy', () => {
  test('sells a ticket with no policy violation', async ({ checkout, page }) => {
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Refused to|violates the following Content Security Policy/.test(message.text()))
        refused.push(message.text());
    });
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { __cspViolations: seen });
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
      );
    });

    const response = await page.goto(demoUrl('/strict-csp.html'));
    expect(response?.headers()['content-security-policy']).toMatch(/^default-src 'self'; script-src 'self' /);
    await checkout.show();
    await checkout.choose('Early bird', 1);
    await checkout.continueWith('ada@example.com');
    await checkout.pay(TEST_CARDS.visa);
    await expect(checkout.confirmation).toBeVisible();

    const violations = await page.evaluate(
      () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
    );
    expect(violations, 'securitypolicyviolation events').toEqual([]);
    expect(refused, 'console').toEqual([]);
  });
});

test.describe('a single-page app', () => {
  const appNav = (page: Page) => page.getByRole('navigation', { name: 'App' });

  test('Tickets → Home → Tickets ten times leaves one working widget and one EntryRate', async ({
    checkout,
    page,
  }) => {
    await page.goto(demoUrl('/spa/'));
    await appNav(page).getByRole('link', { name: 'Tickets' }).click();
    await checkout.show();
    // The one global the widget defines, kept to compare with after the navigations.
    const sameEntryRate = () =>
      page.evaluate(() => {
        const w = window as unknown as { EntryRate?: object; __firstEntryRate?: object };
        w.__firstEntryRate ??= w.EntryRate;
        return w.EntryRate !== undefined && w.EntryRate === w.__firstEntryRate;
      });
    expect(await sameEntryRate()).toBe(true);
    const nodes = () => page.evaluate(() => document.querySelectorAll('*').length);
    const firstVisit = await nodes();

    for (let i = 0; i < 10; i++) {
      await appNav(page).getByRole('link', { name: 'Home' }).click();
      await expect(page).toHaveURL(/\/spa\/$/);
      await expect(page.locator('[data-entryrate-event]')).toHaveCount(0);
      await appNav(page).getByRole('link', { name: 'Tickets' }).click();
      await expect(page).toHaveURL(/\/spa\/tickets$/);
      await checkout.show();
    }
    await page.goBack();
    await expect(page.locator('[data-entryrate-event]')).toHaveCount(0);
    await page.goForward();
    await checkout.show();

    await expect(page.locator('[data-entryrate-event]')).toHaveCount(1);
    await expect(page.getByRole('heading', { name: 'Mura Masa · UK tour' })).toHaveCount(1);
    expect(await nodes(), 'no nodes left behind').toBe(firstVisit);
    expect(await sameEntryRate(), 'window.EntryRate is still the first one').toBe(true);

    await checkout.choose('Early bird', 1);
    await checkout.continueWith('ada@example.com');
    await checkout.pay(TEST_CARDS.visa);
    await expect(checkout.confirmation).toBeVisible();
  });

  test('a link straight to the Tickets view shows the widget', async ({ checkout, page }) => {
    await page.goto(demoUrl('/spa/tickets'));
    await checkout.show();
    await expect(page.locator('[data-entryrate-event]')).toHaveCount(1);
  });
});

test.describe('two widgets on one page', () => {
  test.use({ mode: 'modal' });

  test('a modal and an inline widget of the same event keep their own choices and orders', async ({
    checkout: quick,
    page,
  }) => {
    await page.goto(demoUrl('/two.html'));
    const full = new Checkout(page, 'inline', ticketsSection(page));
    await full.show();
    await full.choose('Early bird', 2);

    await quick.show();
    await expect(quick.quantity('Early bird')).toHaveText('0');
    await quick.choose('Standard', 1);
    await quick.continueWith('grace@example.com');
    await quick.pay(TEST_CARDS.visa);
    await expect(quick.confirmation).toBeVisible();
    await expect(quick.tickets).toHaveCount(1);
    await quick.close();

    await expect(full.quantity('Early bird')).toHaveText('2');
    await expect(full.confirmation).toHaveCount(0);
    await full.continueWith('ada@example.com');
    await full.pay(TEST_CARDS.visa);
    await expect(full.confirmation).toBeVisible();
    await expect(full.tickets).toHaveCount(2);

    const totals = async (c: Checkout) =>
      (await c.heard()).filter((e) => e.type === 'completed').map((e) => e.detail.amount);
    expect(await totals(quick)).toEqual([1800]);
    expect(await totals(full)).toEqual([2400]);
  });
});
