import { expect, type Locator, type Page } from '@playwright/test';

/** One webhook endpoint's page: its settings and its delivery log. */
export class WebhookEndpointPage {
  constructor(readonly page: Page) {}

  get log(): Locator {
    return this.page.getByRole('table', { name: 'Deliveries' });
  }

  /** The log's rows for deliveries of `type` (`ping`, `order.completed`). */
  deliveries(type: string): Locator {
    return this.log.getByRole('row').filter({
      has: this.page.getByRole('rowheader', { name: new RegExp(`^${type.replace('.', '\\.')}\\b`) }),
    });
  }

  async sendTestEvent() {
    await this.page.getByRole('button', { name: 'Send test event' }).click();
    await expect(
      this.page.getByRole('status').filter({ hasText: 'A test ping is on its way' }),
    ).toBeVisible();
  }

  /** Sends a delivery again with its row's Resend button. */
  async resend(row: Locator) {
    await row.getByRole('button', { name: /^Resend/ }).click();
  }

  /** Makes the endpoint receive exactly `events` and saves. */
  async setEvents(events: string[]) {
    const form = this.page.getByRole('group', { name: 'Events to send' });
    await form.getByLabel('All events').uncheck();
    // The form then holds exactly `events`: what it had checked is cleared first.
    const checked = form.getByRole('checkbox', { checked: true });
    while ((await checked.count()) > 0) await checked.first().uncheck();
    for (const type of events) await form.getByLabel(type, { exact: true }).check();
    await this.page.getByRole('button', { name: 'Save events' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  }

  /** Rotates the signing secret and answers the new one, shown once. */
  async rotateSecret(): Promise<string> {
    await this.page.getByRole('button', { name: 'Rotate secret' }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Rotate secret' }).click();
    const secret = this.page.getByRole('group', { name: 'Signing secret' }).getByText(/^whsec_\w+$/);
    await expect(secret).toHaveText(/^whsec_/);
    const value = (await secret.textContent()) as string;
    await this.page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
    return value;
  }
}
