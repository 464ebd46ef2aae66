import { expect, test } from '@playwright/test';
import { ADMIN, OWNER, READERS, SECOND_ADMIN, describeAsEach, openPage, signIn } from '../support/auth';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { filterList } from '../support/filters';
import { saveScreenshot } from '../support/screenshots';

const CONFLICT_ROWS = 'tbody tr:not([data-testid="data-table-group"])';

describeAsEach([...READERS, ['owner', OWNER]], 'SoD conflicts', (role) => {
  test('lists conflicts grouped by principal, one line each with both sides, and passes axe at both widths', async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await openPage(page, '/conflicts', 'SoD conflicts');
    const filters = page.getByRole('search', { name: 'Filter conflicts' });
    for (const label of ['Group by', 'Rule', 'Severity', 'Account', 'Exceptions']) await expect(filters.getByLabel(label, { exact: true })).toBeVisible();
    const table = page.getByTestId('conflicts-table');
    await expect(table.locator('thead th')).toHaveText(['Severity', 'Rule', 'Side A: defining actions', 'Side B: defining actions', 'Exception']);
    const groups = table.getByTestId('data-table-group');
    expect(await groups.count()).toBeGreaterThan(0);
    const rows = table.locator(CONFLICT_ROWS);
    expect(await rows.count()).toBeGreaterThan(0);
    // One heading per principal (names repeat across accounts; the link is the principal): its conflicts sit together under it.
    const principals = await groups.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(new Set(principals).size).toBe(principals.length);
    await expect(rows.first().locator('code').first()).toHaveText(/^SOD-/);
    // Each side names the actions that put the principal on it.
    await expect(rows.first().locator('td').nth(2).locator('code').first()).toHaveText(/^[a-z-]+:[A-Za-z*]+$/);
    await expect(rows.first().locator('td').nth(3).locator('code').first()).toHaveText(/^[a-z-]+:[A-Za-z*]+$/);
    if (role === 'owner') {
      // Only the owner's principals: each group names its owner.
      for (const text of await groups.getByTestId('conflict-owner').allInnerTexts()) expect(text).toContain(OWNER);
    }
    const acceptButtons = page.getByRole('button', { name: /^Accept SOD-.+ as an exception$/ });
    if (role === 'admin') expect(await acceptButtons.count()).toBeGreaterThan(0);
    else await expect(acceptButtons).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, role, 'conflicts');
    await page.setViewportSize({ width: 390, height: 844 });
    await openPage(page, '/conflicts', 'SoD conflicts');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, role, 'conflicts-narrow');
  });
});

test.describe('SoD conflicts as admin', () => {
  test.beforeEach(async ({ page }) => signIn(page, ADMIN));

  test('groups by rule when switched in the URL state', async ({ page }) => {
    await filterList(page, '/conflicts', 'Filter conflicts', { 'Group by': 'rule' }, /group=rule/);
    const table = page.getByTestId('conflicts-table');
    await expect(table.locator('thead th').nth(1)).toHaveText('Principal');
    const headings = await table.getByTestId('data-table-group').allInnerTexts();
    expect(headings.length).toBeGreaterThan(0);
    for (const heading of headings) expect(heading).toMatch(/^SOD-/);
    // Each rule is one block: no rule heads two groups on the page.
    expect(new Set(headings.map((heading) => heading.split(/\s/)[0])).size).toBe(headings.length);
  });

  test('the accept-exception button opens a form with reason, expiry and submit', async ({ page }) => {
    await page.goto('/conflicts?severity=high');
    const button = page.getByRole('button', { name: /^Accept SOD-.+ as an exception$/ }).first();
    const label = (await button.getAttribute('aria-label')) ?? '';
    const [, ruleId, principalName] = /^Accept (SOD-\S+) for (.+) as an exception$/.exec(label) ?? [];
    expect(ruleId).toBeTruthy();
    await button.click();
    const form = page.getByRole('form', { name: `Exception for ${ruleId} on ${principalName}` });
    await expect(form.getByLabel('Reason')).toBeVisible();
    await expect(form.getByLabel('Expires on')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    await expect(form.getByRole('button', { name: 'Accept exception' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect(form).toHaveCount(0);
  });

  test('a critical exception awaits a second admin (four-eyes), who approves it; each step says what happened', async ({ page, browser }) => {
    test.setTimeout(180_000);
    await page.goto('/conflicts?severity=critical');
    const button = page.getByRole('button', { name: /^Accept SOD-.+ as an exception$/ }).first();
    const [, ruleId, principalName] = /^Accept (SOD-\S+) for (.+) as an exception$/.exec((await button.getAttribute('aria-label')) ?? '') ?? [];
    await button.click();
    const form = page.getByRole('form', { name: `Exception for ${ruleId} on ${principalName}` });
    await expect(form).toContainText('another admin must approve');
    await form.getByLabel('Reason').fill('Break-glass role until the pipeline split lands in Q3.');
    await form.getByRole('button', { name: 'Ask for approval' }).click();
    await expect(page.getByTestId('exception-feedback')).toContainText(`Exception recorded for ${ruleId} on ${principalName}`);
    await expect(page.getByTestId('exception-feedback')).toContainText('awaiting a second admin');
    // Still open and listed, marked as pending; the requester cannot approve it.
    await expect(page.getByText('awaiting second admin').first()).toBeVisible();
    await expect(page.getByText('Another admin must approve it.').first()).toBeVisible();
    await expect(page.getByRole('button', { name: `Approve the exception for ${ruleId} on ${principalName} as second admin` })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'admin', 'conflicts-exception-pending');

    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    const second = await context.newPage();
    await signIn(second, SECOND_ADMIN);
    await second.goto('/conflicts?severity=critical');
    await second.getByRole('button', { name: `Approve the exception for ${ruleId} on ${principalName} as second admin` }).first().click();
    await expect(second.getByTestId('exception-feedback')).toContainText(`Exception approved as second admin: ${ruleId} on ${principalName}`);
    await second.goto('/conflicts?severity=critical&excepted=only');
    await expect(second.getByTestId('conflicts-table')).toContainText(principalName);
    await expect(second.getByTestId('conflicts-table')).toContainText('accepted until');
    await context.close();
  });

  test('filtering by severity keeps only that severity', async ({ page }) => {
    await filterList(page, '/conflicts', 'Filter conflicts', { Severity: 'high' }, /severity=high/);
    const severities = await page.getByTestId('conflicts-table').locator(`${CONFLICT_ROWS} td:first-child`).allInnerTexts();
    expect(severities.length).toBeGreaterThan(0);
    for (const severity of severities) expect(severity.toLowerCase()).toContain('high');
  });
});
