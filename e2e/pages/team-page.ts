import { expect, type Locator, type Page } from '@playwright/test';

/** A role as the team page names it. */
export type RoleName = 'Owner' | 'Manager' | 'Box office' | 'Door';

/** Settings → Team: members and their roles, invitations, inviting. */
export class TeamPage {
  constructor(readonly page: Page) {}

  get members(): Locator {
    return this.page.getByRole('table', { name: 'Members' });
  }

  get invitations(): Locator {
    return this.page.getByRole('table', { name: 'Pending invitations' });
  }

  member(name: string): Locator {
    return this.members.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name }) });
  }

  roleOf(name: string): Locator {
    return this.page.getByRole('combobox', { name: `Role of ${name}` });
  }

  /** Invites `email` with `role`; the invitation then waits in the pending list. */
  async invite(email: string, role: RoleName) {
    const form = this.page.getByRole('region', { name: 'Invite someone' });
    await form.getByLabel('Email').fill(email);
    await form.getByRole('radio', { name: role, exact: true }).check();
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await expect(
      this.page.getByRole('status').filter({ hasText: `Invitation sent to ${email}` }),
    ).toBeVisible();
    await expect(this.invitations.getByRole('row', { name: new RegExp(email) })).toBeVisible();
  }

  /** Chooses another role for a member in their row's select. */
  async setRole(name: string, role: RoleName) {
    await this.roleOf(name).selectOption({ label: role });
  }
}
