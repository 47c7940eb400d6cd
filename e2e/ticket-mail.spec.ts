import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { MailInbox } from './pages/mail-inbox.ts';
import { TicketPage } from './pages/ticket-page.ts';
import { TEST_CARDS } from './support/cards.ts';

const buyer = (name: string) => `${name}-${crypto.randomUUID().slice(0, 8)}@example.com`;

test.describe('tickets by email', () => {
  test('a buyer pays, gets every ticket by email, and opens them on the ticket page, even offline', async ({
    checkout,
    context,
  }, testInfo) => {
    const email = buyer('ada');
    await checkout.open();
    await checkout.choose('Early bird', 2);
    await checkout.choose('Standard', 1);
    await checkout.continueWith(email);
    await checkout.pay(TEST_CARDS.visa);
    await expect(checkout.confirmation).toBeVisible();
    await expect(checkout.widget.getByText(`Your tickets are on their way to ${email}`)).toBeVisible();
    await expect(checkout.widget.getByRole('link', { name: 'View your tickets' })).toHaveAttribute(
      'href',
      /\/tickets\/ord_\w+\?token=/,
    );
    const ticketIds = await checkout.tickets.locator('code').allTextContents();
    expect(ticketIds).toHaveLength(3);

    const inbox = new MailInbox(await context.newPage());
    await inbox.open();
    await inbox.read(email, '[TEST] Your tickets for Mura Masa · UK tour');
    for (const id of ticketIds) {
      await expect(inbox.body.getByText(id)).toBeVisible();
      await expect(inbox.body.getByRole('img', { name: `QR code for ticket ${id}` })).toBeVisible();
    }
    await testInfo.attach('order mail', { body: await inbox.page.screenshot(), contentType: 'image/png' });

    const tab = await inbox.viewTickets();
    const tickets = new TicketPage(tab);
    await expect(tickets.tickets).toHaveCount(3);
    for (const id of ticketIds) {
      await expect(tickets.ticket(id)).toContainText('Valid');
      await expect(tickets.code(id).locator('svg')).toBeVisible();
    }
    await expect(tab.getByRole('link', { name: /Add to calendar/ })).toHaveAttribute('href', /calendar\.ics/);
    const axe = await new AxeBuilder({ page: tab }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await testInfo.attach('ticket page', {
      body: await tab.screenshot({ fullPage: true }),
      contentType: 'image/png',
    });

    // At the door with no signal: the page opened before still shows every code.
    await tab.waitForFunction(() => navigator.serviceWorker?.controller !== null);
    await context.setOffline(true);
    try {
      await tab.reload();
      await expect(tickets.tickets).toHaveCount(3);
      for (const id of ticketIds) await expect(tickets.code(id).locator('svg')).toBeVisible();
    } finally {
      await context.setOffline(false);
    }
  });

  test('a buyer who lost the email asks the confirmation for a new link, and the old one stops working', async ({
    checkout,
    context,
  }) => {
    const email = buyer('grace');
    await checkout.open();
    await checkout.choose('Standard', 1);
    await checkout.continueWith(email);
    await checkout.pay(TEST_CARDS.visa);
    await expect(checkout.confirmation).toBeVisible();
    const oldLink = await checkout.widget
      .getByRole('link', { name: 'View your tickets' })
      .getAttribute('href');

    await checkout.widget.getByRole('button', { name: "Didn't get the email?" }).click();
    await expect(checkout.widget.getByLabel('Send a new link to')).toHaveValue(email);
    await checkout.widget.getByRole('button', { name: 'Send the link' }).click();
    await expect(checkout.widget.getByRole('status')).toContainText(`Sent to ${email}`);

    const inbox = new MailInbox(await context.newPage());
    await inbox.open();
    await inbox.read(email, '[TEST] Your EntryRate tickets');
    const tab = await inbox.viewTickets();
    await expect(new TicketPage(tab).tickets).toHaveCount(1);

    const old = await context.newPage();
    const answer = await old.goto(oldLink as string);
    expect(answer?.status()).toBe(410);
    await expect(old.getByRole('heading', { level: 1 })).toContainText(/replaced/i);
  });

  test('a rotating code changes on the ticket page while it is open', async ({
    checkout,
    promoterBackend,
    page,
  }) => {
    test.setTimeout(90_000);
    const event = await promoterBackend.putEventOnSale({ title: 'Rotating codes night', rotatingQr: true });
    await checkout.open('/', event);
    await checkout.choose('Early bird', 1);
    await checkout.continueWith(buyer('lin'));
    await checkout.pay(TEST_CARDS.visa);
    await expect(checkout.confirmation).toBeVisible();
    const [id] = await checkout.tickets.locator('code').allTextContents();
    const link = await checkout.widget.getByRole('link', { name: 'View your tickets' }).getAttribute('href');

    await page.goto(link as string);
    const tickets = new TicketPage(page);
    await expect(tickets.code(id as string).locator('svg')).toBeVisible();
    await expect(page.getByText(/changes every 30 seconds/).first()).toBeVisible();
    const first = await tickets.drawing(id as string);
    // The next 30-second window, by the server's clock, brings the next code.
    await expect
      .poll(() => tickets.drawing(id as string), { timeout: 40_000, intervals: [1_000] })
      .not.toBe(first);
    await expect(tickets.ticket(id as string)).toContainText('Valid');
  });
});
