import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { ScannerPage } from './pages/scanner-page.ts';
import { violations } from './support/axe.ts';
import { CHROMIUM, fakeCamera } from './support/chromium.ts';
import { shootEveryWay } from './support/dashboard-shots.ts';
import { doorCounts, refundTicket, scannerKeyFor, soldTicket } from './support/door.ts';
import { writeFakeCameraVideo } from './support/fake-camera.ts';
import { apiUrl, demoOwner, testKey } from './support/stack.ts';

// The door, told as its staff work it: a phone set up with a scanner key for one event reads
// tickets with its camera; the network goes and comes back; two phones that were both offline let
// the same ticket in, and the server settles it.

/** A device of its own (its own storage) whose camera shows `video`; kept in `profile` between launches. */
async function launchPhone(
  profile: string,
  video: string,
): Promise<{ context: BrowserContext; errors: string[] }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM.executablePath,
    args: [...CHROMIUM.args, ...fakeCamera(video)],
    viewport: { width: 412, height: 915 },
    isMobile: true,
    hasTouch: true,
  });
  const errors: string[] = [];
  context.on('weberror', (error) => errors.push(error.error().message));
  return { context, errors };
}

test('the camera reads a valid ticket, the same ticket again, then a refunded one', async ({
  backendWithEvent,
}, testInfo) => {
  test.setTimeout(120_000);
  const event = await backendWithEvent.putEventOnSale({ title: `Camera doors ${testInfo.workerIndex}` });
  const key = await scannerKeyFor(event.id);
  const [ticket, refunded] = [
    await soldTicket(backendWithEvent, 'ada@example.com'),
    await soldTicket(backendWithEvent, 'bo@example.com'),
  ];
  await refundTicket(refunded);
  const dir = await mkdtemp(path.join(tmpdir(), 'entryrate-door-'));
  const profile = path.join(dir, 'profile');
  try {
    // The ticket in front of the camera, taken away, and shown again: the loop Chromium plays.
    const shownTwice = await writeFakeCameraVideo(path.join(dir, 'ticket.y4m'), [
      { payload: ticket.qrPayload, seconds: 2 },
      { payload: null, seconds: 2.5 },
    ]);
    let phone = await launchPhone(profile, shownTwice);
    let scanner = new ScannerPage(phone.context.pages()[0] ?? (await phone.context.newPage()));
    await scanner.setUp({ key, event: event.title, gate: 'Gate 1' });
    await expect(scanner.page.locator('.camera')).toHaveAttribute('data-reader', /native|zxing/);
    await expect(scanner.result.locator('.headline')).toHaveText('Valid', { timeout: 20_000 });
    expect(await scanner.shown()).toMatchObject({ tone: 'valid', detail: 'Early bird' });
    await shootEveryWay(scanner.page, testInfo, 'valid', true, 'scanner');
    await expect(scanner.result.locator('.headline')).toHaveText('Already scanned', { timeout: 20_000 });
    const again = await scanner.shown();
    expect(again.tone).toBe('warning');
    expect(again.detail).toMatch(/^Scanned in at \d\d:\d\d at Gate 1\.$/);
    await expect(scanner.countsHeading()).toHaveText(/In: 1 of 1/);
    await shootEveryWay(scanner.page, testInfo, 'already', true, 'scanner');
    expect(phone.errors).toEqual([]);
    await phone.context.close();

    // The same phone (its storage kept) opens straight at its door; now the refunded ticket is shown.
    const refundedVideo = await writeFakeCameraVideo(path.join(dir, 'refunded.y4m'), [
      { payload: refunded.qrPayload, seconds: 2 },
      { payload: null, seconds: 2.5 },
    ]);
    phone = await launchPhone(profile, refundedVideo);
    scanner = new ScannerPage(phone.context.pages()[0] ?? (await phone.context.newPage()));
    await scanner.open();
    await expect(scanner.result.locator('.headline')).toHaveText('Refunded', { timeout: 20_000 });
    expect(await scanner.shown()).toMatchObject({
      tone: 'invalid',
      detail: 'This ticket was refunded or cancelled.',
    });
    await shootEveryWay(scanner.page, testInfo, 'refunded', true, 'scanner');
    expect(phone.errors).toEqual([]);
    await phone.context.close();
    expect((await doorCounts(key, event.id)).totals).toEqual({ valid: 1, scanned: 1 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('with the network cut, scans are checked on the device and queued; back online they sync once', async ({
  backendWithEvent,
  context,
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const event = await backendWithEvent.putEventOnSale({ title: `Offline doors ${testInfo.workerIndex}` });
  const key = await scannerKeyFor(event.id);
  const tickets = [
    await soldTicket(backendWithEvent, 'cy@example.com'),
    await soldTicket(backendWithEvent, 'di@example.com'),
    await soldTicket(backendWithEvent, 'ed@example.com'),
  ];
  const scanner = new ScannerPage(page);
  await scanner.setUp({ key, event: event.title, gate: 'Side door' });
  await scanner.keptForOffline();
  await expect(scanner.status).toHaveText('Online');

  await context.setOffline(true);
  await expect(scanner.status).toHaveText(/^Offline/);
  await scanner.type(tickets[0]?.qrPayload as string);
  expect(await scanner.shown()).toMatchObject({
    headline: 'Valid',
    tone: 'valid',
    meta: expect.stringContaining('checked on this device'),
  });
  await scanner.type(tickets[1]?.qrPayload as string);
  await scanner.type(tickets[0]?.qrPayload as string);
  expect(await scanner.shown()).toMatchObject({ headline: 'Already scanned', tone: 'warning' });
  expect((await scanner.shown()).detail).toMatch(/at Side door\.$/);
  await expect(scanner.status).toHaveText(/3 waiting to sync/);

  // Leaving the door with scans waiting: the event list needs the network, the way back does not,
  // and signing out first says what it would leave behind.
  await page.getByRole('button', { name: 'Change event or gate' }).click();
  await page.getByRole('button', { name: 'Sign this device out' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'to sync' })).toContainText('3 scans wait to sync');
  await page.getByRole('button', { name: 'Back to the door' }).click();
  await expect(scanner.status).toHaveText(/3 waiting to sync/);

  // A reload with no network still opens the door, with its queue.
  await page.reload();
  await expect(scanner.status).toHaveText(/^Offline.*3 waiting to sync/);
  await expect(scanner.countsHeading()).toHaveText(/In: 2 of 3/);
  await shootEveryWay(page, testInfo, 'offline', true, 'scanner');

  await context.setOffline(false);
  await expect(scanner.status).toHaveText('Online', { timeout: 20_000 });
  await expect(scanner.countsHeading()).toHaveText('In: 2 of 3');
  const counts = await doorCounts(key, event.id);
  expect(counts.totals).toEqual({ valid: 3, scanned: 2 });

  // The key scans and reads door counts, and nothing else.
  for (const [method, route] of [
    ['GET', '/v1/orders'],
    ['GET', `/v1/events/${event.id}/stats`],
    ['POST', '/v1/events'],
  ]) {
    const response = await fetch(apiUrl(route as string), {
      method,
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: method === 'POST' ? '{}' : null,
    });
    expect(response.status, `${method} ${route}`).toBe(403);
    expect((await response.json()).error.message).toMatch(/^A scanner key only scans tickets/);
  }
});

test('two phones offline let the same ticket in: the server keeps the first, and reports the other', async ({
  backendWithEvent,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const event = await backendWithEvent.putEventOnSale({ title: `Two doors ${testInfo.workerIndex}` });
  const key = await scannerKeyFor(event.id);
  const ticket = await soldTicket(backendWithEvent, 'fi@example.com');
  const phones = [await browser.newContext(), await browser.newContext()];
  const [north, south] = (await Promise.all(phones.map((phone) => phone.newPage()))).map(
    (page) => new ScannerPage(page),
  ) as [ScannerPage, ScannerPage];
  await north.setUp({ key, event: event.title, gate: 'North gate' });
  await south.setUp({ key, event: event.title, gate: 'South gate' });
  for (const phone of phones) await phone.setOffline(true);

  await north.type(ticket.qrPayload);
  await south.page.waitForTimeout(1100);
  await south.type(ticket.qrPayload);
  for (const scanner of [north, south]) expect((await scanner.shown()).headline).toBe('Valid');

  // South reaches the network first; North's scan was earlier, so it is the admission.
  await phones[1]?.setOffline(false);
  await expect(south.status).toHaveText('Online', { timeout: 20_000 });
  await phones[0]?.setOffline(false);
  await expect(north.status).toHaveText('Online', { timeout: 20_000 });
  await expect(north.page.getByRole('region', { name: 'Found on sync' })).toContainText(
    /First here \(Early bird\): scanned here at \d\d:\d\d at North gate; the scan at \d\d:\d\d at South gate is the duplicate\./,
  );
  const counts = await doorCounts(key, event.id);
  expect(counts.totals).toEqual({ valid: 1, scanned: 1 });
  await south.page.reload();
  await expect(south.page.getByRole('region', { name: 'Found on sync' })).toContainText(
    /Duplicate \(Early bird\): let in here at \d\d:\d\d at South gate, but first scanned at \d\d:\d\d at North gate\./,
    { timeout: 20_000 },
  );
  await shootEveryWay(south.page, testInfo, 'duplicate', true, 'scanner');
  for (const phone of phones) await phone.close();
});

test('someone signed in to the dashboard scans with their sign-in; every screen of the scanner passes axe', async ({
  account,
  page,
}, testInfo) => {
  const owner = demoOwner();
  await account.signIn(owner.email, owner.password);
  const scanner = new ScannerPage(page);
  await scanner.open();
  await expect(page.getByRole('heading', { name: 'Set up this scanner' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await shootEveryWay(page, testInfo, 'setup', true, 'scanner');

  // A secret key is refused before it is ever sent: it must never sit on a door phone.
  await page.getByLabel('Scanner key').fill(testKey());
  await page.getByRole('button', { name: 'Use this key' }).click();
  await expect(page.getByRole('alert')).toContainText('This is a secret key');

  await page.getByRole('radio', { name: 'Test' }).check();
  await page.getByRole('button', { name: 'Scan for Strange Brew' }).click();
  await expect(page.getByRole('heading', { name: 'Which door?' })).toBeVisible();
  await page.getByRole('button', { name: 'Download tickets and start' }).click();
  await expect(page.getByRole('alert')).toHaveText(/Name your gate/);
  expect(await violations(page)).toEqual([]);
  await shootEveryWay(page, testInfo, 'pick-event', true, 'scanner');
  await page.getByRole('radio', { name: /Mura Masa/ }).check();
  await page.getByLabel('Gate or device').fill('Box office laptop');
  await page.getByRole('button', { name: 'Download tickets and start' }).click();
  await expect(page.getByText('Ready', { exact: true })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await scanner.type('not-a-ticket-code');
  expect(await scanner.shown()).toMatchObject({ headline: 'Not a ticket', tone: 'invalid' });
  expect(await violations(page)).toEqual([]);
  await shootEveryWay(page, testInfo, 'not-a-ticket', true, 'scanner');
});
