import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

/** An event's page in the dashboard: its sales, publishing and the embed code with its preview. */
export class EventPage {
  constructor(readonly page: Page) {}

  get salesTable(): Locator {
    return this.page.getByRole('table', { name: 'Sales per tier' });
  }

  /** A tier's row of the sales table, by its name. */
  tierRow(name: string): Locator {
    return this.salesTable
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  /** What the facts list says under `term` (`Revenue`, `Scanned in`, …). */
  fact(term: string): Locator {
    return this.page
      .locator('.facts div')
      .filter({ has: this.page.getByRole('term').getByText(term, { exact: true }) })
      .getByRole('definition');
  }

  get chart(): Locator {
    return this.page.getByRole('img', { name: /tickets sold per (day|week)/ });
  }

  /** The live preview: the real widget, on the preview origin, in a sandboxed frame. */
  get preview(): FrameLocator {
    return this.page.frameLocator('iframe[title^="Live preview of the checkout"]');
  }

  get previewFrame(): Locator {
    return this.page.locator('iframe[title^="Live preview of the checkout"]');
  }

  /** Puts the event on sale, on the storefront or only where it is embedded. */
  async publish({ storefront }: { storefront: boolean }) {
    const choice = this.page.getByLabel('List it on the EntryRate storefront');
    if (storefront) await choice.check();
    else await choice.uncheck();
    await this.page.getByRole('button', { name: 'Publish' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'is on sale' })).toBeVisible();
  }

  /** Chooses how the embed shows the checkout. */
  async chooseEmbed(choice: { mode?: string; theme?: string; tier?: string }) {
    if (choice.mode) await this.page.getByLabel('Mode', { exact: true }).selectOption({ label: choice.mode });
    if (choice.theme)
      await this.page.getByLabel('Theme', { exact: true }).selectOption({ label: choice.theme });
    if (choice.tier) await this.page.getByLabel('Open at tier').selectOption({ label: choice.tier });
  }

  /** Copies the embed code with its button and answers what the clipboard holds. */
  async copyEmbedCode(): Promise<string> {
    await this.page.getByRole('button', { name: 'Copy embed code' }).click();
    await expect(this.page.getByText('Copied')).toBeVisible();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }
}
