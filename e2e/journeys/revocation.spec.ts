import { expect, test, type Page } from '@playwright/test';
import { ADMIN, OWNER, signedInPage } from '../support/auth';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { launchCampaignAsAdmin, revokeInInbox, uniqueName } from '../support/campaigns';
import { type RevocableItem, findRevocableItem, latestPublishedScanId } from '../support/database';
import { waitForNoScanInProgress, waitForRevocationStatus, waitForScanAfter } from '../support/revocation-journey';
import { saveScreenshot } from '../support/screenshots';

/**
 * Issue 7's journey, for real: the journeys server (scripts/e2e-server.ts --live) scanned the demo
 * organisation live from the local AWS endpoint and runs the worker, so "Execute" assumes the
 * remediation role and changes IAM on the endpoint, and the worker's follow-up scans read it back.
 * Four-eyes approval is on in that environment: the owner requests (a revoke decision), the admin
 * approves, so no second admin is needed.
 */

/** Finds the principal by name through the /principals search of the latest snapshot and opens it. */
async function openPrincipalBySearch(page: Page, item: RevocableItem, snapshotId: number, scope: 'Bedrock holders' | 'All principals'): Promise<void> {
  await page.goto('/principals');
  await expect(page.getByText(new RegExp(`snapshot #${snapshotId}\\b`))).toBeVisible();
  const filters = page.getByRole('search', { name: 'Filter principals' });
  await filters.getByLabel('Search name or ARN').fill(item.principalName);
  await filters.getByLabel('Show').selectOption({ label: scope });
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  await page.getByRole('link', { name: item.principalName, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: item.principalName })).toBeVisible();
  await expect(page.getByText(new RegExp(`^#${snapshotId}, `))).toBeVisible();
}

function grantsCard(page: Page) {
  return page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Grants' }) });
}

