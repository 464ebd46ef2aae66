import { expect, test } from '@playwright/test';
import { ADMIN, OWNER, SECOND_ADMIN, sameOriginHeaders, signedInPage } from '../support/auth';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { revokeInInbox, uniqueName } from '../support/campaigns';
import { queryE2eDatabaseOfPort } from '../support/database';
import { waitForNoScanInProgress, waitForRevocationStatus } from '../support/revocation-journey';
import { saveScreenshot } from '../support/screenshots';

/**
 * Issue 14's assignment journey, for real: the journeys server scanned the demo organisation live
 * from the local AWS endpoint (which serves sso-admin and identitystore) and runs the worker. An
 * admin maps a group's owner and launches an assignment campaign; the owner revokes one person's
 * assignment through the group in My reviews; the second admin approves (four-eyes, with a
 * comment), executes (the worker calls identitystore DeleteGroupMembership through the remediation
 * identity and re-reads Identity Center), and rolls back (CreateGroupMembership).
 */
const GROUP = 'GenAIProdSupport';
const PERMISSION_SET = 'BedrockDeveloper';
test('an owner revokes a group assignment in an assignment campaign; a second admin approves, executes, verifies and rolls it back', async ({ browser, baseURL }) => {
  test.setTimeout(8 * 60_000);
  if (!baseURL) throw new Error('The journeys project sets baseURL.');
  const port = new URL(baseURL).port;

  // The admin names the owner of the group, then launches an assignment campaign from the form.
  const admin = await signedInPage(browser, baseURL, ADMIN);
  const mapping = await admin.request.post('/api/owner-mappings', { headers: sameOriginHeaders(baseURL), data: { priority: 1, groupName: GROUP, ownerEmail: OWNER } });
  expect(mapping.status(), await mapping.text()).toBe(200);
  const name = uniqueName('Assignment journey');
  await admin.goto('/campaigns/new');
  await admin.getByLabel('Name').fill(name);
  await admin.getByRole('radio', { name: /Identity Center assignments/ }).check();
  await admin.getByLabel('Groups').fill(GROUP);
  await admin.getByLabel('Permission sets').fill(PERMISSION_SET);
  await admin.getByRole('button', { name: 'Launch campaign' }).click();
  await expect(admin).toHaveURL(/\/campaigns\/\d+$/);
  const campaignId = Number(/\/campaigns\/(\d+)$/.exec(admin.url())?.[1]);

  const [item] = queryE2eDatabaseOfPort<{ id: number; userName: string; displayName: string | null; reviewerEmail: string; reviewerReason: string; accountId: string }>(
    port,
    `SELECT id, person_user_name AS userName, json_extract(context, '$.assignment.displayName') AS displayName, reviewer_email AS reviewerEmail, reviewer_reason AS reviewerReason, account_id AS accountId
     FROM campaign_items WHERE campaign_id = ? ORDER BY account_id, person_user_name LIMIT 1`,
    campaignId,
  );
  expect(item).toMatchObject({ reviewerEmail: OWNER, reviewerReason: 'group-owner' });

  // The owner revokes it in My reviews, with a justification.
  const owner = await signedInPage(browser, baseURL, OWNER);
  await owner.goto(`/inbox?campaign=${campaignId}&q=${encodeURIComponent(item.userName)}`);
  const label = `${item.displayName ? `${item.displayName} (${item.userName})` : item.userName} (Permission set ${PERMISSION_SET} via group ${GROUP} in ${item.accountId})`;
  // What the assignment grants shows in the row's details, opened in place.
  await owner.getByRole('button', { name: `Details of ${label}` }).click();
  await expect(owner.getByTestId('assignment-context').first()).toContainText(`member of group ${GROUP}`);
  const id = await revokeInInbox(owner, { label, justification: 'Moved to the data platform team; no longer supports GenAI production.', itemId: item.id, port });

  // The second admin reviews the preview: the person leaves the group, the other members keep it.
  const jordan = await signedInPage(browser, baseURL, SECOND_ADMIN);
  await jordan.goto(`/revocations/${id}`);
  await expect(jordan.getByRole('heading', { level: 1 })).toHaveText(`Revocation #${id} requested`);
  await expect(jordan.getByText(`requested by ${OWNER}`)).toBeVisible();
  await expect(jordan.getByTestId('plan-preview')).toBeVisible();
  const plan = jordan.getByTestId('identity-center-plan');
  await expect(plan).toContainText('Remove the person from the group');
  await expect(plan.locator('pre').first()).toHaveText(/^aws identitystore delete-group-membership --identity-store-id '[^']+' --membership-id '[^']+'$/);
  await expect(plan.getByTestId('identity-center-people')).toContainText(item.userName);
  await expect(plan.getByText(/^Keep their access: /)).toContainText(`group:${GROUP}`);
  await jordan.getByRole('form', { name: 'Approve the plan' }).getByLabel('Approval comment').fill('The other three members keep GenAI production support; checked with the owner.');
  await jordan.getByRole('button', { name: 'Approve plan' }).click();
  await expect(jordan.getByRole('heading', { level: 1 })).toHaveText(`Revocation #${id} approved`);

  // Execute: the worker removes the membership at Identity Center and verifies by re-reading it.
  await jordan.getByRole('button', { name: 'Execute' }).click();
  await waitForRevocationStatus(jordan, id, 'verified');
  const ran = jordan.getByRole('table', { name: 'Identity Center calls of the last execution' });
  await expect(ran.locator('tbody tr')).toHaveCount(1);
  await expect(ran.locator('tbody tr').first()).toContainText(/DeleteGroupMembership.*succeeded/);
  await expect(jordan.getByText(/^Verification \(.+\): verified — The group membership is gone from the identity store\.$/)).toBeVisible();
  await expectNoSeriousA11yViolations(jordan);
  await saveScreenshot(jordan, 'admin', 'assignment-revocation-verified');

  // The owner's item links to the verified revocation.
  await owner.goto(`/inbox?campaign=${campaignId}&status=all&q=${encodeURIComponent(item.userName)}`);
  await expect(owner.getByTestId(`item-revocation-${id}`)).toBeVisible();

  // Roll back: the worker re-creates the membership.
  await jordan.getByRole('button', { name: 'Roll back' }).click();
  await waitForRevocationStatus(jordan, id, 'rolled-back');
  await expect(jordan.getByRole('table', { name: 'Identity Center rollback calls' }).locator('tbody tr').first()).toContainText(/CreateGroupMembership.*succeeded/);

  const audit = queryE2eDatabaseOfPort<{ action: string; actor: string }>(port, `SELECT action, actor FROM audit_log WHERE object_type = 'revocation' AND object_id = ? ORDER BY id`, String(id));
  expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['revocation.approved', 'revocation.executed', 'revocation.verified', 'revocation.rolled-back']));
  expect(audit.find((entry) => entry.action === 'revocation.approved')?.actor).toBe(SECOND_ADMIN);
  // The worker scans after the rollback: let it finish so the next journey starts from a settled snapshot.
  await waitForNoScanInProgress(port);

  await owner.context().close();
  await jordan.context().close();
  await admin.context().close();
});
