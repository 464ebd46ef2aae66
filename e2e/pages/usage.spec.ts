import { expect, test } from '@playwright/test';
import { ADMIN, signIn, READERS, describeAsEach } from '../support/auth';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { queryE2eDatabase } from '../support/database';
import { launchCampaignAsAdmin, uniqueName } from '../support/campaigns';
import { saveScreenshotsAtBothSizes } from '../support/screenshots';

/** A principal the demo activity exercises: an Identity Center role people call Bedrock through. */
function principalIdWithUsage(): number {
  const [row] = queryE2eDatabase<{ id: number }>(
    `SELECT p.id FROM principals p WHERE p.scan_id = (SELECT max(id) FROM scans WHERE is_published = 1) AND p.has_bedrock = 1
       AND p.arn IN (SELECT principal_arn FROM usage_daily WHERE caller_kind = 'person') ORDER BY p.arn LIMIT 1`,
  );
  if (!row) throw new Error('the demo import has no principal with usage by people');
  return row.id;
}

function principalIdWithoutUsage(): number {
  const [row] = queryE2eDatabase<{ id: number }>(
    `SELECT p.id FROM principals p WHERE p.scan_id = (SELECT max(id) FROM scans WHERE is_published = 1) AND p.has_bedrock = 1
       AND p.arn NOT IN (SELECT principal_arn FROM usage_daily) ORDER BY p.arn LIMIT 1`,
  );
  if (!row) throw new Error('the demo import has no holder without usage');
  return row.id;
}

describeAsEach(READERS, 'usage evidence', (role) => {
  test('the principal page shows who used it, per action and model, with the chart', async ({ page }) => {
    // The principal page is the app's heaviest; the first render on a loaded machine takes a while.
    test.setTimeout(150_000);
    await page.goto(`/principals/${principalIdWithUsage()}`);
    const panel = page.getByTestId('usage-panel');
    await expect(page.getByRole('heading', { level: 2, name: 'Usage evidence' })).toBeVisible();
    await expect(panel.getByTestId('usage-headline')).toHaveText(/^Holds \d+ actions?, used [1-9]\d*$/);
    // The per-action and per-model counts sit one click away.
    await panel.locator('summary', { hasText: /^Calls per action \(\d+\) and per model or inference profile \(\d+\)$/ }).click();
    await expect(panel.getByTestId('usage-actions').locator('tbody tr').first()).toContainText('bedrock:');
    expect(await panel.getByTestId('usage-models').locator('tbody tr').count()).toBeGreaterThan(0);
    await expect(panel.getByTestId('usage-callers').getByText('person').first()).toBeVisible();
    await expect(page.locator('#usage .recharts-bar-rectangle').first()).toBeVisible();
    expect(await page.locator('#usage figcaption table tbody tr').count()).toBe(90);
    await expectNoSeriousA11yViolations(page);
    await saveScreenshotsAtBothSizes(page, role, { desktop: 'principal-usage', phone: 'principal-usage-mobile' }, { scrollTo: '#usage' });
  });

  test('a holder that never used it says so and is recommended for revocation', async ({ page }) => {
    await page.goto(`/principals/${principalIdWithoutUsage()}`);
    const panel = page.getByTestId('usage-panel');
    await expect(panel.getByTestId('usage-headline')).toHaveText(/^Holds \d+ actions?, used 0$/);
    await expect(panel.getByTestId('usage-recommendations')).toContainText(/Revoke the \w+ tier: no use in 90 days/);
  });

  test('the overview shows provenance coverage per account and week', async ({ page }) => {
    await page.goto('/overview');
    await expect(page.getByRole('heading', { level: 2, name: 'Usage provenance' })).toBeVisible();
    const panel = page.getByTestId('provenance-panel');
    expect(await panel.getByTestId('provenance-accounts').locator('tbody tr').count()).toBeGreaterThan(3);
    await expect(panel.getByTestId('provenance-unattributed')).toContainText('arbitrary session name');
    await expect(panel.getByTestId('provenance-callers').getByText('workload').first()).toBeVisible();
    await expect(page.locator('#provenance .recharts-line').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await saveScreenshotsAtBothSizes(page, role, { desktop: 'overview-provenance', phone: 'overview-provenance-mobile' });
  });
});

test.describe('usage evidence in reviews', () => {
  test('each inbox item shows its usage, unused items are marked, and attesting one asks why', async ({ page, baseURL }) => {
    await signIn(page, ADMIN);
    const campaignId = await launchCampaignAsAdmin(page, baseURL, uniqueName('Usage evidence'));
    await page.goto(`/inbox?campaign=${campaignId}`);
    // The table's "Last use" column marks unused entitlements; the details under the row carry the evidence.
    const unusedRow = page.getByTestId('review-table').locator('tbody tr').filter({ hasText: /No use 90 d/ }).first();
    await expect(unusedRow).toBeVisible();
    await unusedRow.getByRole('button', { name: /^Details/ }).click();
    const evidence = page.getByTestId('item-usage');
    await expect(evidence.first()).toBeVisible();
    await expect(evidence.filter({ hasText: 'No use' }).first()).toBeVisible();
    await unusedRow.getByRole('button', { name: 'Attest' }).click();
    await expect(page.getByRole('form', { name: /^Attest / }).getByLabel(/Why keep access that shows no use in 90 days\?/)).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await saveScreenshotsAtBothSizes(page, 'admin', { desktop: 'inbox-usage', phone: 'inbox-usage-mobile' });
  });
});
