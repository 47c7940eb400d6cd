import { test as base, expect } from '@playwright/test';
import { Checkout } from './pages/checkout.ts';
import { Dashboard } from './pages/dashboard.ts';
import { DashboardAccount } from './pages/dashboard-account.ts';
import { HostedCheckout } from './pages/hosted-checkout.ts';
import { MailInbox } from './pages/mail-inbox.ts';
import type { Mode } from './support/demo-site.ts';
import { PromoterApi } from './support/promoter-api.ts';
import { PromoterBackend } from './support/promoter-backend.ts';
import { recordWidgetEvents } from './support/widget-events.ts';

export const test = base.extend<{
  /** The mode of the checkout the `checkout` fixture drives; `test.use({ mode: 'modal' })` in a describe. */
  mode: Mode;
  /** The embedded checkout on the test's page, in `mode`. */
  checkout: Checkout;
  /** The hosted checkout page (embed.html) on the test's page, where `createSession`'s url leads. */
  hosted: HostedCheckout;
  /** The seeded demo event, read through the promoter API; tests running beside it also sell it. */
  demoEvent: PromoterApi;
  /** A promoter's backend with nothing on sale yet: `promoterBackend.putEventOnSale({ … })`. */
  promoterBackend: PromoterBackend;
  /** The promoter's backend with its own "Hosted checkout night" (Early bird £12.00 × 20) already on sale. */
  backendWithEvent: PromoterBackend;
  /** The dashboard's shell on the test's page (navigation, test-mode switch, banner). */
  dashboard: Dashboard;
  /** Signing up, in and out of the dashboard on the test's page. */
  account: DashboardAccount;
  /** The mail catcher's inbox, in a tab of its own beside the test's page. */
  inbox: MailInbox;
}>({
  mode: ['inline', { option: true }],
  // Every test, whichever page objects it makes: the page must not throw, and it records what it hears.
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await recordWidgetEvents(page);
    await use(page);
    expect(errors, 'the page threw').toEqual([]);
  },
  checkout: async ({ page, mode }, use) => {
    await use(new Checkout(page, mode));
  },
  hosted: async ({ page }, use) => {
    await use(new HostedCheckout(page));
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a pattern.
  demoEvent: async ({}, use) => {
    await use(new PromoterApi());
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a pattern.
  promoterBackend: async ({}, use) => {
    const backend = new PromoterBackend();
    await use(backend);
    await backend.cleanUp();
  },
  backendWithEvent: async ({ promoterBackend }, use) => {
    await promoterBackend.putEventOnSale();
    await use(promoterBackend);
  },
  dashboard: async ({ page }, use) => {
    await use(new Dashboard(page));
  },
  account: async ({ page }, use) => {
    await use(new DashboardAccount(page));
  },
  inbox: async ({ context }, use) => {
    await use(new MailInbox(await context.newPage()));
  },
});

export { expect };
