import path from 'node:path';
import { expect, type Page } from '@playwright/test';

/** Where the reviewed screenshots go: e2e/screenshots/<role>-<page>.png. */
export const SCREENSHOT_DIRECTORY = path.join(process.cwd(), 'e2e', 'screenshots');

/** A full-page screenshot after fonts and charts have settled. */
export async function saveScreenshot(page: Page, role: string, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(SCREENSHOT_DIRECTORY, `${role}-${name}.png`), fullPage: true });
}

/** The two sizes screenshots are reviewed at: a laptop and a phone. */
export const REVIEWED_SIZES = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;

/**
 * A screenshot at each reviewed size, named per size (`{ desktop: 'users-desktop', phone: 'users-phone' }`);
 * `scrollTo` brings a section into view before each one.
 */
export async function saveScreenshotsAtBothSizes(page: Page, role: string, names: Record<keyof typeof REVIEWED_SIZES, string>, options: { scrollTo?: string } = {}): Promise<void> {
  for (const size of ['desktop', 'phone'] as const) {
    await page.setViewportSize(REVIEWED_SIZES[size]);
    if (options.scrollTo) await page.locator(options.scrollTo).scrollIntoViewIfNeeded();
    await saveScreenshot(page, role, names[size]);
  }
}

/**
 * Reloads the page at phone size, checks the page itself does not scroll sideways (a wide table
 * scrolls inside its card) and saves `<role>-<name>-narrow`; `title` waits for the page's heading first.
 */
export async function saveNarrowScreenshotWithoutOverflow(page: Page, role: string, name: string, title?: string): Promise<void> {
  await page.setViewportSize(REVIEWED_SIZES.phone);
  await page.reload();
  if (title) await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(REVIEWED_SIZES.phone.width);
  await saveScreenshot(page, role, `${name}-narrow`);
}
