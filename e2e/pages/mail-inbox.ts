import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { mailUrl } from '../support/stack.ts';

/** The mail catcher's inbox that `npm start` runs, as a buyer reading their mail meets it. */
export class MailInbox {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto(mailUrl());
  }

  /** The newest mail to `recipient` whose subject matches, once it has arrived (the inbox refreshes itself). */
  mail(recipient: string, subject: string | RegExp): Locator {
    return this.page
      .getByRole('listitem')
      .filter({ hasText: `To ${recipient}` })
      .getByRole('link', { name: subject })
      .first();
  }

  async read(recipient: string, subject: string | RegExp) {
    const mail = this.mail(recipient, subject);
    await expect(mail).toBeVisible({ timeout: 20_000 });
    await mail.click();
    await expect(this.page.getByRole('heading', { level: 2, name: subject })).toBeVisible();
  }

  /** The open mail's HTML part, as a mail client renders it. */
  get body(): FrameLocator {
    return this.page.frameLocator('iframe[title="Message HTML"]');
  }

  /** Follows the open mail's "View your tickets" link, which opens in a new tab; answers that tab. */
  async viewTickets(): Promise<Page> {
    const [tab] = await Promise.all([
      this.page.context().waitForEvent('page'),
      this.body.getByRole('link', { name: 'View your tickets' }).first().click(),
    ]);
    await tab.waitForLoadState();
    return tab;
  }
}
