import { expect, type Locator, type Page } from '@playwright/test';

/** Orders: finding one, and its page with tickets, payment and refunds. */
export class OrdersPage {
  constructor(readonly page: Page) {}

  get table(): Locator {
    return this.page.getByRole('table', { name: /^Orders/ });
  }

  /** Searches by email or order id (and optionally event and status), as a person would. */
  async search(filters: { q?: string; event?: string; status?: string }) {
    if (filters.q !== undefined) await this.page.getByLabel('Email or order ID').fill(filters.q);
    if (filters.event)
      await this.page.getByLabel('Event', { exact: true }).selectOption({ label: filters.event });
    if (filters.status) await this.page.getByLabel('Status').selectOption({ label: filters.status });
    await this.page.getByRole('button', { name: 'Search' }).click();
  }

  /** Opens the order from the list by its buyer's email. */
  async open(email: string) {
    await this.table.getByRole('row').filter({ hasText: email }).getByRole('link').first().click();
    await expect(this.page.getByRole('heading', { level: 1, name: /^Order ord_/ })).toBeVisible();
  }

  get tickets(): Locator {
    return this.page
      .getByRole('table', { name: /^Tickets/ })
      .getByRole('row')
      .filter({ hasText: /tkt_/ });
  }

  get refunds(): Locator {
    return this.page
      .getByRole('table', { name: /^Refunds/ })
      .getByRole('row')
      .filter({ hasText: /re_/ });
  }

  /** Refunds `amount` (all that is left when not given) through the two steps, and waits for it. */
  async refund(amount?: string) {
    await this.page.getByRole('button', { name: 'Refund', exact: true }).click();
    const dialog = this.page.getByRole('dialog');
    if (amount) await dialog.getByLabel(/^Amount/).fill(amount);
    await dialog.getByRole('button', { name: 'Review refund' }).click();
    await expect(this.page.getByRole('dialog', { name: 'Confirm the refund' })).toBeVisible();
    await this.page
      .getByRole('dialog')
      .getByRole('button', { name: /^Refund / })
      .click();
    await expect(this.page.getByRole('dialog')).toHaveCount(0);
  }
}
