import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { and, eq, like } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../client';
import { auditLog, entitlements, identityCenterGroups, identityCenterInstances, identityCenterUsers, personAssignments, principals, revocations } from '../../schema';
import { createTestDatabase } from '../../test-database';
import { assignmentKey } from '../../../lib/campaigns/assignment-items';
import { testEvaluate } from '../../../lib/revocations/test-support/evaluator';
import type { RevocationPlan } from '../../../lib/revocations/types';
import { runScan } from '../../../scanners/pipeline/run-scan';
import { requestAssignmentRevocation } from './assignment-plan';
import { approveRevocation, requestExecution, requestRevocation } from './commands';
import { getRevocationDetail } from './list';
import { verifyOfflineRevocations } from './verify-offline';
import { copyDemoOrganization, type DemoOrganizationCopy } from '../test-support/demo-organization-copy';

/**
 * Offline Identity Center revocations (#14) confirmed by the next import: the demo organisation is
 * imported from a copy of demo/org, the script is produced, and `identity-center.json` of the copy
 * is edited the way running the script and exporting again would change it (scanners/offline/FORMAT.md).
 * Each import goes through runScan, whose after-publish step runs verifyOfflineRevocations.
 */
const IMPORTED = new Date('2026-03-02T09:00:00Z');
const SCRIPT_PRODUCED = new Date('2026-03-02T10:00:00Z');
const REIMPORTED = new Date('2026-03-03T09:00:00Z');

let database: AppDatabase;
let copy: DemoOrganizationCopy;
let firstScanId: number;

const rowOf = (id: number) => database.select().from(revocations).where(eq(revocations.id, id)).get();
const auditOf = (id: number) =>
  database
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.objectType, 'revocation'), eq(auditLog.objectId, String(id))))
    .all()
    .map((entry) => entry.action);

async function importAgain(at = REIMPORTED): Promise<number> {
  const outcome = await runScan(database, { kind: 'offline', directory: copy.directory }, { trigger: 'cli', requestedBy: 'test', now: () => at });
  expect(outcome.status).toBe('complete');
  return outcome.scanId;
}

/** The person's assignment (by user name, permission set, account, group or direct) as the first import holds it. */
function assignmentOf(userName: string, permissionSetName: string, accountId: string, groupName: string | null) {
  const user = database.select().from(identityCenterUsers).where(and(eq(identityCenterUsers.scanId, firstScanId), eq(identityCenterUsers.userName, userName))).get();
  const group = groupName === null ? null : database.select().from(identityCenterGroups).where(and(eq(identityCenterGroups.scanId, firstScanId), eq(identityCenterGroups.displayName, groupName))).get();
  const row = database
    .select()
    .from(personAssignments)
    .where(and(eq(personAssignments.scanId, firstScanId), eq(personAssignments.userId, user?.userId ?? ''), eq(personAssignments.permissionSetName, permissionSetName), eq(personAssignments.accountId, accountId)))
    .all()
    .find((candidate) => candidate.viaGroupId === (group?.groupId ?? null));
  if (!row?.roleArn) throw new Error(`the demo assigns ${permissionSetName} to ${userName} in ${accountId} ${groupName ?? 'directly'}`);
  return { ...row, roleArn: row.roleArn, entitlementKey: assignmentKey(row) };
}

/** Requests the revocation of the entitlement `policyName` of the `AWSReservedSSO_<set>_*` role of an account in the first import. */
function revokeSsoRolePolicy(accountId: string, permissionSetName: string, policyName: string, justification: string): number {
  const role = database
    .select({ arn: principals.arn, id: principals.id })
    .from(principals)
    .where(and(eq(principals.scanId, firstScanId), eq(principals.accountId, accountId), like(principals.name, `AWSReservedSSO_${permissionSetName}_%`)))
    .get();
  if (!role) throw new Error(`the demo provisions ${permissionSetName} to ${accountId}`);
  const entitlement = database.select({ key: entitlements.entitlementKey }).from(entitlements).where(and(eq(entitlements.principalId, role.id), eq(entitlements.policyName, policyName))).get();
  if (!entitlement) throw new Error(`the demo has ${permissionSetName} with ${policyName} in ${accountId}`);
  return requestRevocation(database, { principalArn: role.arn, entitlementKey: entitlement.key, justification, actor: 'admin@example.com', now: SCRIPT_PRODUCED, evaluate: testEvaluate }).id;
}

