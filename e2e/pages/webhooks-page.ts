import { expect, type Locator, type Page } from '@playwright/test';

/** Settings → Webhooks: the endpoint list and adding one. */
export class WebhooksPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /**
   * Adds an endpoint for `events` (every event when none are named) and answers its signing
   * secret, shown once; then opens the endpoint's page.
   */
  async add(url: string, events: string[] = []): Promise<string> {
    await this.page.getByRole('button', { name: 'Add endpoint' }).click();
    await this.dialog.getByLabel('Endpoint URL').fill(url);
    if (events.length > 0) {
      await this.dialog.getByLabel('All events').uncheck();
      for (const type of events) await this.dialog.getByLabel(type, { exact: true }).check();
    }
    await this.dialog.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = this.dialog.getByRole('group', { name: 'Signing secret' }).getByText(/^whsec_\w+$/);
    await expect(secret).toHaveText(/^whsec_/);
    const value = (await secret.textContent()) as string;
    await this.dialog.getByRole('button', { name: 'Open endpoint' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Webhook endpoint' })).toBeVisible();
    return value;
  }

  /** Opens an endpoint's page from the list. */
  async open(url: string) {
    await this.page.getByRole('link', { name: url }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Webhook endpoint' })).toBeVisible();
  }
}
