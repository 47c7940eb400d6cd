import type { Page, TestInfo } from '@playwright/test';
import { saveScreenshot } from './screenshots.ts';

/** The widths the dashboard's pictures are taken at: a laptop and a phone. */
export const SHOT_WIDTHS = [1280, 390] as const;
export const THEMES = ['light', 'dark'] as const;

/**
 * Screenshots of the page as it stands, at each width in each theme
 * (`<app>-<name>-<width>-<theme>.png`, the dashboard's unless told), then puts the viewport and theme
 * back. `fullPage: false` where a dialog covers the page.
 */
export async function shootEveryWay(
  page: Page,
  testInfo: TestInfo,
  name: string,
  fullPage = true,
  app: 'dashboard' | 'scanner' = 'dashboard',
) {
  const before = page.viewportSize() ?? { width: 1280, height: 720 };
  for (const width of SHOT_WIDTHS) {
    await page.setViewportSize({ width, height: width > 800 ? 800 : 844 });
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme });
      await saveScreenshot(page, testInfo, `${app}-${name}-${width}-${theme}`, fullPage);
    }
  }
  await page.setViewportSize(before);
  await page.emulateMedia({ colorScheme: 'light' });
}
