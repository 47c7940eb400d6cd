import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { Dashboard, dashboardUrl } from './pages/dashboard.ts';
import { violations } from './support/axe.ts';
import { sellTicket } from './support/paid-order.ts';
import type { PromoterBackend } from './support/promoter-backend.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { SessionApi } from './support/session-api.ts';
import { demoOwner } from './support/stack.ts';

// Every dashboard page through axe (WCAG 2.2 AA) in both themes, on a laptop and on a 375-px phone,
// with a screenshot of each (the phone's at 390 px). A page joins by adding a line to SCREENS.

/** What the signed-in screens can point at: records made for the run in the demo promoter. */
interface Made {
  endpointId: string;
  /** An event on sale with one paid order. */
  eventId: string;
  orderId: string;
}

interface Screen {
  /** The screenshot's name: `dashboard-a11y-<name>-<width>-<theme>.png`. */
  name: string;
  /** After /dashboard; `~` stands for the demo promoter in test mode (`~/settings/keys`). */
  path: string | ((made: Made) => string);
  /** The h1 once the page is there. */
  heading: string | RegExp;
  /** Pages seen before signing in. */
  signedOut?: boolean;
  /** Brings the page to a state after it loads (opens a dialog). */
  act?: (page: Page) => Promise<void>;
}

export const SCREENS: Screen[] = [
  { name: 'signin', path: '/signin', heading: 'Sign in', signedOut: true },
  { name: 'signup', path: '/signup', heading: 'Create your account', signedOut: true },
  {
    name: 'confirm-expired',
    path: '/confirm?token=no-such-token',
    heading: 'This link has expired',
    signedOut: true,
  },
  { name: 'reset-ask', path: '/reset', heading: 'Reset your password', signedOut: true },
  {
    name: 'reset-choose',
    path: '/reset?token=no-such-token',
    heading: 'Choose a new password',
    signedOut: true,
  },
  {
    name: 'invite-expired',
    path: '/invite?token=no-such-token',
    heading: 'This invitation has expired',
    signedOut: true,
  },
  { name: 'not-found', path: '/no/such/page', heading: 'Page not found' },
  { name: 'events', path: '~/events', heading: 'Events' },
  { name: 'event-new', path: '~/events/new', heading: 'New event' },
  { name: 'event', path: (made) => `~/events/${made.eventId}`, heading: 'Hosted checkout night' },
  { name: 'event-edit', path: (made) => `~/events/${made.eventId}/edit`, heading: /^Edit / },
  { name: 'orders', path: '~/orders', heading: 'Orders' },
  { name: 'order', path: (made) => `~/orders/${made.orderId}`, heading: /^Order ord_/ },
  {
    name: 'order-refund',
    path: (made) => `~/orders/${made.orderId}`,
    heading: /^Order ord_/,
    act: (page) => page.getByRole('button', { name: 'Refund', exact: true }).click(),
  },
  { name: 'api-keys', path: '~/settings/keys', heading: 'API keys' },
  {
    name: 'api-keys-create',
    path: '~/settings/keys',
    heading: 'API keys',
    act: (page) => page.getByRole('button', { name: 'Create key' }).click(),
  },
  { name: 'webhooks', path: '~/settings/webhooks', heading: 'Webhooks' },
  {
    name: 'webhooks-add',
    path: '~/settings/webhooks',
    heading: 'Webhooks',
    act: (page) => page.getByRole('button', { name: 'Add endpoint' }).click(),
  },
  {
    name: 'webhook-endpoint',
    path: (made) => `~/settings/webhooks/${made.endpointId}`,
    heading: 'Webhook endpoint',
  },
  { name: 'payouts', path: '~/settings/payouts', heading: 'Payouts' },
  { name: 'team', path: '~/settings/team', heading: 'Team' },
];

/**
 * Records for the signed-in pages to show: an event on sale with a paid order, an endpoint (whose
 * deliveries fail) and an open invitation.
 */
async function makeRecords(api: SessionApi, backend: PromoterBackend): Promise<Made> {
  const orderId = await sellTicket(backend, `a11y-${crypto.randomUUID().slice(0, 8)}@example.com`);
  const order = await api.call('GET', `/v1/orders/${orderId}`);
  const { eventId } = (await order.json()) as { eventId: string };
  const endpoint = await api.call('POST', '/v1/webhook-endpoints', {
    body: { url: 'http://127.0.0.1:9/unreachable', events: ['*'] },
  });
  expect(endpoint.status()).toBe(201);
  const { id } = (await endpoint.json()) as { id: string };
  await api.call('POST', `/v1/webhook-endpoints/${id}/test`);
  await api.call('POST', '/v1/team/invitations', {
    body: { email: `a11y-${crypto.randomUUID().slice(0, 8)}@example.com`, role: 'box_office' },
  });
  return { endpointId: id, eventId, orderId };
}

for (const theme of ['light', 'dark'] as const) {
  for (const width of [1280, 375] as const) {
    test(`every dashboard page is axe-clean, ${theme} theme, ${width} px wide`, async ({
      page,
      account,
      backendWithEvent,
    }, testInfo) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: width > 800 ? 800 : 812 });
      await page.emulateMedia({ colorScheme: theme });
      const dashboard = new Dashboard(page);
      let made: Made | null = null;
      let scope = '';
      const failures: string[] = [];

      for (const screen of SCREENS.toSorted((a, b) => Number(!a.signedOut) - Number(!b.signedOut))) {
        if (!screen.signedOut && !made) {
          await account.signIn(demoOwner().email, demoOwner().password);
          const { promoterId, mode } = dashboard.scope();
          scope = `/${promoterId}/${mode}`;
          made = await makeRecords(new SessionApi(page, promoterId), backendWithEvent);
        }
        const path = typeof screen.path === 'string' ? screen.path : screen.path(made as Made);
        await page.goto(dashboardUrl(path.replace(/^~/, scope)));
        await expect(page.getByRole('heading', { level: 1, name: screen.heading })).toBeVisible();
        await expect(page.getByText('Loading…')).toHaveCount(0);
        await screen.act?.(page);
        for (const v of await violations(page)) failures.push(`${screen.name}: ${v}`);
        // The phone's picture at 390 px, as the other pictures of the dashboard.
        if (width < 800) await page.setViewportSize({ width: 390, height: 844 });
        await saveScreenshot(
          page,
          testInfo,
          `dashboard-a11y-${screen.name}-${width < 800 ? 390 : width}-${theme}`,
          !screen.act,
        );
        if (width < 800) await page.setViewportSize({ width, height: 812 });
      }
      expect(failures).toEqual([]);
    });
  }
}
