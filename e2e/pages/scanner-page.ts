import { expect, type Locator, type Page } from '@playwright/test';
import { apiUrl } from '../support/stack.ts';

/** The door scanner at /scan/, as door staff use it: set up once, then scan. */
export class ScannerPage {
  readonly result: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.result = page.locator('.result');
    this.status = page.getByRole('status');
  }

  async open(): Promise<void> {
    await this.page.goto(apiUrl('/scan'));
  }

  /** Signs the device in with a scanner key, picks the event, names the gate and downloads the tickets. */
  async setUp({ key, event, gate }: { key: string; event: string; gate: string }): Promise<void> {
    await this.open();
    await this.page.getByLabel('Scanner key').fill(key);
    await this.page.getByRole('button', { name: 'Use this key' }).click();
    await this.page.getByRole('radio', { name: new RegExp(event) }).check();
    await this.page.getByLabel('Gate or device').fill(gate);
    await this.page.getByRole('button', { name: 'Download tickets and start' }).click();
    await expect(this.page.getByText('Ready', { exact: true })).toBeVisible();
  }

  /** Waits until the service worker keeps the app's files, so it opens with no network. */
  async keptForOffline(): Promise<void> {
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
  }

  /** Types (or pastes) a code, as when the camera cannot read it. */
  async type(code: string): Promise<void> {
    const before = await this.scanCount();
    await this.page.getByLabel('Type or paste a code').fill(code);
    await this.page.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => this.scanCount()).toBe(before + 1);
  }

  /** How many results this page has shown since it opened. */
  async scanCount(): Promise<number> {
    const headline = this.result.locator('.headline[data-count]');
    return (await headline.count()) === 0 ? 0 : Number(await headline.getAttribute('data-count'));
  }

  /** The result as the door reads it: its words and its colour. */
  async shown(): Promise<{ headline: string; detail: string; tone: string; meta: string }> {
    return {
      headline: (await this.result.locator('.headline').textContent()) ?? '',
      detail: (await this.result.locator('.detail').textContent()) ?? '',
      meta: (await this.result.locator('.meta').textContent()) ?? '',
      tone: ((await this.result.getAttribute('class')) ?? '').replace('result', '').trim(),
    };
  }

  /** "In: 2 of 5" */
  countsHeading(): Locator {
    return this.page.getByRole('heading', { name: /^In:/ });
  }
}
