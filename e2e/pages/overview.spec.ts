import { expect, test } from '@playwright/test';
import { READERS, describeAsEach, openPage } from '../support/auth';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { saveNarrowScreenshotWithoutOverflow, saveScreenshot } from '../support/screenshots';

const CHART_SECTIONS = [
  ['by-tier', 'Holders by tier'],
  ['by-account', 'Holders by account'],
  ['score-distribution', 'Blast-radius score distribution'],
  ['conflicts-by-rule', 'Open conflicts by rule and severity'],
] as const;

describeAsEach(READERS, 'overview', (role) => {
  test('shows the key figures, the charts and the top 10, and passes axe', async ({ page }) => {
    await openPage(page, '/overview', 'Overview');

    const kpis = page.getByTestId('kpi-cards');
    for (const label of ['Bedrock holders', 'Critical / high conflicts', 'Exposed outside org', 'Unpinned OIDC', 'Public trusts', 'Last scan']) {
      await expect(kpis.getByText(label, { exact: true })).toBeVisible();
    }
    const holders = kpis.locator('a[href="/principals"] dd').first();
    expect(Number((await holders.innerText()).replace(/,/g, ''))).toBeGreaterThan(0);

    for (const [id, title] of CHART_SECTIONS) {
      await expect(page.getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible();
      // Each chart draws bars (the demo organisation has holders, scores and conflicts).
      await expect(page.locator(`#${id} .recharts-bar-rectangle`).first()).toBeVisible();
      // ...and carries a text alternative for screen readers.
      expect(await page.locator(`#${id} figcaption table tbody tr`).count()).toBeGreaterThan(0);
    }
    await expect(page.getByRole('heading', { level: 2, name: 'Trends across snapshots' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Top 10 by blast radius' })).toBeVisible();

    const top = page.getByTestId('top-principals').locator('tbody tr');
    await expect(top).toHaveCount(10);
    await expect(top.first().getByRole('link')).toHaveAttribute('href', /^\/principals\/\d+$/);

    // "Holders by account" labels every bar: one tick label per account in the chart's table.
    const accountBars = await page.locator('#by-account figcaption table tbody tr').count();
    await expect(page.locator('#by-account .recharts-yAxis .recharts-cartesian-axis-tick')).toHaveCount(accountBars);

    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, role, 'overview');
    await saveNarrowScreenshotWithoutOverflow(page, role, 'overview', 'Overview');
  });

  test('a KPI card and a top-10 link lead to the principals', async ({ page }) => {
    await page.goto('/overview');
    const first = page.getByTestId('top-principals').locator('tbody tr').first().getByRole('link');
    const name = (await first.innerText()).trim();
    await first.click();
    await expect(page).toHaveURL(/\/principals\/\d+$/);
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(name);
  });
});