/** Requested, approved and handed over as a script: 'awaiting-confirmation'. */
function produceScript(id: number): RevocationPlan {
  approveRevocation(database, { id, actor: 'jordan@example.com', now: SCRIPT_PRODUCED, requireFourEyes: true, comment: 'Checked with the account owner', evaluate: testEvaluate });
  expect(requestExecution(database, { id, actor: 'jordan@example.com', now: SCRIPT_PRODUCED })).toEqual({ status: 'awaiting-confirmation' });
  return JSON.parse(rowOf(id)?.plan ?? 'null') as RevocationPlan;
}

function revokeAssignment(userName: string, permissionSetName: string, accountId: string, groupName: string | null) {
  const assignment = assignmentOf(userName, permissionSetName, accountId, groupName);
  const { id } = requestAssignmentRevocation(database, { principalArn: assignment.roleArn, entitlementKey: assignment.entitlementKey, justification: 'Left the team', actor: 'admin@example.com', now: SCRIPT_PRODUCED });
  return { id, assignment, plan: produceScript(id) };
}

beforeEach(async () => {
  copy = copyDemoOrganization('icverify-');
  database = createTestDatabase();
  firstScanId = await importAgain(IMPORTED);
}, 60_000);

afterEach(() => {
  copy.remove();
});

