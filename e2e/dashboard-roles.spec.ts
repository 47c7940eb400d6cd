import type { Browser } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { Dashboard, dashboardUrl } from './pages/dashboard.ts';
import { DashboardAccount, newAccount } from './pages/dashboard-account.ts';
import { MailInbox } from './pages/mail-inbox.ts';
import { type RoleName, TeamPage } from './pages/team-page.ts';
import { shootEveryWay } from './support/dashboard-shots.ts';
import { sellTicket } from './support/paid-order.ts';
import { SessionApi } from './support/session-api.ts';
import { apiUrl, demoOwner } from './support/stack.ts';

// Who may do what, told by the people it concerns: the owner invites staff through the team page,
// they join by the mail's link, and what their role may not do is neither on their screen nor
// allowed by the server. Sessions end, and a request without the session's CSRF token is refused.

/** Signs a session out from outside the browser (`DELETE /v1/session` with its cookie and CSRF token). */
async function endSessionElsewhere(cookieHeader: string) {
  const headers = { Cookie: cookieHeader, Origin: new URL(apiUrl()).origin };
  const current = await fetch(apiUrl('/v1/session'), { headers });
  expect(current.status, 'the session is live before it ends').toBe(200);
  const { csrfToken } = (await current.json()) as { csrfToken: string };
  const ended = await fetch(apiUrl('/v1/session'), {
    method: 'DELETE',
    headers: { ...headers, 'X-CSRF-Token': csrfToken },
  });
  expect(ended.status).toBe(204);
}

/** The demo owner, signed in on the test's page. */
async function signInAsOwner(account: DashboardAccount) {
  const owner = demoOwner();
  await account.signIn(owner.email, owner.password);
}

/**
 * The owner invites a new person with `role` on the team page; the person follows the mail in a
 * browser of their own and joins with a name and password. Answers their dashboard.
 */
async function inviteAndJoin(browser: Browser, owner: Dashboard, role: RoleName, name: string) {
  const person = newAccount(name);
  await owner.goTo('Team');
  await new TeamPage(owner.page).invite(person.email, role);

  const context = await browser.newContext();
  const page = await context.newPage();
  await new DashboardAccount(page).acceptInvitation(new MailInbox(await context.newPage()), person);
  return { dashboard: new Dashboard(page), person, close: () => context.close() };
}

test.describe('roles', () => {
  test('a door person, invited by the owner, joins by mail and cannot refund', async ({
    account,
    dashboard,
    browser,
    backendWithEvent,
  }, testInfo) => {
    const orderId = await sellTicket(
      backendWithEvent,
      `buyer-${crypto.randomUUID().slice(0, 8)}@example.com`,
    );
    await signInAsOwner(account);
    const door = await inviteAndJoin(browser, dashboard, 'Door', 'Dora');
    try {
      // Door staff see events (to pick theirs at the door) and nothing about orders or settings.
      await expect(door.dashboard.nav.getByRole('link')).toHaveText(['Events']);

      // An order's page, opened by its address, shows the server's refusal and no refund button.
      await door.dashboard.open(`/orders/${orderId}`);
      await expect(door.dashboard.page.getByRole('alert')).toContainText('Your role (door) cannot');
      await expect(door.dashboard.page.getByRole('button', { name: /refund/i })).toHaveCount(0);
      await shootEveryWay(door.dashboard.page, testInfo, 'forbidden-door-order');

      // The server refuses it too, whatever the screen shows.
      const api = new SessionApi(door.dashboard.page, door.dashboard.scope().promoterId);
      const refund = await api.call('POST', `/v1/orders/${orderId}/refund`, { body: {} });
      expect(refund.status()).toBe(403);
      expect(await SessionApi.errorCode(refund)).toBe('auth.forbidden');

      // The owner's team page lists them as door, the invitation gone from the pending list.
      await dashboard.page.reload();
      const team = new TeamPage(dashboard.page);
      await expect(team.roleOf(door.person.name)).toHaveValue('door');
      await expect(team.invitations.getByText(door.person.email)).toHaveCount(0);
    } finally {
      await door.close();
    }
  });

  test('a manager cannot see API keys: not in the navigation, refused by the page and the API', async ({
    account,
    dashboard,
    browser,
  }, testInfo) => {
    await signInAsOwner(account);
    const manager = await inviteAndJoin(browser, dashboard, 'Manager', 'Manon');
    try {
      const nav = manager.dashboard.nav;
      await expect(nav.getByRole('link', { name: 'Webhooks' })).toBeVisible();
      await expect(nav.getByRole('link', { name: 'API keys' })).toHaveCount(0);
      await expect(nav.getByRole('link', { name: 'Team' })).toHaveCount(0);
      await expect(nav.getByRole('link', { name: 'Payouts' })).toHaveCount(0);

      await manager.dashboard.open('/settings/keys');
      const refusal = manager.dashboard.page.getByRole('alert');
      await expect(refusal).toContainText('Not available to your role');
      await expect(refusal).toContainText('Your role (manager) cannot manage API keys');
      await expect(manager.dashboard.page.getByRole('button', { name: 'Create key' })).toHaveCount(0);
      await shootEveryWay(manager.dashboard.page, testInfo, 'forbidden-manager-keys');

      const api = new SessionApi(manager.dashboard.page, manager.dashboard.scope().promoterId);
      const keys = await api.call('GET', '/v1/api-keys');
      expect(keys.status()).toBe(403);
      expect(await SessionApi.errorCode(keys)).toBe('auth.forbidden');

      // The owner makes them box office: orders appear, webhooks go.
      const team = new TeamPage(dashboard.page);
      await dashboard.page.reload();
      await team.setRole(manager.person.name, 'Box office');
      await expect(dashboard.page.getByRole('status')).toContainText(
        `${manager.person.name} is now box office`,
      );
      await manager.dashboard.page.reload();
      await expect(nav.getByRole('link', { name: 'Orders' })).toBeVisible();
      await expect(nav.getByRole('link', { name: 'Webhooks' })).toHaveCount(0);
    } finally {
      await manager.close();
    }
  });

  test('the last owner cannot be demoted, and the team page says why beside their role', async ({
    account,
    dashboard,
    inbox,
    page,
  }, testInfo) => {
    const owner = newAccount('Olu');
    await account.signUp(owner, inbox);
    await dashboard.goTo('Team');
    const team = new TeamPage(page);
    await team.setRole(owner.name, 'Manager');
    await expect(page.getByRole('alert')).toContainText('last owner');
    await expect(team.roleOf(owner.name)).toHaveValue('owner');
    await expect(team.roleOf(owner.name)).toHaveAttribute('aria-invalid', 'true');
    await shootEveryWay(page, testInfo, 'team-last-owner');
  });
});

