import { expect, test, type Page } from '@playwright/test';
import { parseCsv } from '../../scanners/live/credential-report-csv';
import { OWNER, READERS, describeAsEach, openPage, signIn } from '../support/auth';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { REVIEWED_SIZES, saveScreenshot, saveScreenshotsAtBothSizes } from '../support/screenshots';

/**
 * Screenshots at desktop and phone size (`<name>`, `<name>-mobile`), then back to desktop size. At
 * phone size the page never scrolls sideways (#19: tables scroll inside their card and hide
 * secondary columns); charts re-measure after a resize, so the check waits for the page to settle.
 */
async function saveScreenshotsAtBothSizesWithoutOverflow(page: Page, role: string, name: string): Promise<void> {
  await page.setViewportSize(REVIEWED_SIZES.desktop);
  await saveScreenshot(page, role, name);
  await page.setViewportSize(REVIEWED_SIZES.phone);
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(REVIEWED_SIZES.phone.width);
  await saveScreenshot(page, role, `${name}-mobile`);
  await page.setViewportSize(REVIEWED_SIZES.desktop);
}

function personRows(page: Page) {
  return page.getByTestId('people-table').locator('tbody tr');
}

async function totalOf(page: Page): Promise<number> {
  const text = (await page.getByTestId('pagination-summary').innerText()).replace(/,/g, '');
  return Number(/of\s+(\d+)/.exec(text)?.[1]);
}

describeAsEach(READERS, 'people', (role) => {
  test('the list pages on the server, filters by group and permission set, searches and exports', async ({ page }) => {
    await openPage(page, '/people', 'People');
    expect(await totalOf(page)).toBe(40);
    await expect(page.getByTestId('people-table').getByRole('columnheader', { name: /Score/ })).toHaveAttribute('aria-sort', 'descending');
    await expectNoSeriousA11yViolations(page);
    await saveScreenshotsAtBothSizesWithoutOverflow(page, role, 'people');

    const search = page.getByRole('search', { name: 'Filter people' });
    await search.getByLabel('Group').selectOption({ label: 'AgentBuilders' });
    await search.getByLabel('Permission set').selectOption('AgentBuilder');
    await search.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/group=.*permissionSet=AgentBuilder/);
    expect(await totalOf(page)).toBe(5);

    await search.getByRole('link', { name: 'Reset' }).click();
    await expect(page).toHaveURL(/\/people$/);
    await page.getByRole('search', { name: 'Filter people' }).getByLabel('Search name or email').fill('haddad');
    await page.getByRole('search', { name: 'Filter people' }).getByRole('button', { name: 'Apply' }).click();
    await expect(personRows(page)).toHaveCount(1);
    await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', '/api/people/export?q=haddad');
    const csv = await page.request.get('/api/people/export?q=haddad');
    expect(csv.status()).toBe(200);
    // Every cell is quoted (lib/export/csv.ts): read the export as CSV rather than as text.
    const [header, ...rows] = parseCsv((await csv.text()).trim());
    expect(header).toEqual(['user_id', 'user_name', 'display_name', 'email', 'accounts', 'accounts_with_bedrock', 'assignments', 'tiers', 'score', 'conflicts', 'max_conflict_severity']);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('omar.haddad@northwind.example');
  });

  test('a person shows assignments, access per account, the score factor by factor and SoD across assignments', async ({ page }) => {
    // Three pages at two widths with axe and screenshots: slow on a shared machine.
    test.slow();
    await page.goto('/people?q=yusuf');
    await personRows(page).first().getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Yusuf Demir' })).toBeVisible();
    for (const section of ['Assignments', 'Effective Bedrock access', 'Blast radius factors', 'Separation of duties']) await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
    // The via column (the same badges fold under the permission set on narrow screens, hidden here).
    await expect(page.getByTestId('person-assignments').getByText('group SecurityTeam').filter({ visible: true })).toHaveCount(5);
    await expect(page.getByTestId('person-assignments').getByText('direct', { exact: true }).filter({ visible: true })).toHaveCount(1);
    expect(await page.getByTestId('blast-radius-factors').locator('li').count()).toBeGreaterThanOrEqual(7);
    // Several conflicts can exist only across assignments (SOD-GOVERN-INVOKE, SOD-CONTROL-INVOKE).
    await expect(page.getByTestId('person-conflicts').getByText('only across assignments').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await saveScreenshotsAtBothSizesWithoutOverflow(page, role, 'person');
    // From an assignment to the role, and from the role back to the people behind it.
    await page.getByTestId('person-assignments').getByRole('link', { name: 'BedrockMantleUser' }).click();
    await expect(page).toHaveURL(/\/principals\/\d+$/);
    const behind = page.getByTestId('people-behind-role');
    await expect(page.getByRole('heading', { level: 2, name: 'People behind this role' })).toBeVisible();
    // The first six people show; the rest sit behind "Show all N people".
    const showAll = behind.locator('summary', { hasText: /^Show all \d+ people$/ });
    if ((await showAll.count()) > 0) await showAll.click();
    await expect(behind.getByRole('link', { name: 'Yusuf Demir' })).toBeVisible();
    await expect(behind.getByText('group SandboxUsers').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await saveScreenshotsAtBothSizes(page, role, { desktop: 'principal-people-behind', phone: 'principal-people-behind-mobile' });
  });

  test('the overview counts people per tier, the widest reach and dead assignments', async ({ page }) => {
    await page.goto('/overview');
    const panel = page.locator('#people-overview');
    await expect(panel.getByRole('heading', { name: 'People (IAM Identity Center)' })).toBeVisible();
    await expect(panel.getByTestId('people-most-accounts').getByRole('link').first()).toHaveText('Omar Haddad');
    await expect(panel.getByTestId('people-empty-group-assignments')).toContainText('LegacyContractors: PowerUserAccess');
    await expect(panel.getByTestId('people-unassigned-sets').locator('li')).toHaveCount(2);
    await panel.scrollIntoViewIfNeeded();
    await saveScreenshot(page, role, 'overview-people');
  });
});

test('an owner cannot open the people pages or their export', async ({ page }) => {
  await signIn(page, OWNER);
  await page.goto('/people');
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toHaveCount(0);
  expect((await page.request.get('/api/people/export')).status()).toBe(403);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'People', exact: true })).toHaveCount(0);
});
