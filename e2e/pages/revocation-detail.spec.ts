import { expect, test } from '@playwright/test';
import { ADMIN, SECOND_ADMIN, sameOriginHeaders, signedInPage } from '../support/auth';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { queryE2eDatabase } from '../support/database';
import { requestRevocation } from '../support/revocations';
import { saveScreenshot } from '../support/screenshots';

function revocableEntitlement(): { arn: string; key: string } {
  const [row] = queryE2eDatabase<{ arn: string; key: string }>(
    `SELECT p.arn AS arn, e.entitlement_key AS key FROM entitlements e JOIN principals p ON p.id = e.principal_id
     WHERE e.scan_id = (SELECT id FROM scans WHERE is_published = 1 ORDER BY finished_at DESC, id DESC LIMIT 1)
       AND e.attached_via = 'direct' AND e.policy_kind = 'managed'
       AND e.entitlement_key NOT IN (SELECT entitlement_key FROM revocations)
     ORDER BY e.action_count DESC, e.id LIMIT 1`,
  );
  if (!row) throw new Error('No revocable entitlement left in the e2e database.');
  return row;
}

test('a revocation shows Bedrock access by tier, and a reported script failure with AWS’s error, at both widths', async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const requester = await signedInPage(browser, baseURL, ADMIN);
  const { arn, key } = revocableEntitlement();
  const id = await requestRevocation(requester, baseURL, { principalArn: arn, entitlementKey: key, justification: 'Broader than the team needs; the owner agreed.' });

  const approver = await signedInPage(browser, baseURL, SECOND_ADMIN);
  const approved = await approver.request.post(`/api/revocations/${id}/approve`, { headers: sameOriginHeaders(baseURL), data: { comment: 'Four-eyes approval.' } });
  expect(approved.status(), await approved.text()).toBe(200);
  const executed = await requester.request.post(`/api/revocations/${id}/execute`, { headers: sameOriginHeaders(baseURL), data: {} });
  expect(executed.status(), await executed.text()).toBe(200);

  // Before: a tier summary, the actions behind "Show all".
  await requester.setViewportSize({ width: 1440, height: 900 });
  await requester.goto(`/revocations/${id}`);
  const before = requester.getByTestId('access-before');
  await expect(before.getByRole('heading', { name: /^Bedrock access before \(\d+ actions?\)$/ })).toBeVisible();
  await expect(before.getByRole('list', { name: 'Bedrock access before by tier' }).getByRole('listitem').first()).toBeVisible();
  const actionList = before.locator('details dl');
  await expect(actionList).toBeHidden();
  await before.getByText(/^Show all \d+ actions$/).click();
  await expect(actionList.locator('li').first()).toHaveText(/^bedrock[a-z-]*:[A-Za-z]+$/);

  // The admin who ran the script reports AWS's error: the revocation is failed, with that reason.
  const form = requester.getByRole('form', { name: 'Report that the script failed' });
  await requester.getByText('The script stopped with an error?').click();
  await form.getByLabel('AWS CLI output').fill('An error occurred (AccessDenied) when calling the DetachUserPolicy operation: User: arn:aws:sts::641829374651:assumed-role/PlatformAdmin/admin is not authorized to perform: iam:DetachUserPolicy on resource: user x with an explicit deny in a service control policy');
  await form.getByRole('button', { name: 'Report the failure' }).click();
  await expect(requester.getByRole('heading', { level: 1 })).toHaveText(`Revocation #${id} failed`);
  await expect(requester.getByTestId('revocation-error')).toHaveText(/^The AWS CLI script failed at DetachUserPolicy: AccessDenied — User: arn:aws:sts::/);
  await expectNoSeriousA11yViolations(requester);
  await saveScreenshot(requester, 'admin', 'revocation-failed');
  await requester.setViewportSize({ width: 390, height: 844 });
  await requester.goto(`/revocations/${id}`);
  expect(await requester.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await saveScreenshot(requester, 'admin', 'revocation-failed-mobile');

  // The list filters by status with the shared kit, and stays inside the phone's width.
  await requester.goto('/revocations?status=failed');
  await expect(requester.getByTestId('revocations-table')).toContainText(`#${id}`);
  expect(await requester.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoSeriousA11yViolations(requester);
  await saveScreenshot(requester, 'admin', 'revocations-mobile');
  await requester.setViewportSize({ width: 1440, height: 900 });
  await requester.goto('/revocations?status=failed');
  await saveScreenshot(requester, 'admin', 'revocations');
});
