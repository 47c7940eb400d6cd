import { expect, test } from './fixtures.ts';
import { TEST_CARDS } from './support/cards.ts';
import { apiUrl, demoUrl } from './support/stack.ts';

test.describe('hosted checkout of a session the promoter’s backend created', () => {
  test('the buyer pays on the hosted page and lands on the promoter’s success page', async ({
    backendWithEvent,
    hosted,
  }, testInfo) => {
    const session = await backendWithEvent.createSession(2, 'ada@example.com');
    await hosted.open(session.url);
    // The client secret travelled in the fragment, and does not stay in the address bar.
    await expect(hosted.page).toHaveURL(apiUrl('/embed.html'));
    await expect(hosted.title).toHaveText('Hosted checkout night');
    await expect(hosted.main).toContainText('Tickets will be emailed to ada@example.com');
    await expect(hosted.main.getByRole('timer')).toContainText(/Tickets held for 1[45]:\d\d/);
    await expect(hosted.main.getByRole('button', { name: 'Pay £24.00' })).toBeVisible();
    await testInfo.attach('hosted checkout', {
      body: await hosted.page.screenshot({ fullPage: true }),
      contentType: 'image/png',
    });

    await hosted.pay(TEST_CARDS.visa);

    await expect(hosted.page).toHaveURL(demoUrl(`/?paid=${session.id}`));
    const paid = await backendWithEvent.session(session.id);
    expect(paid.status).toBe('complete');
    expect(paid.order?.tickets).toHaveLength(2);
    expect(await backendWithEvent.available()).toBe(backendWithEvent.stock - 2);
  });

  test('a declined card, then a reload, and the buyer still pays once for the same seats', async ({
    backendWithEvent,
    hosted,
  }) => {
    const session = await backendWithEvent.createSession(1, 'grace@example.com');
    await hosted.open(session.url);
    await hosted.pay(TEST_CARDS.declined);
    await expect(hosted.error).toHaveText(/Your card was declined\./);

    await hosted.page.reload();
    await expect(hosted.paymentFrame.getByLabel('Card number')).toBeVisible();
    await expect(hosted.title).toHaveText('Hosted checkout night');
    await hosted.pay(TEST_CARDS.visa);

    await expect(hosted.page).toHaveURL(demoUrl(`/?paid=${session.id}`));
    expect((await backendWithEvent.session(session.id)).order?.tickets).toHaveLength(1);
    expect(await backendWithEvent.available()).toBe(backendWithEvent.stock - 1);
  });

  test('cancelling returns the buyer to the promoter’s site and releases the seats', async ({
    backendWithEvent,
    hosted,
  }) => {
    const session = await backendWithEvent.createSession(3, 'alan@example.com');
    expect(await backendWithEvent.available()).toBe(backendWithEvent.stock - 3);
    await hosted.open(session.url);

    await hosted.cancel();

    await expect(hosted.page).toHaveURL(demoUrl('/'));
    expect((await backendWithEvent.session(session.id)).status).toBe('cancelled');
    expect(await backendWithEvent.available()).toBe(backendWithEvent.stock);
  });

  test('a link with the wrong secret says it is not valid', async ({ backendWithEvent, hosted }) => {
    const session = await backendWithEvent.createSession(1, 'ada@example.com');
    await hosted.page.goto(session.url.replace(/secret=[^&]+/, 'secret=cs_guessed_secret_0000'));
    await expect(hosted.title).toHaveText('This checkout link is not valid.');
    await expect(hosted.paymentFrame.getByLabel('Card number')).toHaveCount(0);
  });
});
