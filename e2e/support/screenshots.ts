import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';

/**
 * Saves a screenshot to the test's report and to `e2e/artifacts/screenshots/<name>.png`, where the matrix's
 * pictures sit side by side to be looked at: the full page, or only the viewport (`fullPage: false`) where
 * a fixed dialog covers it, since a full-page capture would show the page running on below the dialog.
 */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string, fullPage = true) {
  const body = await page.screenshot({
    fullPage,
    path: path.join(testInfo.project.testDir, 'artifacts', 'screenshots', `${name}.png`),
  });
  await testInfo.attach(name, { body, contentType: 'image/png' });
}
