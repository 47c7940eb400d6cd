import { expect, type Locator, type Page } from '@playwright/test';
import { apiUrl } from '../support/stack.ts';

/** A section of the dashboard's navigation, as its link reads. */
export type DashboardSection = 'Events' | 'Orders' | 'API keys' | 'Webhooks' | 'Payouts' | 'Team';

/** An address of the dashboard, which the API serves at /dashboard: `dashboardUrl('/signin')`. */
export const dashboardUrl = (pathname = '') => apiUrl(`/dashboard${pathname}`);

/**
 * The dashboard's shell as a signed-in promoter meets it: the top bar (promoter, test-mode switch,
 * sign out), the test-mode banner and the navigation the person's role allows.
 */
export class Dashboard {
  constructor(readonly page: Page) {}

  /** The navigation: it lists only what the person's role may do. */
  get nav(): Locator {
    return this.page.getByRole('navigation', { name: 'Dashboard' });
  }

  /** The banner shown on every screen of test data. */
  get banner(): Locator {
    return this.page.getByRole('note').filter({ hasText: 'Test mode' });
  }

  /** The test-mode switch in the top bar, always there. */
  get modeSwitch(): Locator {
    return this.page.getByRole('switch', { name: 'Test mode' });
  }

  /** The page's one heading. */
  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The promoter and mode in the address: `{ promoterId: 'pr_…', mode: 'test' }`. */
  scope(): { promoterId: string; mode: string } {
    const [, promoterId = '', mode = ''] = new URL(this.page.url()).pathname.match(
      /^\/dashboard\/([^/]+)\/(test|live)\//,
    ) ?? [''];
    return { promoterId, mode };
  }

  /** Opens a dashboard path of the current promoter and mode directly: `open('/settings/keys')`. */
  async open(path: string) {
    const { promoterId, mode } = this.scope();
    await this.page.goto(dashboardUrl(`/${promoterId}/${mode}${path}`));
  }

  /** Turns test mode on or off with the switch, which keeps the same page in the other mode. */
  async switchMode(mode: 'test' | 'live') {
    const wanted = mode === 'test' ? 'true' : 'false';
    if ((await this.modeSwitch.getAttribute('aria-checked')) !== wanted) await this.modeSwitch.click();
    await expect(this.modeSwitch).toHaveAttribute('aria-checked', wanted);
    await expect(this.page).toHaveURL(new RegExp(`/dashboard/[^/]+/${mode}/`));
  }

  /** Follows a link of the navigation and waits for its page. */
  async goTo(section: DashboardSection) {
    await this.nav.getByRole('link', { name: section, exact: true }).click();
    // While the next page's code loads, the router briefly shows the old screen beside the new one.
    await expect(this.nav).toHaveCount(1);
    await expect(this.nav.getByRole('link', { name: section, exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
  }

  /** Chooses another promoter the person belongs to in the top bar's switcher. */
  async switchPromoter(name: string) {
    await this.page.getByRole('combobox', { name: 'Promoter' }).selectOption({ label: name });
    await expect(this.page.getByRole('combobox', { name: 'Promoter' })).toHaveValue(/^pr_/);
  }
}
