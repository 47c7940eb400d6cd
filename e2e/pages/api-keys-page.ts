import { expect, type Locator, type Page } from '@playwright/test';

/** Settings → API keys, as an owner meets it. */
export class ApiKeysPage {
  constructor(readonly page: Page) {}

  get table(): Locator {
    return this.page.getByRole('table', { name: /API keys/ });
  }

  /** A key's row, by its name. */
  row(name: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  /** The dialog where a key is made and its secret shown once. */
  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /**
   * Creates a key named `name`, copies its secret with the Copy button and answers what the
   * clipboard then holds (the context needs the clipboard permissions). Leaves the dialog open.
   */
  async create(name: string, kind: 'secret' | 'admin' = 'secret'): Promise<string> {
    await this.page.getByRole('button', { name: 'Create key' }).click();
    await this.dialog.getByLabel('Name').fill(name);
    await this.dialog.getByLabel('Kind').selectOption(kind);
    await this.dialog.getByRole('button', { name: 'Create key' }).click();
    const secret = this.dialog.getByRole('group', { name: 'Secret key' });
    await expect(secret).toBeVisible();
    await secret.getByRole('button', { name: 'Copy secret key' }).click();
    await expect(secret.getByText('Copied')).toBeVisible();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** Closes the dialog that shows the new secret. */
  async done() {
    await this.dialog.getByRole('button', { name: 'Done' }).click();
    await expect(this.dialog).toBeHidden();
  }

  /** Revokes the key named `name`, through its confirmation. */
  async revoke(name: string) {
    await this.row(name)
      .getByRole('button', { name: `Revoke ${name}` })
      .click();
    await this.dialog.getByRole('button', { name: 'Revoke key' }).click();
    await expect(this.row(name)).toContainText('Revoked');
  }
}