test('an owner revokes a grant in a campaign; an admin approves, executes, verifies and rolls it back', async ({ browser, baseURL }) => {
  test.setTimeout(12 * 60_000);
  if (!baseURL) throw new Error('The journeys project sets baseURL.');
  const port = new URL(baseURL).port;
  // An earlier journey's follow-up scan may still be running: start from a settled snapshot.
  await waitForNoScanInProgress(port);
  const initialSnapshot = latestPublishedScanId(port);

  // The admin launches a campaign over the live snapshot.
  const admin = await signedInPage(browser, baseURL, ADMIN);
  const campaignId = await launchCampaignAsAdmin(admin, baseURL, uniqueName('Revocation journey'));
  const item = findRevocableItem(port, campaignId, OWNER);

  // The owner decides "revoke" in My reviews, with a justification.
  const owner = await signedInPage(browser, baseURL, OWNER);
  await owner.goto(`/inbox?campaign=${campaignId}&q=${encodeURIComponent(item.principalName)}`);
  const label = `${item.principalName} (${item.policyName})`;
  const id = await revokeInInbox(owner, { label, justification: 'The document search service moved to another account; this grant is unused.', itemId: item.itemId, port });

  // The admin finds the request on the principal's grant, then reviews a preview of the plan
  // before approving (approval computes it again and freezes it).
  await openPrincipalBySearch(admin, item, initialSnapshot, 'Bedrock holders');
  const pending = grantsCard(admin).locator('article', { hasText: item.policyName }).getByTestId(`revocation-${id}`);
  await expect(pending).toHaveText(`Revocation #${id}requested`);
  await pending.getByRole('link', { name: `Revocation #${id}` }).click();
  await expect(admin).toHaveURL(new RegExp(`/revocations/${id}$`));
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText(`Revocation #${id} requested`);
  await expect(admin.getByText('Live account: executed through the remediation role.', { exact: false })).toBeVisible();
  await expect(admin.getByText(`requested by ${OWNER}`)).toBeVisible();
  await expect(admin.getByTestId('plan-preview')).toBeVisible();
  await expect(admin.locator('section', { has: admin.getByRole('heading', { level: 2, name: 'Plan' }) }).locator('pre')).toContainText(`aws iam detach-`);
  await expect(admin.getByTestId('four-eyes-mode')).toContainText(`Four-eyes approval is on: an admin other than the requester (${OWNER}) approves`);
  await admin.getByRole('form', { name: 'Approve the plan' }).getByLabel('Approval comment').fill('Checked with the owner: the service moved accounts, nothing else uses this grant.');
  await admin.getByRole('button', { name: 'Approve plan' }).click();
  await expect(admin.getByTestId('plan-preview')).toHaveCount(0);
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText(`Revocation #${id} approved`);

  // The plan: one detach call on this principal, its access before, the expected effect.
  const plan = admin.locator('section', { has: admin.getByRole('heading', { level: 2, name: 'Plan' }) });
  await expect(plan.getByText(/^detach$/)).toBeVisible();
  const roleOrUser = item.principalArn.includes(':role/') ? 'role' : 'user';
  await expect(plan.locator('pre')).toHaveText(new RegExp(`^aws iam detach-${roleOrUser}-policy --${roleOrUser}-name '${item.principalName}' --policy-arn '[^']+/${item.policyName}'$`));
  // Access before and after are tier summaries (#19): "Bedrock access before (N actions)", the list behind "Show all".
  const beforeHeading = plan.getByRole('heading', { level: 3, name: /^Bedrock access before \(\d+ actions?\)$/ });
  const afterHeading = plan.getByRole('heading', { level: 3, name: /^Expected after \(\d+ actions?\)$/ });
  const countIn = async (heading: typeof beforeHeading) => Number(/\((\d+) actions?\)/.exec(await heading.innerText())?.[1]);
  const actionsBefore = await countIn(beforeHeading);
  const actionsAfter = await countIn(afterHeading);
  expect(actionsBefore).toBeGreaterThanOrEqual(item.actions.length);
  expect(actionsAfter).toBeLessThan(actionsBefore);
  await plan.getByText(/^Show all \d+ actions?$/).first().click();
  for (const action of item.actions) await expect(plan.getByText(action, { exact: false }).first()).toBeVisible();
  await expect(plan.getByText('Nothing lost outside this entitlement.')).toBeVisible();

  // Execute: the worker assumes the remediation role, detaches, re-reads and verifies.
  await admin.getByRole('button', { name: 'Execute' }).click();
  await waitForRevocationStatus(admin, id, 'verified');
  const results = admin.locator('section', { has: admin.getByRole('heading', { level: 2, name: 'What ran' }) });
  await expect(results.getByRole('table', { name: 'Calls of the last execution' }).locator('tbody tr')).toHaveCount(1);
  await expect(results.getByRole('table', { name: 'Calls of the last execution' }).locator('tbody tr').first()).toContainText(/Detach(Role|User)Policy .*succeeded/);
  await expect(results.getByText(/^Verification \(.+\): verified — /)).toBeVisible();
  // The before-state was read live from IAM, for the rollback.
  await results.getByText(/^Recorded before-state \(live, /).click();
  await expect(results.locator('details pre')).toContainText(item.policyName);
  await expectNoSeriousA11yViolations(admin);
  await saveScreenshot(admin, 'admin', 'revocation-detail');

  // The worker scans again so the dashboards show the change; the principal's new page has no such grant.
  const afterRevocation = await waitForScanAfter(port, id, initialSnapshot);
  await openPrincipalBySearch(admin, item, afterRevocation, 'All principals');
  const grants = grantsCard(admin);
  await expect(grants.getByText(new RegExp(`^${actionsAfter} Bedrock action\\(s\\)`))).toBeVisible();
  await expect(grants.locator('article', { hasText: item.policyName })).toHaveCount(0);
  const revoked = admin.getByTestId('revoked-grants');
  await expect(revoked.getByRole('listitem').filter({ hasText: item.policyName })).toContainText(`Revocation #${id}verified`);
  await expectNoSeriousA11yViolations(admin);
  await saveScreenshot(admin, 'admin', 'principal-after-revocation');

  // The admin rolls back from the revocation page; the worker restores the before-state and scans.
  await revoked.getByRole('link', { name: `Revocation #${id}` }).click();
  await expect(admin).toHaveURL(new RegExp(`/revocations/${id}$`));
  await admin.getByRole('button', { name: 'Roll back' }).click();
  await waitForRevocationStatus(admin, id, 'rolled-back');
  await expect(admin.getByRole('table', { name: 'Rollback calls' }).locator('tbody tr').first()).toContainText(/Attach(Role|User)Policy .*succeeded/);
  const afterRollback = await waitForScanAfter(port, id, afterRevocation);

  // The grant is back in the newest snapshot, among the Bedrock holders, marked with its rolled-back revocation.
  await openPrincipalBySearch(admin, item, afterRollback, 'Bedrock holders');
  const restored = grantsCard(admin);
  await expect(restored.getByText(new RegExp(`^${actionsBefore} Bedrock action\\(s\\)`))).toBeVisible();
  const grant = restored.locator('article', { hasText: item.policyName });
  await expect(grant).toHaveCount(1);
  // The statements sit behind "Show all" (#19: grants by tier first).
  await grant.getByText(/^Show all \d+ actions?/).click();
  for (const action of item.actions) await expect(grant.getByText(action, { exact: true }).first()).toBeVisible();
  await expect(grant.getByTestId(`revocation-${id}`)).toHaveText(`Revocation #${id}rolled back`);
  await expect(admin.getByTestId('revoked-grants')).toHaveCount(0);

  await owner.context().close();
  await admin.context().close();
});