test.describe('sessions', () => {
  test('an ended session sends the person to sign in with "Your session expired", then back', async ({
    account,
    dashboard,
    context,
    page,
  }, testInfo) => {
    await signInAsOwner(account);
    await dashboard.goTo('Team');
    const [cookie] = (await context.cookies(apiUrl())).filter((c) => c.name === 'er_session');
    expect(cookie, 'the session cookie').toBeDefined();
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    // The session ends on the server while the browser still holds its cookie, as when it timed out
    // or was signed out on another device: here, signed out from outside the browser.
    await endSessionElsewhere(`er_session=${cookie?.value}`);

    await dashboard.goTo('API keys').catch(() => undefined);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Your session expired. Sign in again.');
    await shootEveryWay(page, testInfo, 'signin-expired');

    const owner = demoOwner();
    await account.fillSignIn(owner.email, owner.password);
    await expect(page.getByRole('heading', { level: 1, name: 'API keys' })).toBeVisible();
  });

  test('a change sent without the session’s CSRF token is refused with 403 auth.csrf_failed', async ({
    account,
    dashboard,
    page,
  }) => {
    await signInAsOwner(account);
    const { promoterId } = dashboard.scope();
    // A fetch from the page itself, with the cookie but not the X-CSRF-Token header.
    const answer = async (withToken: boolean) =>
      page.evaluate(
        async ({ promoterId, withToken }) => {
          const session = (await (await fetch('/v1/session')).json()) as { csrfToken: string };
          const res = await fetch('/v1/webhook-endpoints', {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              'EntryRate-Promoter': promoterId,
              'Idempotency-Key': crypto.randomUUID(),
              ...(withToken ? { 'X-CSRF-Token': session.csrfToken } : {}),
            },
            body: JSON.stringify({ url: 'https://example.com/hooks', events: ['order.completed'] }),
          });
          return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
        },
        { promoterId, withToken },
      );
    const forged = await answer(false);
    expect(forged.status).toBe(403);
    expect(forged.body.error?.code).toBe('auth.csrf_failed');
    // The same request with the token is the dashboard's own, and works.
    expect((await answer(true)).status).toBe(201);
  });
});

test.describe('accounts', () => {
  test('a wrong password is refused without saying whether the email exists; the demo owner signs in', async ({
    account,
    page,
  }, testInfo) => {
    await page.goto(dashboardUrl('/signin'));
    await account.fillSignIn(demoOwner().email, 'not the password at all');
    await expect(page.getByRole('alert')).toHaveText('The email or password is wrong.');
    await account.fillSignIn(
      `nobody-${crypto.randomUUID().slice(0, 8)}@example.com`,
      'not the password at all',
    );
    await expect(page.getByRole('alert')).toHaveText('The email or password is wrong.');
    await shootEveryWay(page, testInfo, 'signin-wrong-password');
    await account.signIn(demoOwner().email, demoOwner().password);
    await account.signOut();
  });

  test('a person who forgot their password resets it by mail and signs in with the new one', async ({
    account,
    inbox,
    page,
  }, testInfo) => {
    const person = newAccount('Rosa');
    await account.signUp(person, inbox);
    await account.signOut();
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Email').fill(person.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Check your inbox' })).toBeVisible();
    await shootEveryWay(page, testInfo, 'reset-sent');

    await account.followMail(inbox, person.email, 'Reset your EntryRate password', 'Choose a new password');
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    // The API's message, tied to the field it names, as a screen reader hears it.
    await expect(page.getByLabel('New password')).toHaveAccessibleDescription(
      /Choose a password of at least 12/,
    );
    await shootEveryWay(page, testInfo, 'reset-weak-password');
    const password = `a brand new passphrase ${crypto.randomUUID().slice(0, 6)}`;
    await page.getByLabel('New password').fill(password);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Password changed' })).toBeVisible();
    await page.getByRole('link', { name: 'Sign in' }).click();
    await account.signIn(person.email, password);
  });
});
