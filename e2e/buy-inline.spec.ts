import { expect, test } from './fixtures.ts';
import { TEST_CARDS } from './support/cards.ts';

test.describe('buying inline on the promoter’s site', () => {
  test('a buyer pays for two Early bird tickets and sees them', async ({ checkout, demoEvent }, testInfo) => {
    const before = await demoEvent.available('Early bird');
    await checkout.open();
    await checkout.choose('Early bird', 2);
    await expect(checkout.widget.getByRole('button', { name: /^Continue · £24\.00/ })).toBeVisible();
    await checkout.continueWith('ada@example.com');
    await expect(checkout.timer).toContainText(/Tickets held for 1[45]:\d\d/);
    await checkout.pay(TEST_CARDS.visa);

    await expect(checkout.confirmation).toBeVisible();
    await expect(checkout.widget.getByText(/ord_[0-9a-z]{16}/)).toBeVisible();
    const tickets = checkout.tickets;
    await expect(tickets).toHaveCount(2);
    await expect(tickets.first()).toContainText(/tkt_[0-9a-z]{16}/);
    await expect(tickets.first()).toContainText('Early bird');
    const qr = tickets.first().getByRole('img', { name: /^QR code tkt_/ });
    await expect(qr).toBeVisible();
    // Visible comes before decoded: wait for the picture itself, not just its box.
    await expect
      .poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    await testInfo.attach('confirmation', {
      body: await checkout.page.screenshot({ fullPage: true }),
      contentType: 'image/png',
    });

    expect(await demoEvent.available('Early bird')).toBe(before - 2);
    await checkout.page.reload();
    await expect(checkout.tierRow('Early bird')).toContainText(`${before - 2} left`);
  });

  test('a declined card can be replaced by another in the same checkout, for exactly one order', async ({
    checkout,
    demoEvent,
  }) => {
    const soldBefore = (await demoEvent.event()).tiers[1]?.sold ?? 0;
    await checkout.open();
    await checkout.choose('Standard', 1);
    await checkout.continueWith('grace@example.com');
    await checkout.pay(TEST_CARDS.declined);
    await expect(checkout.error).toHaveText(/Your card was declined\./);
    await expect(checkout.confirmation).toHaveCount(0);

    await checkout.pay(TEST_CARDS.visa);
    await expect(checkout.confirmation).toBeVisible();
    await expect(checkout.tickets).toHaveCount(1);
    expect((await demoEvent.event()).tiers[1]?.sold).toBe(soldBefore + 1);
  });
});
