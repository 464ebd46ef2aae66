import { expect, test } from '@playwright/test';
import { parseCsv } from '../../scanners/live/credential-report-csv';
import { AUDITOR, OWNER, READERS, describeAsEach, openPage, signIn } from '../support/auth';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { filterList } from '../support/filters';
import { saveNarrowScreenshotWithoutOverflow, saveScreenshot } from '../support/screenshots';

const PROD_GENAI_APPS = '641829374651';
const SANDBOX_HACKATHON = '185920374618';
const STAGING = '752930184726';

describeAsEach(READERS, 'Controls', (role) => {
  test('shows the accounts x regions matrix with gaps, switchers and recommendations, at both widths', async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await openPage(page, '/controls', 'Controls');
    const matrix = page.getByTestId('controls-matrix');
    await expect(matrix.locator('thead th')).toHaveText(['Account', 'SCP restrictions', 'eu-west-1', 'us-east-1', 'us-west-2']);
    // The production account without logging: every region a gap, the organisation guardrail still there.
    const prodRow = page.getByTestId(`controls-row-${PROD_GENAI_APPS}`);
    await expect(prodRow.locator('td[data-gap="true"]')).toHaveCount(3);
    await expect(prodRow.getByText('org guardrail').first()).toBeVisible();
    await expect(prodRow.getByText('northwind-prod-safety v3').first()).toBeVisible();
    await expect(prodRow.getByText('logging off').first()).toBeVisible();
    // The sandbox with neither: not production, so no gap highlighted.
    const sandboxRow = page.getByTestId(`controls-row-${SANDBOX_HACKATHON}`);
    await expect(sandboxRow.getByText('no guardrail')).toHaveCount(3);
    await expect(sandboxRow.locator('td[data-gap="true"]')).toHaveCount(0);
    // Staging's own account-level guardrail in us-east-1 only.
    await expect(page.getByTestId(`controls-row-${STAGING}`).getByText('account guardrail')).toHaveCount(1);
    // A denied read is unknown, never off.
    await expect(page.getByTestId('controls-row-307142958673').getByText('logging unknown')).toHaveCount(1);
    // Who can switch it off, with the grant; recommendations with copyable JSON.
    // Each account is one collapsed line; opening it shows the switchers and recommendations.
    const stagingPanel = page.locator(`#account-${STAGING}`);
    await stagingPanel.locator('summary').first().click();
    await stagingPanel.getByText(/^\d+ principals \(/).click();
    const switchers = page.getByTestId(`switchers-${STAGING}`);
    await expect(switchers.getByText('bedrock:DeleteModelInvocationLoggingConfiguration').first()).toBeVisible();
    await expect(switchers.getByText(/statement/).first()).toBeVisible();
    await page.locator(`#account-${PROD_GENAI_APPS} > summary`).click();
    const recommendations = page.getByTestId(`recommendations-${PROD_GENAI_APPS}`);
    const logging = recommendations.locator('li').filter({ hasText: 'Log model invocations in us-east-1' });
    await expect(logging.getByRole('button', { name: 'Copy the JSON of: Log model invocations in us-east-1' })).toBeVisible();
    await logging.getByText('Policy JSON and command').click();
    await expect(logging.locator('pre')).toBeVisible();
    await expect(logging.locator('pre')).toContainText('"loggingConfig"');
    await expectNoSeriousA11yViolations(page);
    await page.getByTestId('controls-matrix').screenshot({ path: `e2e/screenshots/${role}-controls-matrix.png` });
    // Collapsed per-account panels keep the page to about three screens at 1440x900.
    await page.locator('details[id^="account-"][open]').evaluateAll((panels) => panels.forEach((panel) => panel.removeAttribute('open')));
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(3 * 900 + 200);
    await saveScreenshot(page, role, 'controls');
    await saveNarrowScreenshotWithoutOverflow(page, role, 'controls', 'Controls');
  });

  test('filters by environment and OU, and exports the filtered matrix as CSV', async ({ page }) => {
    const filters = await filterList(page, '/controls', 'Filter controls', { Environment: 'sandbox' }, /environment=sandbox/);
    await expect(page.getByTestId('controls-matrix').locator('tbody tr')).toHaveCount(2);
    await page.goto('/controls');
    await filters.getByLabel('Organisational unit').selectOption({ label: 'Prod' });
    await filters.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/ou=ou-/);
    await expect(page.getByTestId('controls-matrix').locator('tbody tr')).toHaveCount(2);
    const response = await page.request.get('/api/controls/export?environment=prod');
    expect(response.status()).toBe(200);
    // Every cell is quoted (lib/export/csv.ts): read the export as CSV rather than as text.
    const [header, ...rows] = parseCsv((await response.text()).trim());
    expect(header.slice(0, 7)).toEqual(['account_id', 'account_name', 'environment', 'ou_path', 'region', 'gap', 'guardrail_enforced']);
    expect(rows.filter((row) => row[0] === PROD_GENAI_APPS)).toHaveLength(3);
    expect(rows.some((row) => row[0] === SANDBOX_HACKATHON)).toBe(false);
  });
});

test.describe('Controls as owner', () => {
  test.beforeEach(async ({ page }) => signIn(page, OWNER));

  test('is refused on the server, page and export alike', async ({ page }) => {
    await page.goto('/controls');
    await expect(page).toHaveURL(/\/forbidden/);
    expect((await page.request.get('/api/controls/export')).status()).toBe(403);
  });
});

test.describe('Overview control coverage', () => {
  test.beforeEach(async ({ page }) => signIn(page, AUDITOR));

  test('shows the share of production invoke holders under a guardrail and logging', async ({ page }) => {
    await page.goto('/overview');
    const coverage = page.getByTestId('control-coverage');
    await expect(coverage.getByText('Production invoke holders')).toBeVisible();
    await expect(coverage.getByText('Guardrail enforced')).toBeVisible();
    await expect(coverage.locator('dd').first()).toHaveText(/^\d+$/);
  });
});