describe('offline Identity Center revocations, confirmed by the next import', () => {
  it('group membership: still a member -> not-applied with who and which group; removed at a later import -> verified', async () => {
    const { id, assignment, plan } = revokeAssignment('kenji.mori@northwind.example', 'BedrockDeveloper', '539182736450', 'GenAIProdSupport');
    expect(plan.identityCenter?.kind).toBe('remove-from-group');
    expect(rowOf(id)?.mode).toBe('offline');

    const unchanged = await importAgain();
    const notApplied = rowOf(id);
    expect(notApplied?.status).toBe('not-applied');
    expect(notApplied?.error).toBe(`Not applied: the import of scan #${unchanged} still shows kenji.mori@northwind.example in group GenAIProdSupport. Run the script, then export Identity Center (identity-center.json) and import again.`);

    copy.editIdentityCenter((ic) => {
      ic.GroupMemberships = ic.GroupMemberships.filter((membership) => !(membership.GroupId === assignment.viaGroupId && membership.MemberId.UserId === assignment.userId));
    });
    await importAgain();
    expect(rowOf(id)).toMatchObject({ status: 'verified', error: null, verifiedAt: REIMPORTED.toISOString() });
    expect(auditOf(id).slice(-3)).toEqual(['revocation.script-generated', 'revocation.not-applied', 'revocation.verified']);
  }, 60_000);

  it('stores the verification of each import on the revocation, as the live worker does: what was re-read, when, each step', async () => {
    const { id, assignment } = revokeAssignment('kenji.mori@northwind.example', 'BedrockDeveloper', '539182736450', 'GenAIProdSupport');
    const admin = { role: 'admin' as const, email: 'admin@example.com' };
    const instanceArn = database.select({ arn: identityCenterInstances.instanceArn }).from(identityCenterInstances).where(eq(identityCenterInstances.scanId, firstScanId)).get()?.arn;
    const step = 'Remove kenji.mori@northwind.example from GenAIProdSupport (DeleteGroupMembership)';

    const unchanged = await importAgain();
    expect(getRevocationDetail(database, id, admin)?.result.verification).toEqual({
      isVerified: false,
      reason: expect.stringMatching(/^kenji\.mori@northwind\.example is still a member of GenAIProdSupport \(membership .+\)\.$/),
      checkedAt: REIMPORTED.toISOString(),
      remainingActions: expect.arrayContaining(['bedrock:InvokeModel']),
      reread: `Identity Center ${instanceArn} as exported in identity-center.json, imported by scan #${unchanged}`,
      steps: [{ change: step, isConfirmed: false }],
    });

    copy.editIdentityCenter((ic) => {
      ic.GroupMemberships = ic.GroupMemberships.filter((membership) => !(membership.GroupId === assignment.viaGroupId && membership.MemberId.UserId === assignment.userId));
    });
    const later = new Date('2026-03-04T09:00:00Z');
    const confirming = await importAgain(later);
    const detail = getRevocationDetail(database, id, admin);
    expect(detail?.status).toBe('verified');
    expect(detail?.result.verification).toEqual({
      isVerified: true,
      reason: 'The group membership is gone from the identity store.',
      checkedAt: later.toISOString(),
      remainingActions: [],
      reread: `Identity Center ${instanceArn} as exported in identity-center.json, imported by scan #${confirming}`,
      steps: [{ change: step, isConfirmed: true }],
    });
  }, 60_000);

  it('a membership removed and created again (a new MembershipId) still counts as the person in the group', async () => {
    const { id, assignment } = revokeAssignment('kenji.mori@northwind.example', 'BedrockDeveloper', '539182736450', 'GenAIProdSupport');
    copy.editIdentityCenter((ic) => {
      const membership = ic.GroupMemberships.find((candidate) => candidate.GroupId === assignment.viaGroupId && candidate.MemberId.UserId === assignment.userId);
      if (membership) membership.MembershipId = '11111111-2222-3333-4444-555555555555';
    });
    await importAgain();
    expect(rowOf(id)?.status).toBe('not-applied');
  }, 60_000);

  it('direct assignment deleted -> verified', async () => {
    const { id, assignment, plan } = revokeAssignment('yusuf.demir@northwind.example', 'BedrockMantleUser', '185920374618', null);
    expect(plan.identityCenter?.kind).toBe('delete-assignment');
    copy.editIdentityCenter((ic) => {
      ic.AccountAssignments = ic.AccountAssignments.filter((candidate) => !(candidate.PrincipalType === 'USER' && candidate.PrincipalId === assignment.userId && candidate.AccountId === '185920374618' && candidate.PermissionSetArn === assignment.permissionSetArn));
    });
    const scanId = await importAgain();
    expect(rowOf(id)).toMatchObject({ status: 'verified', error: null });
    const verified = database.select({ after: auditLog.after }).from(auditLog).where(and(eq(auditLog.objectId, String(id)), eq(auditLog.action, 'revocation.verified'))).get();
    expect(JSON.parse(verified?.after ?? '{}')).toMatchObject({ status: 'verified', scanId, reason: 'The account assignment is no longer listed.' });
  }, 60_000);

  it('direct assignment still listed -> not-applied naming the set, the person and the account', async () => {
    const { id } = revokeAssignment('yusuf.demir@northwind.example', 'BedrockMantleUser', '185920374618', null);
    const scanId = await importAgain();
    expect(rowOf(id)?.error).toBe(`Not applied: the import of scan #${scanId} still shows the direct assignment of BedrockMantleUser to yusuf.demir@northwind.example in 185920374618. Run the script, then export Identity Center (identity-center.json) and import again.`);
  }, 60_000);

  it('permission set: the Bedrock-only managed policy still attached -> not-applied; detached -> verified', async () => {
    const id = revokeSsoRolePolicy('307142958673', 'DataScientist', 'AmazonBedrockFullAccess', 'Data scientists use the approved models only');
    expect(produceScript(id).identityCenter?.kind).toBe('permission-set-detach');

    const unchanged = await importAgain();
    expect(rowOf(id)?.error).toBe(`Not applied: the import of scan #${unchanged} still shows arn:aws:iam::aws:policy/AmazonBedrockFullAccess attached to DataScientist. Run the script, then export Identity Center (identity-center.json) and import again.`);
    copy.editIdentityCenter((ic) => {
      const set = ic.PermissionSets.find((candidate) => candidate.Name === 'DataScientist');
      if (set) set.AttachedManagedPolicies = set.AttachedManagedPolicies.filter((policy) => policy.Name !== 'AmazonBedrockFullAccess');
    });
    await importAgain();
    expect(rowOf(id)?.status).toBe('verified');
    // Detaching is confirmed by the export; provisioning is not something it lists.
    expect(getRevocationDetail(database, id, { role: 'admin', email: 'admin@example.com' })?.result.verification?.steps).toEqual([
      { change: 'Detach arn:aws:iam::aws:policy/AmazonBedrockFullAccess from DataScientist (DetachManagedPolicyFromPermissionSet)', isConfirmed: true },
      { change: expect.stringMatching(/^Provision DataScientist to its \d+ account\(s\) \(ProvisionPermissionSet\)$/), isConfirmed: null },
    ]);
  }, 60_000);

  it("permission set: the inline Deny the script puts on the set -> verified; before it, not-applied", async () => {
    const id = revokeSsoRolePolicy('863019283746', 'PowerUserAccess', 'PowerUserAccess', 'No Bedrock for power users');
    const plan = produceScript(id);
    expect(plan.identityCenter?.kind).toBe('permission-set-deny');
    const putInline = plan.identityCenter?.calls.find((call) => call.action === 'PutInlinePolicyToPermissionSet');

    const unchanged = await importAgain();
    expect(rowOf(id)?.status).toBe('not-applied');
    expect(rowOf(id)?.error).toMatch(new RegExp(`^Not applied: the import of scan #${unchanged} still shows PowerUserAccess's inline policy without the Deny of bedrock[^ ]*:[A-Za-z]+, .*, … \\(\\d+ actions\\)\\. Run the script`));

    copy.editIdentityCenter((ic) => {
      const set = ic.PermissionSets.find((candidate) => candidate.Name === 'PowerUserAccess');
      if (set) set.InlinePolicy = String(putInline?.input.InlinePolicy);
    });
    await importAgain();
    expect(rowOf(id)).toMatchObject({ status: 'verified', error: null });
  }, 60_000);

  it('an import without identity-center.json, of another instance, or queued before the script, leaves the revocation as it is', async () => {
    const { id } = revokeAssignment('kenji.mori@northwind.example', 'BedrockDeveloper', '539182736450', 'GenAIProdSupport');
    expect(verifyOfflineRevocations(database, firstScanId, REIMPORTED).notScanned).toContain(id);

    copy.editIdentityCenter((ic) => {
      ic.GroupMemberships = [];
    });
    const withoutGroups = readFileSync(copy.identityCenterFile, 'utf8');
    rmSync(copy.identityCenterFile);
    const accountsOnly = await importAgain();
    expect(rowOf(id)).toMatchObject({ status: 'awaiting-confirmation', error: null });
    expect(verifyOfflineRevocations(database, accountsOnly, REIMPORTED)).toMatchObject({ verified: [], stillGranted: [], notScanned: [id] });
    expect(auditOf(id)).not.toContain('revocation.verified');

    // Another Identity Center instance says nothing about this one.
    const otherInstance = JSON.parse(withoutGroups) as { IdentityCenter: { InstanceArn: string } };
    otherInstance.IdentityCenter.InstanceArn = 'arn:aws:sso:::instance/ssoins-0000000000000000';
    writeFileSync(copy.identityCenterFile, JSON.stringify(otherInstance));
    await importAgain();
    expect(rowOf(id)?.status).toBe('awaiting-confirmation');

    // The next import that reads this instance decides.
    writeFileSync(copy.identityCenterFile, withoutGroups);
    await importAgain();
    expect(rowOf(id)?.status).toBe('verified');
  }, 60_000);
});
