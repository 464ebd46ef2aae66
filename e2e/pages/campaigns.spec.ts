import { expect, test } from '@playwright/test';
import { ADMIN, signIn, READERS, describeAsEach, openPage } from '../support/auth';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { launchCampaignAsAdmin, uniqueName } from '../support/campaigns';
import { saveScreenshot } from '../support/screenshots';

let campaignId: number;
let campaignName: string;

test.beforeAll(async ({ browser, baseURL }) => {
  const page = await browser.newPage();
  await signIn(page, ADMIN);
  campaignName = uniqueName('Pages spec campaign');
  campaignId = await launchCampaignAsAdmin(page, baseURL, campaignName);
  await page.close();
});

describeAsEach(READERS, 'campaigns', (role) => {
  test('the list shows launched campaigns and passes axe', async ({ page }) => {
    await openPage(page, '/campaigns', 'Campaigns');
    await expect(page.getByRole('heading', { level: 2, name: 'Launched campaigns' })).toBeVisible();
    await expect(page.getByRole('link', { name: campaignName })).toBeVisible();
    const newCampaign = page.getByRole('link', { name: 'New campaign' });
    if (role === 'admin') await expect(newCampaign).toBeVisible();
    else await expect(newCampaign).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, role, 'campaigns');
  });

  test('a campaign shows its progress, items and evidence links', async ({ page }) => {
    // Two axe runs and two full-page screenshots of a 232-item campaign on a shared machine.
    test.setTimeout(180_000);
    await openPage(page, `/campaigns/${campaignId}`, campaignName);
    await expect(page.getByRole('heading', { level: 2, name: 'Completion' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Download evidence (CSV)' })).toHaveAttribute('href', `/api/campaigns/${campaignId}/evidence?format=csv`);
    await expect(page.getByRole('link', { name: 'Download evidence (JSON)' })).toHaveAttribute('href', `/api/campaigns/${campaignId}/evidence?format=json`);
    const closeButton = page.getByRole('button', { name: 'Close campaign' });
    if (role === 'admin') await expect(closeButton).toBeVisible();
    else await expect(closeButton).toHaveCount(0);
    // Items of several reviewers, each with a principal and an entitlement.
    const table = page.getByRole('table', { name: /Campaign items/ });
    const items = table.locator('tbody tr');
    expect(await items.count()).toBeGreaterThan(1);
    // Riskiest first; principals link to their page; "revoked" split into what became of the revocations.
    const scoreColumn = await table.locator('thead th').evaluateAll((cells) => cells.findIndex((cell) => cell.textContent?.startsWith('Score')));
    const scores = await items.evaluateAll((rows, column) => rows.map((row) => Number(row.children[column]?.textContent)), scoreColumn);
    expect(scores).toEqual([...scores].sort((left, right) => right - left));
    await expect(table.locator('tbody a[href^="/principals/"]').first()).toBeVisible();
    for (const label of ['Requested', 'Applied', 'Verified']) await expect(page.getByTestId('revocation-progress')).toContainText(label);
    await expectNoSeriousA11yViolations(page);
    await page.setViewportSize({ width: 1440, height: 900 });
    await saveScreenshot(page, role, 'campaign-detail');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, role, 'campaign-detail-mobile');
  });
});

test.describe('new campaign as admin', () => {
  test('the form offers name, due date, scope and schedule, and passes axe', async ({ page }) => {
    await signIn(page, ADMIN);
    await page.goto('/campaigns');
    await page.getByRole('link', { name: 'New campaign' }).click();
    await expect(page).toHaveURL(/\/campaigns\/new$/);
    await expect(page.getByRole('heading', { level: 1, name: 'New campaign' })).toBeVisible();
    await expect(page.getByLabel('Name')).toBeVisible();
    await expect(page.getByLabel('Due in (days)')).toHaveValue('14');
    await expect(page.getByLabel('Minimum blast-radius score')).toHaveValue('0');
    await expect(page.getByRole('group', { name: 'Accounts' }).getByRole('checkbox').first()).toBeVisible();
    await expect(page.getByRole('group', { name: /Tiers/ }).getByRole('checkbox', { name: 'invoke' })).toBeVisible();
    await expect(page.getByLabel('Only principals with SoD conflicts')).toBeVisible();
    await expect(page.getByRole('radio', { name: 'One-off: launch now' })).toBeChecked();
    await expect(page.getByRole('button', { name: 'Launch campaign' })).toBeVisible();
    await page.getByRole('radio', { name: 'Recurring (cron expression)' }).check();
    await expect(page.getByRole('textbox', { name: 'Cron expression' })).toHaveValue('0 6 1 1,4,7,10 *');
    await expect(page.getByRole('button', { name: 'Save schedule' })).toBeVisible();
    await page.getByRole('radio', { name: 'One-off: launch now' }).check();
    await expectNoSeriousA11yViolations(page);
    await saveScreenshot(page, 'admin', 'campaign-new');
  });

  test('an empty name is refused with a message', async ({ page }) => {
    await signIn(page, ADMIN);
    await page.goto('/campaigns/new');
    await page.getByRole('button', { name: 'Launch campaign' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /name/i })).toBeVisible();
    await expect(page).toHaveURL(/\/campaigns\/new$/);
  });
});
