import { expect, test } from './fixtures.ts';
import { TEST_CARDS } from './support/cards.ts';
import { demoUrl } from './support/stack.ts';

// Every state a buyer can meet that the real stack can produce from a browser. Tests that count seats
// put an event of their own on sale, so that tests running beside them do not move the counts.

const EARLY_BIRD = { name: 'Early bird', slug: 'early-bird', price: 1200 };
const STANDARD = { name: 'Standard', slug: 'standard', price: 1800 };

test.describe('stock', () => {
  test('the last Early bird sells, and the next buyer finds the tier sold out', async ({
    checkout,
    promoterBackend,
  }) => {
    const event = await promoterBackend.putEventOnSale({
      title: 'Last-one night',
      tiers: [
        { ...EARLY_BIRD, stock: 1 },
        { ...STANDARD, stock: 20 },
      ],
    });
    await checkout.open('/', event);
    await expect(checkout.tierRow('Early bird')).toContainText('Only 1 left');
    await checkout.choose('Early bird', 1);
    await expect(checkout.widget.getByRole('button', { name: 'Add one Early bird ticket' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await checkout.continueWith('ada@example.com');
    await checkout.pay(TEST_CARDS.visa);
    await expect(checkout.confirmation).toBeVisible();

    await checkout.open('/', event);
    await expect(checkout.tierRow('Early bird')).toContainText('Sold out');
    await expect(checkout.widget.getByRole('button', { name: 'Add one Early bird ticket' })).toBeDisabled();
    await expect(checkout.widget.getByRole('button', { name: 'Add one Standard ticket' })).toBeEnabled();
  });

  test('when every tier is gone the event says it is sold out', async ({ checkout, promoterBackend }) => {
    const event = await promoterBackend.putEventOnSale({
      title: 'Tiny room night',
      tiers: [{ ...EARLY_BIRD, stock: 1 }],
    });
    await checkout.open('/', event);
    await checkout.choose('Early bird', 1);
    await checkout.continueWith('ada@example.com');
    await checkout.pay(TEST_CARDS.visa);
    await expect(checkout.confirmation).toBeVisible();

    await checkout.open('/', event);
    await expect(checkout.widget.getByText(/This event is sold out/)).toBeVisible();
    await expect(checkout.widget.getByRole('button', { name: 'Add one Early bird ticket' })).toBeDisabled();
  });

  test('someone else holds the last ticket first: the buyer is told, and the tier shows sold out', async ({
    checkout,
    promoterBackend,
  }) => {
    const event = await promoterBackend.putEventOnSale({
      title: 'Race night',
      tiers: [
        { ...EARLY_BIRD, stock: 1 },
        { ...STANDARD, stock: 20 },
      ],
    });
    await checkout.open('/', event);
    await checkout.choose('Early bird', 1);
    await promoterBackend.createSession(1, 'quicker@example.com');

    await checkout.startCheckout('ada@example.com');
    await expect(checkout.error).toContainText(/Early bird/);
    await expect(checkout.tierRow('Early bird')).toContainText('Sold out');
    await expect(checkout.paymentFrame.getByLabel('Card number')).toHaveCount(0);
  });
});

test.describe('paying', () => {
  test('declined cards say why, and the buyer pays with another for exactly one order', async ({
    checkout,
    promoterBackend,
  }) => {
    const event = await promoterBackend.putEventOnSale({ title: 'Declines night' });
    await checkout.open('/', event);
    await checkout.choose('Early bird', 1);
    await checkout.continueWith('grace@example.com');

    await checkout.pay(TEST_CARDS.declined);
    await expect(checkout.error).toHaveText('Your card was declined.');
    await checkout.pay(TEST_CARDS.insufficientFunds);
    await expect(checkout.error).toHaveText('Your card has insufficient funds.');
    await expect(checkout.timer).toBeVisible();
    await checkout.pay(TEST_CARDS.visa);

    await expect(checkout.confirmation).toBeVisible();
    await expect(checkout.tickets).toHaveCount(1);
    expect(await promoterBackend.available()).toBe(promoterBackend.stock - 1);
  });

  test('3-D Secure: the buyer completes the bank’s challenge and gets the tickets', async ({
    checkout,
    promoterBackend,
  }) => {
    const event = await promoterBackend.putEventOnSale({ title: 'Secure night' });
    await checkout.open('/', event);
    await checkout.choose('Early bird', 2);
    await checkout.continueWith('ada@example.com');
    await checkout.pay(TEST_CARDS.threeDSecure);

    await expect(checkout.challenge.getByRole('heading', { name: '3D Secure authentication' })).toBeVisible();
    await checkout.authenticate('Complete');
    await expect(checkout.confirmation).toBeVisible();
    await expect(checkout.tickets).toHaveCount(2);
  });

  test('3-D Secure: a failed challenge is explained, and another card still pays', async ({
    checkout,
    promoterBackend,
  }) => {
    const event = await promoterBackend.putEventOnSale({ title: 'Insecure night' });
    await checkout.open('/', event);
    await checkout.choose('Early bird', 1);
    await checkout.continueWith('ada@example.com');
    await checkout.pay(TEST_CARDS.threeDSecure);

    await checkout.authenticate('Fail');
    await expect(checkout.error).toHaveText(/authenticat/i);
    await expect(checkout.confirmation).toHaveCount(0);
    await checkout.pay(TEST_CARDS.visa);
    await expect(checkout.confirmation).toBeVisible();
    expect(await promoterBackend.available()).toBe(promoterBackend.stock - 1);
  });
});

test.describe('connection and page life', () => {
  test('offline at Continue: the buyer is told, and once back online the same tap holds the tickets once', async ({
    checkout,
    promoterBackend,
  }) => {
    const event = await promoterBackend.putEventOnSale({ title: 'Offline night' });
    await checkout.open('/', event);
    await checkout.choose('Early bird', 2);

    await checkout.page.context().setOffline(true);
    await checkout.startCheckout('ada@example.com');
    await expect(checkout.error).toHaveText("Couldn't reach EntryRate. Check your connection and try again.");
    await expect(checkout.widget.getByRole('button', { name: /^Continue/ })).toBeEnabled();

    await checkout.page.context().setOffline(false);
    await checkout.widget.getByRole('button', { name: /^Continue/ }).click();
    await expect(checkout.paymentFrame.getByLabel('Card number')).toBeVisible();
    expect(await promoterBackend.available()).toBe(promoterBackend.stock - 2);
    await checkout.pay(TEST_CARDS.visa);
    await expect(checkout.confirmation).toBeVisible();
  });

  test('a reload at the payment step resumes the same hold and countdown', async ({
    checkout,
    promoterBackend,
  }) => {
    const event = await promoterBackend.putEventOnSale({ title: 'Reload night' });
    await checkout.open('/', event);
    await checkout.choose('Early bird', 2);
    await checkout.continueWith('ada@example.com');
    await expect(checkout.timer).toBeVisible();
    const before = await checkout.holdLeft();
    await checkout.page.waitForTimeout(2_000);

    await checkout.page.reload();
    await expect(checkout.paymentFrame.getByLabel('Card number')).toBeVisible();
    const after = await checkout.holdLeft();
    expect(after, 'the countdown carried on').toBeLessThan(before);
    expect(after).toBeGreaterThan(before - 30);
    expect(await promoterBackend.available(), 'no second hold').toBe(promoterBackend.stock - 2);

    await checkout.pay(TEST_CARDS.visa);
    await expect(checkout.confirmation).toBeVisible();
    await expect(checkout.tickets).toHaveCount(2);
    expect(await promoterBackend.available()).toBe(promoterBackend.stock - 2);
  });

  test('a hold that runs out says so, releases the tickets and lets the buyer start again', async ({
    checkout,
    promoterBackend,
  }) => {
    test.slow(); // the shortest hold an event can have is one minute
    const event = await promoterBackend.putEventOnSale({ title: 'Short-hold night', holdMinutes: 1 });
    await checkout.open('/', event);
    await checkout.choose('Early bird', 1);
    await checkout.continueWith('ada@example.com');
    await expect(checkout.timer).toContainText(/Tickets held for [01]:\d\d/);

    await expect(checkout.widget.getByRole('heading', { name: 'Your hold expired' })).toBeVisible({
      timeout: 90_000,
    });
    expect((await checkout.heard()).map((e) => e.type)).toContain('expired');
    await expect.poll(() => promoterBackend.available(), { timeout: 15_000 }).toBe(promoterBackend.stock);
    await checkout.widget.getByRole('button', { name: 'Start again' }).click();
    await expect(checkout.tierRow('Early bird')).toBeVisible();
  });

  test('an event that does not exist says so clearly', async ({ checkout }) => {
    await checkout.page.goto(demoUrl('/?event=evt_nope'));
    await expect(checkout.error).toHaveText(/not on sale|aren't on sale|No event/);
    await expect(checkout.widget.getByRole('group')).toHaveCount(0);
    await expect(checkout.widget.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  });
});
