import { expect, test } from '@playwright/test';
import { ADMIN, SECOND_ADMIN, signedInPage } from '../support/auth';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { queryE2eDatabaseOfPort } from '../support/database';
import { REVIEWED_SIZES, saveScreenshot } from '../support/screenshots';

/**
 * Issues 14 and 17: a revoke on an `AWSReservedSSO_*` role is planned at IAM Identity Center (the
 * permission set), shown before approval with every account and person it reaches, approved by a
 * second admin, and (the pages server imported demo/org offline) produces the `aws sso-admin`
 * script and waits for the next import. The worker path against the local endpoint is covered by
 * scanners/remediation/identity-center-lifecycle.test.ts.
 */
test('an SSO role is revoked at Identity Center: the plan lists the accounts and people, then the sso-admin script', async ({ browser, baseURL }) => {
  test.setTimeout(3 * 60_000);
  if (!baseURL) throw new Error('The pages project sets baseURL.');
  const port = new URL(baseURL).port;
  const [role] = queryE2eDatabaseOfPort<{ id: number; name: string }>(
    port,
    `SELECT p.id, p.name FROM principals p
     WHERE p.scan_id = (SELECT id FROM scans WHERE is_published = 1 ORDER BY finished_at DESC, id DESC LIMIT 1)
       AND p.name LIKE 'AWSReservedSSO\\_BedrockDeveloper\\_%' ESCAPE '\\' AND p.account_id = '641829374651'`,
  );
  expect(role, 'the demo has the BedrockDeveloper role in 641829374651').toBeTruthy();
  const admin = await signedInPage(browser, baseURL, ADMIN, REVIEWED_SIZES.desktop);
  await admin.goto(`/principals/${role.id}`);
  await admin.getByRole('button', { name: 'Request revocation of AmazonBedrockLimitedAccess' }).click();
  await admin.getByLabel('Justification').fill('Developers no longer use Bedrock in production support.');
  await admin.getByRole('button', { name: 'Confirm revocation request' }).click();
  await admin.waitForURL(/\/revocations\/\d+$/);
  const plan = admin.getByTestId('identity-center-plan');
  await expect(plan).toContainText('Detach the policy from the permission set');
  await expect(plan).toContainText('aws sso-admin detach-managed-policy-from-permission-set');
  await expect(admin.getByTestId('identity-center-accounts')).toContainText('641829374651');
  await expect(admin.getByTestId('identity-center-people').getByRole('row').filter({ hasText: 'kenji.mori@northwind.example' })).toContainText('group:GenAIProdSupport');
  await expectNoSeriousA11yViolations(admin);
  await saveScreenshot(admin, 'admin', 'revocation-identity-center-plan');
  const url = admin.url();

  const approver = await signedInPage(browser, baseURL, SECOND_ADMIN, REVIEWED_SIZES.phone);
  await approver.goto(url);
  await expect(approver.getByTestId('identity-center-plan')).toBeVisible();
  await saveScreenshot(approver, 'admin', 'revocation-identity-center-plan-mobile');
  await approver.getByRole('form', { name: 'Approve the plan' }).getByLabel('Approval comment').fill('Checked the people list with the owner.');
  await approver.getByRole('button', { name: 'Approve plan' }).click();
  await expect(approver.getByRole('heading', { level: 1 })).toContainText('approved');
  await approver.getByRole('button', { name: 'Generate AWS CLI script' }).click();
  await expect(approver.getByRole('heading', { level: 1 })).toContainText('awaiting confirmation');
  await expect(approver.getByText(/aws sso-admin \/ aws identitystore/)).toBeVisible();

  // Put it back for the specs that follow: the rollback script closes the revocation.
  await approver.getByRole('button', { name: 'Roll back' }).click();
  await expect(approver.getByRole('heading', { level: 1 })).toContainText('rolled-back');
  await admin.context().close();
  await approver.context().close();
});
