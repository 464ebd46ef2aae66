import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Fails on serious or critical accessibility violations of the current page. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  // After an action that refreshes the page (router.refresh), the head is briefly re-rendered:
  // analyse the settled page, not that moment (every page of the app sets a <title>).
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.title(), { message: 'the page has a <title> once settled' }).not.toBe('');
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
}
