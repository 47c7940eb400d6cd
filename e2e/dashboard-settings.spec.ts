import { createHmac } from 'node:crypto';
import { expect, test } from './fixtures.ts';
import { ApiKeysPage } from './pages/api-keys-page.ts';
import { newAccount } from './pages/dashboard-account.ts';
import { WebhookEndpointPage } from './pages/webhook-endpoint-page.ts';
import { WebhooksPage } from './pages/webhooks-page.ts';
import { shootEveryWay } from './support/dashboard-shots.ts';
import { makeDemoPayout } from './support/sim-payouts.ts';
import { apiUrl, demoOwner } from './support/stack.ts';
import { startWebhookReceiver } from './support/webhook-receiver.ts';

// A promoter's settings, told as they use them: a key made in the dashboard that then works from
// their own server, a webhook endpoint that hears its events, and the payouts Stripe makes.

test.describe('Settings → API keys', () => {
  test('a new promoter signs up, creates a key, copies its secret and calls the API with it', async ({
    account,
    dashboard,
    inbox,
    context,
    page,
  }, testInfo) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await account.signUp(newAccount('Ada'), inbox);
    await expect(dashboard.banner).toBeVisible();
    await dashboard.goTo('API keys');
    const keys = new ApiKeysPage(page);
    await shootEveryWay(page, testInfo, 'api-keys');

    const secret = await keys.create('Website');
    expect(secret).toMatch(/^er_test_/);
    await shootEveryWay(page, testInfo, 'api-keys-secret-shown', false);
    await keys.done();
    // Shown once: the list holds only its last four characters.
    await expect(page.getByText(secret)).toHaveCount(0);
    await expect(keys.row('Website')).toContainText(`er_test_…${secret.slice(-4)}`);
    await expect(keys.row('Website')).toContainText('Never');

    // The promoter's own server calls the API with it.
    const answer = await fetch(apiUrl('/v1/events'), { headers: { Authorization: `Bearer ${secret}` } });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { data: unknown[] }).data).toEqual([]);
    await page.reload();
    await expect(keys.row('Website')).not.toContainText('Never');

    await keys.revoke('Website');
    const refused = await fetch(apiUrl('/v1/events'), { headers: { Authorization: `Bearer ${secret}` } });
    expect(refused.status).toBe(401);
    await shootEveryWay(page, testInfo, 'api-keys-revoked');
  });
});

test.describe('Settings → Webhooks', () => {
  test('an endpoint on the promoter’s server gets a signed test event, shown in the log, and a resend', async ({
    account,
    dashboard,
    inbox,
    page,
  }, testInfo) => {
    const receiver = await startWebhookReceiver();
    try {
      await account.signUp(newAccount('Grace'), inbox);
      await dashboard.goTo('Webhooks');
      await shootEveryWay(page, testInfo, 'webhooks-empty');
      const webhooks = new WebhooksPage(page);
      const secret = await webhooks.add(receiver.url, ['order.completed', 'order.refunded']);
      const endpoint = new WebhookEndpointPage(page);
      await expect(page.getByText(receiver.url).first()).toBeVisible();
      await expect(endpoint.log).toHaveCount(0);
      await expect(page.getByText('No deliveries yet')).toBeVisible();
      await shootEveryWay(page, testInfo, 'webhook-endpoint-empty');

      await endpoint.sendTestEvent();
      const ping = endpoint.deliveries('ping');
      await expect(ping).toHaveCount(1);
      await expect(ping.getByText('delivered', { exact: true })).toBeVisible({ timeout: 20_000 });
      await expect(ping).toContainText('HTTP 200');
      // It reached the receiver, signed with the secret the dashboard showed.
      expect(receiver.received).toHaveLength(1);
      const [first] = receiver.received;
      const signature = createHmac('sha256', secret)
        .update(first?.body ?? '')
        .digest('hex');
      expect(first?.headers['entryrate-signature']).toContain(signature);
      await shootEveryWay(page, testInfo, 'webhook-endpoint-delivered');

      await endpoint.resend(ping);
      await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(2);
      expect(receiver.received[1]?.body).toBe(first?.body);
      await expect(ping).toContainText('2');

      await endpoint.setEvents(['order.completed']);
      await expect(page.getByRole('definition').filter({ hasText: /^order\.completed$/ })).toBeVisible();
      const rotated = await endpoint.rotateSecret();
      expect(rotated).not.toBe(secret);

      await dashboard.goTo('Webhooks');
      await expect(page.getByRole('link', { name: receiver.url })).toBeVisible();
      await shootEveryWay(page, testInfo, 'webhooks-list');
    } finally {
      await receiver.stop();
    }
  });
});

test.describe('Settings → Payouts', () => {
  test('the demo owner sees the connected account and the payouts, filtered by status', async ({
    account,
    dashboard,
    page,
  }, testInfo) => {
    await makeDemoPayout(48_250, { paid: true });
    await makeDemoPayout(12_000);
    const owner = demoOwner();
    await account.signIn(owner.email, owner.password);
    await dashboard.goTo('Payouts');
    await expect(page.getByRole('region', { name: 'Stripe account' })).toBeVisible();
    const payouts = page.getByRole('table', { name: 'Payouts' });
    await expect(payouts.getByRole('row').nth(1)).toBeVisible();
    await shootEveryWay(page, testInfo, 'payouts');

    await page.getByLabel('Status').selectOption('paid');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/status=paid/);
    await expect(async () => {
      const statuses = await payouts.locator('tbody tr td:nth-child(2)').allTextContents();
      expect(statuses.length).toBeGreaterThan(0);
      expect(new Set(statuses)).toEqual(new Set(['paid']));
    }).toPass();

    await page.getByLabel('Arriving from').fill('2000-01-02');
    await page.getByLabel('Arriving by').fill('2000-01-01');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    // The API's own words, beside the field they name.
    await expect(page.getByText('arrivalTo must not be before arrivalFrom').first()).toBeVisible();
    await shootEveryWay(page, testInfo, 'payouts-filter-error');
  });
});
