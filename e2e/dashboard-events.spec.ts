import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { Checkout } from './pages/checkout.ts';
import { newAccount } from './pages/dashboard-account.ts';
import { EventFormPage } from './pages/event-form-page.ts';
import { EventPage } from './pages/event-page.ts';
import { OrdersPage } from './pages/orders-page.ts';
import { TEST_CARDS } from './support/cards.ts';
import { shootEveryWay } from './support/dashboard-shots.ts';
import { startPromoterSite } from './support/promoter-site.ts';

// A promoter's on-sale, told as they run it: a new account creates an event and its venue, puts it
// on sale, pastes the embed code into their own page and sells a ticket there; then finds that
// order and refunds it, and the event's sales say so.

const EVENT = {
  title: 'Lin Hart · Sunday session',
  venue: { name: 'The Crescent', city: 'York', timezone: 'Europe/London' },
  doors: '2031-06-01T19:30',
  holdMinutes: '12',
  tiers: [
    { name: 'Early bird', price: '12.50', stock: '40', maxPerOrder: '4' },
    { name: 'Standard', price: '18', stock: '200' },
  ],
};

test('a promoter creates and publishes an event, sells a ticket on their own page, finds the order and refunds it', async ({
  account,
  dashboard,
  inbox,
  context,
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await account.signUp(newAccount('Lin'), inbox);
  await dashboard.goTo('Events');
  await expect(page.getByText('No events yet')).toBeVisible();
  await page.getByRole('link', { name: 'New event' }).click();
  await expect(dashboard.heading).toHaveText('New event');
  const form = new EventFormPage(page);

  // What the form cannot read, and what the API refuses, both show beside their field.
  await form.fill({ ...EVENT, title: '', tiers: [{ name: 'Early bird', price: '12.5.0', stock: '40' }] });
  await page.getByRole('button', { name: 'Create draft' }).click();
  expect(await form.errorOf(form.tier(0).getByLabel(/^Price/))).toBe(
    'Enter a price such as 12.50, or 0 for free tickets.',
  );
  await form
    .tier(0)
    .getByLabel(/^Price/)
    .fill('12.50');
  await page.getByRole('button', { name: 'Create draft' }).click();
  expect(await form.errorOf(page.getByLabel('Title'))).toMatch(/\S/);
  await shootEveryWay(page, testInfo, 'event-form-errors');
  await page.getByLabel('Title').fill(EVENT.title);
  await page.getByRole('button', { name: 'Add a tier' }).click();
  await form.tier(1).getByLabel('Name').fill('Standard');
  await form
    .tier(1)
    .getByLabel(/^Price/)
    .fill('18');
  await form.tier(1).getByLabel('Tickets for sale').fill('200');
  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(dashboard.heading).toHaveText(EVENT.title);

  const event = new EventPage(page);
  await expect(event.fact('Status')).toHaveText(/^draft$/i);
  await expect(event.fact('Checkout hold')).toHaveText('12 minutes');
  await expect(event.tierRow('Early bird')).toContainText('£12.50');
  await expect(event.tierRow('Standard')).toContainText('£18.00');
  await expect(page.getByText('No tickets sold yet')).toBeVisible();
  await shootEveryWay(page, testInfo, 'event-draft');

  await event.publish({ storefront: false });
  await expect(event.fact('Status')).toHaveText(/^on sale$/i);

  // The preview is the real widget on another origin: in test mode a ticket can be bought in it.
  const previewSrc = await event.previewFrame.getAttribute('src');
  expect(new URL(previewSrc as string).origin).not.toBe(new URL(page.url()).origin);
  expect(await event.previewFrame.getAttribute('sandbox')).toBe(
    'allow-scripts allow-same-origin allow-forms allow-popups',
  );
  const onSale = {
    id: new URL(previewSrc as string).searchParams.get('event') as string,
    title: EVENT.title,
  };
  const preview = new Checkout(page, 'inline', event.preview.locator('[data-entryrate-event]'));
  await preview.showFor(onSale);
  await shootEveryWay(page, testInfo, 'event-live');
  await event.previewFrame.scrollIntoViewIfNeeded();
  await shootEveryWay(page, testInfo, 'event-preview', false);
  await preview.choose('Standard', 1);
  await preview.continueWith('lin+preview@example.com');
  await preview.pay(TEST_CARDS.visa);
  await expect(preview.confirmation).toBeVisible();

  // The promoter pastes the copied lines into their own page, where a buyer pays.
  await event.chooseEmbed({ tier: 'Early bird' });
  const snippet = await event.copyEmbedCode();
  expect(snippet).toContain(`data-entryrate-event="${onSale.id}"`);
  expect(snippet).toContain('data-tier="early-bird"');
  // Their page, on their own site: nothing on it but their heading and the lines they pasted.
  const site = await startPromoterSite('Lin Hart live', snippet);
  const eventPageUrl = page.url();
  await page.goto(site.url);
  const checkout = new Checkout(page, 'inline');
  await checkout.showFor(onSale);
  // Opened at its tier, the checkout starts with one Early bird ticket chosen.
  await expect(checkout.quantity('Early bird')).toHaveText('1');
  await checkout.choose('Early bird', 1);
  await checkout.continueWith('ada.buyer@example.com');
  await checkout.pay(TEST_CARDS.visa);
  await expect(checkout.confirmation).toBeVisible();
  await expect(checkout.tickets).toHaveCount(2);
  await site.stop();

  // Back in the dashboard: the sale is in the event's figures and chart.
  await page.goto(eventPageUrl);
  await expect(event.tierRow('Early bird')).toContainText('2 / 40');
  await expect(event.tierRow('Early bird')).toContainText('£25.00');
  await expect(event.fact('Revenue')).toContainText('£43.00');
  await expect(event.chart).toHaveAccessibleName(/^3 tickets sold per day/);

  // Found by the buyer's email, and refunded in part.
  await dashboard.goTo('Orders');
  const orders = new OrdersPage(page);
  await orders.search({ q: 'ADA.BUYER' });
  await expect(orders.table.getByRole('row')).toHaveCount(2);
  await shootEveryWay(page, testInfo, 'orders-found');
  // The filtered list exports as CSV: every order it finds, amounts in pounds.
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export these orders (CSV)' }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/^orders-test-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await file.path(), 'utf-8')
    .trim()
    .split('\r\n');
  expect(csv).toHaveLength(2);
  expect(csv[0]).toMatch(/^order_id,created_at,event_id,event_title,buyer_email,status,tickets,amount/);
  expect(csv[1]).toContain(`${onSale.id},${EVENT.title},ada.buyer@example.com,paid,2,25.00`);
  await orders.open('ada.buyer@example.com');
  await expect(orders.tickets).toHaveCount(2);
  await expect(page.getByText('£25.00').first()).toBeVisible();
  await orders.refund('5.00');
  await expect(page.getByRole('status').filter({ hasText: 'refunded' })).toBeVisible();
  await expect(orders.refunds).toHaveCount(1);
  await expect(orders.refunds.first()).toContainText('£5.00');
  await shootEveryWay(page, testInfo, 'order-partly-refunded');
  await orders.refund();
  await expect(orders.refunds).toHaveCount(2);
  await expect(orders.tickets.first()).toContainText(/void/i);

  await page.goto(eventPageUrl);
  await expect(event.fact('Revenue')).toContainText('£18.00');
  await expect(event.fact('Revenue')).toContainText('£25.00 refunded');
});

test('a promoter edits an event: a new tier, a changed price, and the API’s refusal beside the field', async ({
  account,
  dashboard,
  inbox,
  page,
}, testInfo) => {
  await account.signUp(newAccount('Sam'), inbox);
  await dashboard.goTo('Events');
  await page.getByRole('link', { name: 'New event' }).click();
  const form = new EventFormPage(page);
  // Two fields changed in one frame, as autofill or a fast typist does: both keep what was typed.
  await form.settled();
  const [title, tierName] = [page.getByLabel('Title'), form.tier(0).getByLabel('Name')];
  await page.evaluate(
    ([one, two]) => {
      for (const [input, value] of [
        [one, 'Typed at once'],
        [two, 'Both kept'],
      ] as const) {
        (input as HTMLInputElement).value = value;
        input?.dispatchEvent(new Event('input', { bubbles: true }));
      }
    },
    [await title.elementHandle(), await tierName.elementHandle()],
  );
  await expect(title).toHaveValue('Typed at once');
  await expect(tierName).toHaveValue('Both kept');
  await form.create({
    ...EVENT,
    title: 'Sam Fender · warm-up',
    tiers: [EVENT.tiers[1] as (typeof EVENT.tiers)[number]],
  });

  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(dashboard.heading).toHaveText('Edit Sam Fender · warm-up');
  // Saved on the venue's clock: the form shows the doors as they were typed.
  await expect(page.getByLabel('Doors open')).toHaveValue(EVENT.doors);
  await expect(page.getByLabel('Venue', { exact: true })).toHaveValue(/^vn_/);
  await form
    .tier(0)
    .getByLabel(/^Price/)
    .fill('20');
  await form.tier(0).getByLabel('Sales start').fill('2031-05-01T10:00');
  await form.tier(0).getByLabel('Sales end').fill('2031-04-01T10:00');
  await page.getByRole('button', { name: 'Add a tier' }).click();
  await form.tier(1).getByLabel('Name').fill('VIP');
  await form
    .tier(1)
    .getByLabel(/^Price/)
    .fill('45');
  await form.tier(1).getByLabel('Tickets for sale').fill('20');
  await page.getByRole('button', { name: 'Save changes' }).click();
  // The API's rule, beside the field it names; nothing was saved.
  expect(await form.errorOf(form.tier(0).getByLabel('Sales end'))).toMatch(/after/i);
  await shootEveryWay(page, testInfo, 'event-edit-error');

  await form.tier(0).getByLabel('Sales end').fill('');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(dashboard.heading).toHaveText('Sam Fender · warm-up');
  const event = new EventPage(page);
  await expect(event.tierRow('Standard')).toContainText('£20.00');
  await expect(event.tierRow('VIP')).toContainText('£45.00');
  await expect(event.tierRow('VIP')).toContainText('0 / 20');
});
