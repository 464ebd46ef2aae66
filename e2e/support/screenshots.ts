import path from 'node:path';
import type { Page } from '@playwright/test';

/** Where the reviewed screenshots go: e2e/screenshots/<role>-<page>.png. */
export const SCREENSHOT_DIRECTORY = path.join(process.cwd(), 'e2e', 'screenshots');

/** A full-page screenshot after fonts and charts have settled. */
export async function saveScreenshot(page: Page, role: string, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(SCREENSHOT_DIRECTORY, `${role}-${name}.png`), fullPage: true });
}
