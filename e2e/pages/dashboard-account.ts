import { expect, type Page } from '@playwright/test';
import { Dashboard, dashboardUrl } from './dashboard.ts';
import type { MailInbox } from './mail-inbox.ts';

/** Who signs up: the person and their first promoter. */
export interface NewAccount {
  email: string;
  password: string;
  name: string;
  promoterName: string;
}

/** A new person with a unique address and their promoter: `newAccount('Ada')`. */
export function newAccount(name = 'Ada', promoterName = `${name}'s Promotions`): NewAccount {
  const tag = crypto.randomUUID().slice(0, 8);
  return {
    name,
    email: `${name.toLowerCase().replace(/\W+/g, '-')}-${tag}@example.com`,
    password: `correct horse battery ${tag}`,
    promoterName: `${promoterName} ${tag}`,
  };
}

/** A person's way into the dashboard: signing up (with the mail's confirmation link), in and out. */
export class DashboardAccount {
  readonly dashboard: Dashboard;

  constructor(readonly page: Page) {
    this.dashboard = new Dashboard(page);
  }

  /**
   * Signs up, reads the confirmation mail in `inbox` and follows its link, which signs the person
   * in to their new promoter's dashboard, in test mode.
   */
  async signUp(account: NewAccount, inbox: MailInbox) {
    await this.page.goto(dashboardUrl('/signup'));
    await this.page.getByLabel('Your name').fill(account.name);
    await this.page.getByLabel('Email').fill(account.email);
    await this.page.getByLabel('Password', { exact: true }).fill(account.password);
    await this.page.getByLabel('Promoter name').fill(account.promoterName);
    await this.page.getByRole('button', { name: 'Create account' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Check your inbox' })).toBeVisible();

    await this.followMail(inbox, account.email, 'Confirm your EntryRate account', 'Confirm and sign in');
    await expect(this.dashboard.nav).toBeVisible();
    await expect(this.page.getByText(account.promoterName).first()).toBeVisible();
  }

  /** Signs in on the sign-in page and waits for the dashboard. */
  async signIn(email: string, password: string) {
    if (!new URL(this.page.url()).pathname.startsWith('/dashboard/signin')) {
      await this.page.goto(dashboardUrl('/signin'));
    }
    await this.fillSignIn(email, password);
    await expect(this.dashboard.nav).toBeVisible();
  }

  /** Fills the sign-in form and sends it, without waiting for where it leads. */
  async fillSignIn(email: string, password: string) {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  /** Signs out with the top bar's button and lands on the sign-in page. */
  async signOut() {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  }

  /**
   * Follows the invitation mail to `person.email`; a person without an account chooses a name and
   * a password there, one with an account signs in; either way they land in the team's dashboard.
   */
  async acceptInvitation(inbox: MailInbox, person: { email: string; password: string; name?: string }) {
    await this.followMail(inbox, person.email, /^Join .+ on EntryRate$/, 'Accept the invitation');
    await expect(this.page.getByRole('heading', { level: 1, name: /^Join / })).toBeVisible();
    if (person.name) {
      await this.page.getByLabel('Your name').fill(person.name);
      await this.page.getByLabel('Choose a password').fill(person.password);
      await this.page.getByRole('button', { name: 'Create account and join' }).click();
    } else {
      await this.page.getByLabel('Password', { exact: true }).fill(person.password);
      await this.page.getByRole('button', { name: 'Sign in and join' }).click();
    }
    await expect(this.dashboard.nav).toBeVisible();
  }

  /** Opens the newest mail to `to` with `subject` and follows its `action` link in this page. */
  async followMail(inbox: MailInbox, to: string, subject: string | RegExp, action: string) {
    await inbox.open();
    await inbox.read(to, subject);
    const href = await inbox.body.getByRole('link', { name: action }).first().getAttribute('href');
    if (!href) throw new Error(`The mail "${subject}" has no "${action}" link`);
    await this.page.goto(href);
  }
}
