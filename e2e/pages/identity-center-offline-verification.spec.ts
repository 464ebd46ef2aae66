import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ADMIN, SECOND_ADMIN, sameOriginHeaders, signedInPage } from '../support/auth';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { queryE2eDatabaseOfPort } from '../support/database';
import { DEMO_ORG, importOffline } from '../support/imports';
import { REVIEWED_SIZES, saveScreenshot } from '../support/screenshots';

/**
 * Issue 14: an Identity Center revocation executed through the offline script is confirmed by the
 * next import of identity-center.json, and the revocation page shows that verification as it shows
 * a live one: when, what was re-read, and each step confirmed. The pages server imported demo/org
 * offline; the second import is a copy with the membership removed, as running the script and
 * exporting again gives. A last import of demo/org as it was puts the membership back.
 */

interface IdentityCenterFile {
  IdentityCenter: { GroupMemberships: Array<{ GroupId: string; MemberId: { UserId: string } }> };
}

/** A copy of demo/org without one group membership, as `aws identitystore delete-group-membership` leaves it. */
function demoWithoutMembership(groupId: string, userId: string): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-offline-verification-'));
  fs.cpSync(DEMO_ORG, directory, { recursive: true });
  const file = path.join(directory, 'identity-center.json');
  const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as IdentityCenterFile;
  const before = exported.IdentityCenter.GroupMemberships.length;
  exported.IdentityCenter.GroupMemberships = exported.IdentityCenter.GroupMemberships.filter((membership) => !(membership.GroupId === groupId && membership.MemberId.UserId === userId));
  if (exported.IdentityCenter.GroupMemberships.length !== before - 1) throw new Error(`Expected to remove one membership of ${userId} in ${groupId}.`);
  fs.writeFileSync(file, JSON.stringify(exported));
  return directory;
}

test('an offline Identity Center revocation is verified by the next import, with what was re-read and each step', async ({ browser, baseURL }) => {
  test.setTimeout(5 * 60_000);
  if (!baseURL) throw new Error('The pages project sets baseURL.');
  const port = new URL(baseURL).port;
  const [assignment] = queryE2eDatabaseOfPort<{ userId: string; accountId: string; permissionSetArn: string; viaGroupId: string; roleArn: string }>(
    port,
    `SELECT a.user_id AS userId, a.account_id AS accountId, a.permission_set_arn AS permissionSetArn, a.via_group_id AS viaGroupId, a.role_arn AS roleArn
     FROM person_assignments a JOIN identity_center_users u ON u.scan_id = a.scan_id AND u.user_id = a.user_id
     WHERE a.scan_id = (SELECT id FROM scans WHERE is_published = 1 ORDER BY finished_at DESC, id DESC LIMIT 1)
       AND u.user_name = 'kenji.mori@northwind.example' AND a.via_group_name = 'GenAIProdSupport'
       AND a.permission_set_name = 'BedrockDeveloper' AND a.account_id = '539182736450'`,
  );
  expect(assignment, 'the demo assigns BedrockDeveloper to kenji.mori through GenAIProdSupport in 539182736450').toBeTruthy();

  const admin = await signedInPage(browser, baseURL, ADMIN, REVIEWED_SIZES.desktop);
  const created = await admin.request.post('/api/revocations/assignments', {
    headers: sameOriginHeaders(baseURL),
    data: { principalArn: assignment.roleArn, entitlementKey: `assignment|${assignment.userId}|${assignment.accountId}|${assignment.permissionSetArn}|group:${assignment.viaGroupId}`, justification: 'Moved to another team; no production support any more.' },
  });
  expect(created.status(), await created.text()).toBe(200);
  const { id } = (await created.json()) as { id: number };

  // A second admin approves (four-eyes) and produces the script: it waits for the next import.
  const approver = await signedInPage(browser, baseURL, SECOND_ADMIN, REVIEWED_SIZES.desktop);
  await approver.goto(`/revocations/${id}`);
  await approver.getByRole('form', { name: 'Approve the plan' }).getByLabel('Approval comment').fill('Checked with the group owner.');
  await approver.getByRole('button', { name: 'Approve plan' }).click();
  await expect(approver.getByRole('heading', { level: 1 })).toHaveText(`Revocation #${id} approved`);
  await approver.getByRole('button', { name: 'Generate AWS CLI script' }).click();
  await expect(approver.getByRole('heading', { level: 1 })).toHaveText(`Revocation #${id} awaiting confirmation`);
  await expect(approver.getByTestId('verification')).toHaveCount(0);

  // The script ran; identity-center.json exported again no longer lists the membership.
  await importOffline(port, demoWithoutMembership(assignment.viaGroupId, assignment.userId));
  const [scan] = queryE2eDatabaseOfPort<{ id: number }>(port, 'SELECT id FROM scans WHERE is_published = 1 ORDER BY finished_at DESC, id DESC LIMIT 1');
  await admin.goto(`/revocations/${id}`);
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText(`Revocation #${id} verified`);
  // Nothing ran here: the script ran elsewhere, and the import shows what it changed.
  const results = admin.locator('section', { has: admin.getByRole('heading', { level: 2, name: 'What the import showed' }) });
  const verification = results.getByTestId('verification');
  await expect(verification.getByText(/^Verification \(.+\): verified — The group membership is gone from the identity store\.$/)).toBeVisible();
  await expect(verification).toContainText(new RegExp(`Re-read: Identity Center arn:aws:sso:::instance/ssoins-[0-9a-f]+ as exported in identity-center\\.json, imported by scan #${scan.id}`));
  await expect(verification.getByRole('list', { name: 'Steps of the plan, as the re-read shows them' }).getByRole('listitem')).toHaveText(['✓Remove kenji.mori@northwind.example from GenAIProdSupport (DeleteGroupMembership): confirmed']);
  await expectNoSeriousA11yViolations(admin);
  await saveScreenshot(admin, 'admin', 'revocation-identity-center-offline-verified');
  await admin.setViewportSize(REVIEWED_SIZES.phone);
  expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(REVIEWED_SIZES.phone.width);
  await saveScreenshot(admin, 'admin', 'revocation-identity-center-offline-verified-mobile');

  // Put demo/org back as it was for the specs that follow.
  await importOffline(port, DEMO_ORG);
  await admin.context().close();
  await approver.context().close();
});
