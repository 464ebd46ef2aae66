import { expect, test, type Page } from '@playwright/test';
import { parseCsv } from '../../scanners/live/credential-report-csv';
import { ADMIN, AUDITOR, OTHER_OWNER, OWNER, signIn } from '../support/auth';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { findPrincipalIdOwnedBy } from '../support/database';
import { saveScreenshot } from '../support/screenshots';

const DETAIL_SECTIONS = ['Blast radius factors', 'Grants', 'Denied actions', 'Who can become it', 'Separation-of-duties conflicts', 'Recommendations', 'Credentials', 'History across snapshots'];

function principalRows(page: Page) {
  return page.getByTestId('principals-table').locator('tbody tr');
}

/** "Showing 1–25 of 123" → 123 */
async function totalOf(page: Page): Promise<number> {
  const text = (await page.getByTestId('pagination-summary').innerText()).replace(/,/g, '');
  const match = /of\s+(\d+)/.exec(text);
  expect(match, `pagination summary "${text}"`).not.toBeNull();
  return Number(match?.[1]);
}

async function expectPrincipalsList(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Principals' })).toBeVisible();
  const search = page.getByRole('search', { name: 'Filter principals' });
  for (const label of ['Search name or ARN', 'Account', 'Tier', 'Min score', 'Max score', 'Exposure', 'SoD conflict']) {
    await expect(search.getByLabel(label, { exact: true })).toBeVisible();
  }
  await expect(search.getByRole('button', { name: 'Apply' })).toBeVisible();
  await expect(search.getByRole('link', { name: 'Reset' })).toBeVisible();
  expect(await principalRows(page).count()).toBeGreaterThan(0);
  await expect(page.getByRole('navigation', { name: 'Principals pages' })).toBeVisible();
  expect(await totalOf(page)).toBeGreaterThan(0);
  await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', /^\/api\/principals\/export/);
}

async function openFirstPrincipal(page: Page): Promise<string> {
  const link = principalRows(page).first().getByRole('link').first();
  const name = (await link.innerText()).trim();
  await link.click();
  await expect(page).toHaveURL(/\/principals\/\d+$/);
  return name;
}

async function expectPrincipalDetail(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  for (const section of DETAIL_SECTIONS) await expect(page.getByRole('heading', { level: 2, name: section, exact: true })).toBeVisible();
  const factors = page.getByTestId('blast-radius-factors').locator('li');
  expect(await factors.count()).toBeGreaterThanOrEqual(7);
  await expect(page.getByTestId('blast-radius-factors').getByRole('meter').first()).toBeVisible();
  // At least one grant, titled with its grant path (the policy name) and listing Bedrock actions.
  const grants = page.locator('#grants article');
  expect(await grants.count()).toBeGreaterThan(0);
  await expect(grants.first().getByRole('heading', { level: 3 })).not.toBeEmpty();
  await expect(grants.first().locator('code', { hasText: /^bedrock[\w-]*:/ }).first()).toBeVisible();
}

for (const [role, email] of [
  ['admin', ADMIN],
  ['auditor', AUDITOR],
] as const) {
  test.describe(`principals as ${role}`, () => {
    test.beforeEach(async ({ page }) => signIn(page, email));

    test('the list shows the demo principals, sorts on the server and passes axe', async ({ page }) => {
      await page.goto('/principals');
      await expectPrincipalsList(page);
      const table = page.getByTestId('principals-table');
      await expect(table.getByRole('columnheader', { name: /Score/ })).toHaveAttribute('aria-sort', 'descending');
      // Owners of several people appear for a reader of everything.
      const owners = new Set((await principalRows(page).locator('td:nth-child(3)').allInnerTexts()).map((text) => text.trim()));
      expect(owners.size).toBeGreaterThan(1);
      await expectNoSeriousA11yViolations(page);
      await saveScreenshot(page, role, 'principals');

      await table.getByRole('link', { name: /^Principal/ }).click();
      await expect(page).toHaveURL(/sort=name/);
      await expect(page.getByTestId('principals-table').getByRole('columnheader', { name: /Principal/ })).toHaveAttribute('aria-sort', /ascending|descending/);
    });

    test('a min-score filter alone keeps the principals at or above it', async ({ page }) => {
      await page.goto('/principals');
      const total = await totalOf(page);
      // Sorted by score, highest first: the first row's score is met by at least that row.
      const topScore = Number((await principalRows(page).first().locator('td:nth-child(5)').innerText()).match(/\d+/)?.[0]);
      const search = page.getByRole('search', { name: 'Filter principals' });
      await search.getByLabel('Min score').fill(String(topScore));
      await search.getByRole('button', { name: 'Apply' }).click();
      await expect(page).toHaveURL(new RegExp(`minScore=${topScore}`));
      await expect(page.getByRole('heading', { name: 'No principal matches these filters' }), 'an empty Max score must not filter to 0').toHaveCount(0);
      await expect(principalRows(page).first()).toBeVisible();
      const filtered = await totalOf(page);
      expect(filtered).toBeGreaterThan(0);
      expect(filtered).toBeLessThanOrEqual(total);
      for (const score of await principalRows(page).locator('td:nth-child(5)').allInnerTexts()) expect(Number(score.match(/\d+/)?.[0])).toBeGreaterThanOrEqual(topScore);
      await search.getByRole('link', { name: 'Reset' }).click();
      await expect(page).toHaveURL(/\/principals$/);
    });

    test('a tier filter keeps only holders of that tier', async ({ page }) => {
      await page.goto('/principals');
      const search = page.getByRole('search', { name: 'Filter principals' });
      await search.getByLabel('Tier').selectOption('govern');
      await search.getByRole('button', { name: 'Apply' }).click();
      await expect(page).toHaveURL(/tier=govern/);
      await expect(page.getByRole('heading', { name: 'No principal matches these filters' }), 'the demo organisation has govern holders').toHaveCount(0);
      const tiers = await principalRows(page).locator('td:nth-child(4)').allInnerTexts();
      expect(tiers.length).toBeGreaterThan(0);
      for (const text of tiers) expect(text).toContain('govern');
    });

    test('a principal detail explains its score and grants', async ({ page }) => {
      await page.goto('/principals');
      const name = await openFirstPrincipal(page);
      await expectPrincipalDetail(page, name);
      await expectNoSeriousA11yViolations(page);
      await saveScreenshot(page, role, 'principal-detail');
    });

    test('the CSV export has a header and one row per principal', async ({ page }) => {
      await page.goto('/principals');
      const total = await totalOf(page);
      const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
      const response = await page.request.get(href ?? '/api/principals/export');
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('text/csv');
      const rows = parseCsv(await response.text()).filter((row) => row.length > 1);
      expect(rows[0].slice(0, 3)).toEqual(['arn', 'name', 'type']);
      expect(rows.length - 1).toBe(total);
    });
  });
}

test.describe('principals as an owner', () => {
  test.beforeEach(async ({ page }) => signIn(page, OWNER));

  test('the list shows only the principals the owner owns', async ({ page }) => {
    await page.goto('/principals?pageSize=100');
    await expectPrincipalsList(page);
    // Owners are not offered the owner filter: everything is theirs.
    await expect(page.getByRole('search', { name: 'Filter principals' }).getByLabel('Owner', { exact: true })).toHaveCount(0);
    const owners = await principalRows(page).locator('td:nth-child(3)').allInnerTexts();
    expect(owners.length).toBeGreaterThan(0);
    for (const owner of owners) expect(owner.trim()).toBe(OWNER);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'owner', 'principals');
  });

  test('an own principal opens with its factors and grants', async ({ page }) => {
    await page.goto('/principals');
    const name = await openFirstPrincipal(page);
    await expectPrincipalDetail(page, name);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'owner', 'principal-detail');
  });

  test("another owner's principal answers 404", async ({ page }) => {
    const foreignId = findPrincipalIdOwnedBy(OTHER_OWNER);
    const response = await page.goto(`/principals/${foreignId}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/Principals/);
    await expect(page.getByText(OTHER_OWNER)).toHaveCount(0);
  });

  test('the CSV export contains only own rows', async ({ page }) => {
    await page.goto('/principals');
    const total = await totalOf(page);
    const response = await page.request.get('/api/principals/export');
    expect(response.status()).toBe(200);
    const rows = parseCsv(await response.text()).filter((row) => row.length > 1);
    const ownerColumn = rows[0].indexOf('owner');
    expect(ownerColumn).toBeGreaterThanOrEqual(0);
    const body = rows.slice(1);
    expect(body.length).toBe(total);
    for (const row of body) expect(row[ownerColumn]).toBe(OWNER);
    // Asking for another owner's rows through the filter does not widen the scope.
    const widened = await page.request.get(`/api/principals/export?owner=${encodeURIComponent(OTHER_OWNER)}`);
    const widenedRows = parseCsv(await widened.text()).filter((row) => row.length > 1).slice(1);
    for (const row of widenedRows) expect(row[ownerColumn]).toBe(OWNER);
  });
});
