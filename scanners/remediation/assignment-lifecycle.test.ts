import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../db/client';
import { launchCampaign } from '../../db/queries/campaigns/launch';
import { decideItem } from '../../db/queries/campaigns/decide';
import { buildEvidence, evidenceToCsv } from '../../db/queries/campaigns/evidence';
import { approveRevocation, requestExecution, requestRollback } from '../../db/queries/revocations/commands';
import { requestAssignmentRevocation } from '../../db/queries/revocations/assignment-plan';
import { accounts, auditLog, campaignItems, identityCenterAssignments, identityCenterGroups, revocations } from '../../db/schema';
import type { AssignmentItemContext } from '../../lib/campaigns/assignment-items';
import { EMPTY_SCOPE } from '../../lib/campaigns/scope';
import { testEvaluate } from '../../lib/revocations/test-support/evaluator';
import type { RevocationPlan, RevocationResult } from '../../lib/revocations/types';
import type { LocalAwsHandle } from '../local-aws/start-local-aws';
import { NOW, readRevocationRow, runRemediationWorker, startDemoRemediation } from './test-support/demo-remediation';

/**
 * Certifying and revoking Identity Center assignments (#14), end to end at the db/queries + worker
 * level on the demo organisation: an assignment campaign is launched, a reviewer revokes a group
 * assignment in it, a second admin approves, the worker removes the membership through the local
 * endpoint and verifies by re-reading, a retry is idempotent, the rollback re-creates it; an admin
 * revokes a direct assignment from the person page the same way.
 */
let aws: LocalAwsHandle;
let database: AppDatabase;
let campaignId: number;

const worker = () => runRemediationWorker(database, aws);
const rowOf = (id: number) => readRevocationRow(database, id);
const itemsOf = (id: number) => database.select().from(campaignItems).where(eq(campaignItems.campaignId, id)).all();
const auditOf = (id: number) => database.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.objectType, 'revocation'), eq(auditLog.objectId, String(id)))).all().map((entry) => entry.action);

beforeAll(async () => {
  ({ aws, database } = await startDemoRemediation());
  database.update(accounts).set({ source: 'live' }).run();
  campaignId = launchCampaign(database, { name: 'Identity Center assignments Q1', kind: 'standard', scope: { ...EMPTY_SCOPE, subject: 'assignments' }, dueInDays: 14, closeBehaviour: 'report', launchedBy: 'admin@example.com', fallbackReviewers: ['admin@example.com'], now: NOW }).campaignId;
}, 120_000);
afterAll(async () => aws.stop());

describe('an assignment campaign on the demo organisation', () => {
  it('has one item per (person, permission set, account, via), both direct and through groups, none for an empty group', () => {
    const items = itemsOf(campaignId);
    expect(items.length).toBeGreaterThan(10);
    expect(items.every((item) => item.itemKind === 'assignment' && item.principalType === 'person' && item.entitlementKey.startsWith('assignment|'))).toBe(true);
    expect(items.some((item) => item.viaGroupId === null)).toBe(true);
    expect(items.some((item) => item.viaGroupId !== null)).toBe(true);
    const emptyGroupIds = database.select({ groupId: identityCenterGroups.groupId }).from(identityCenterGroups).where(eq(identityCenterGroups.memberCount, 0)).all().map((row) => row.groupId);
    expect(emptyGroupIds.length).toBeGreaterThan(0);
    expect(items.some((item) => item.viaGroupId !== null && emptyGroupIds.includes(item.viaGroupId))).toBe(false);
    // Nobody reviews their own assignment.
    expect(items.some((item) => item.reviewerEmail === item.personEmail?.toLowerCase())).toBe(false);
    const context = JSON.parse(items[0].context) as AssignmentItemContext;
    expect(context.tiers.length).toBeGreaterThan(0);
    expect(context.assignment.roleArn).toBe(items[0].principalArn);
  });

  it('names the person, the permission set, the account and the group in the evidence', () => {
    const evidence = buildEvidence(database, campaignId, NOW);
    const grouped = evidence.items.find((item) => item.viaGroupName !== null);
    expect(grouped).toMatchObject({ itemKind: 'assignment' });
    expect(grouped?.personUserName).toBeTruthy();
    expect(grouped?.permissionSetName).toBeTruthy();
    const csv = evidenceToCsv(evidence);
    expect(csv).toContain('"person","person_email","permission_set","via_group"');
    expect(csv).toContain(`${grouped?.permissionSetName}`);
    expect(csv).toContain(`${grouped?.viaGroupName}`);
  });

  it('revoke in the inbox -> four-eyes approval -> worker removes the membership and verifies -> retry is idempotent -> rollback restores it', async () => {
    const item = itemsOf(campaignId).find((candidate) => candidate.viaGroupId !== null && candidate.reviewerEmail === 'admin@example.com') ?? itemsOf(campaignId).find((candidate) => candidate.viaGroupId !== null);
    if (!item) return expect.fail('the demo has a group assignment');
    decideItem(database, { itemId: item.id, expectedVersion: 0, reviewerEmail: item.reviewerEmail, decision: { kind: 'revoke', justification: 'Left the team in January' }, now: NOW });
    const requested = database.select().from(revocations).where(eq(revocations.campaignItemId, item.id)).get();
    if (!requested) return expect.fail('the revoke decision creates a revocation request');
    const id = requested.id;
    const approver = item.reviewerEmail === 'jordan@example.com' ? 'admin@example.com' : 'jordan@example.com';
    expect(() => approveRevocation(database, { id, actor: item.reviewerEmail, now: NOW, requireFourEyes: true, comment: 'mine', evaluate: testEvaluate })).toThrow(/Four-eyes/);
    approveRevocation(database, { id, actor: approver, now: NOW, requireFourEyes: true, comment: 'Checked who else keeps the group', evaluate: testEvaluate });
    const plan = JSON.parse(rowOf(id)?.plan ?? 'null') as RevocationPlan;
    expect(plan.kind).toBe('identity-center');
    expect(plan.calls).toEqual([]);
    expect(plan.identityCenter?.kind).toBe('remove-from-group');
    expect(plan.identityCenter?.calls.map((call) => `${call.service} ${call.action}`)).toEqual(['identitystore DeleteGroupMembership']);
    expect(plan.identityCenter?.rollbackCalls.map((call) => call.action)).toEqual(['CreateGroupMembership']);
    expect(plan.identityCenter?.losing.map((person) => person.userId)).toEqual([item.personUserId]);
    expect(plan.identityCenter?.keeping.every((person) => person.userId !== item.personUserId)).toBe(true);
    expect(plan.identityCenter?.notes[0]).toMatch(new RegExp(`other member\\(s\\) of ${item.viaGroupName}`));

    expect(requestExecution(database, { id, actor: approver, now: NOW })).toEqual({ status: 'executing' });
    const [executed] = await worker();
    expect(executed).toMatchObject({ id, operation: 'execute', status: 'verified', error: null });
    const result = JSON.parse(rowOf(id)?.result ?? '{}') as RevocationResult;
    expect(result.identityCenterCalls?.map((outcome) => outcome.status)).toEqual(['succeeded']);
    expect(result.verification?.isVerified).toBe(true);
    // The same structure an offline import stores (db/queries/revocations/verify-offline): what was re-read, each step.
    expect(result.verification?.reread).toBe(`Identity Center ${plan.identityCenter?.instanceArn}, re-read live after the calls`);
    expect(result.verification?.steps).toEqual([{ change: `Remove ${item.personUserName} from ${item.viaGroupName} (DeleteGroupMembership)`, isConfirmed: true }]);

    database.update(revocations).set({ status: 'executing', result: JSON.stringify({ ...result, pending: 'execute', claim: null }) }).where(eq(revocations.id, id)).run();
    const [retried] = await worker();
    expect(retried.status).toBe('verified');
    expect((JSON.parse(rowOf(id)?.result ?? '{}') as RevocationResult).identityCenterCalls?.map((outcome) => outcome.status)).toEqual(['already-done']);

    expect(requestRollback(database, { id, actor: approver, now: NOW })).toEqual({ status: 'executing' });
    const [rolledBack] = await worker();
    expect(rolledBack).toMatchObject({ id, operation: 'rollback', status: 'rolled-back', error: null });
    expect(auditOf(id)).toEqual(expect.arrayContaining(['revocation.approved', 'revocation.execution-requested', 'revocation.executed', 'revocation.verified', 'revocation.rollback-requested', 'revocation.rolled-back']));
  });

  it('an admin revokes a direct assignment from the person page: DeleteAccountAssignment, polled, verified, rolled back with CreateAccountAssignment', async () => {
    const item = itemsOf(campaignId).find((candidate) => candidate.viaGroupId === null);
    if (!item) return expect.fail('the demo has a direct assignment');
    const { id } = requestAssignmentRevocation(database, { principalArn: item.principalArn, entitlementKey: item.entitlementKey, justification: 'Direct assignments are not allowed', actor: 'admin@example.com', now: NOW });
    expect(() => requestAssignmentRevocation(database, { principalArn: item.principalArn, entitlementKey: item.entitlementKey, justification: 'again', actor: 'admin@example.com', now: NOW })).toThrow(/already under way/);
    expect(rowOf(id)).toMatchObject({ status: 'requested', origin: 'admin' });
    approveRevocation(database, { id, actor: 'jordan@example.com', now: NOW, requireFourEyes: true, comment: 'Confirmed with the account owner', evaluate: testEvaluate });
    const plan = JSON.parse(rowOf(id)?.plan ?? 'null') as RevocationPlan;
    expect(plan.identityCenter?.calls.map((call) => call.action)).toEqual(['DeleteAccountAssignment', 'DescribeAccountAssignmentDeletionStatus']);
    expect(plan.identityCenter?.calls[0].input).toMatchObject({ TargetId: item.accountId, TargetType: 'AWS_ACCOUNT', PermissionSetArn: item.permissionSetArn, PrincipalType: 'USER', PrincipalId: item.personUserId });
    requestExecution(database, { id, actor: 'jordan@example.com', now: NOW });
    const [executed] = await worker();
    expect(executed).toMatchObject({ id, status: 'verified', error: null });
    requestRollback(database, { id, actor: 'jordan@example.com', now: NOW });
    const [rolledBack] = await worker();
    expect(rolledBack).toMatchObject({ id, status: 'rolled-back', error: null });
    expect(JSON.parse(rowOf(id)?.result ?? '{}')).toMatchObject({ identityCenterRollbackCalls: [{ call: { action: 'CreateAccountAssignment' }, status: 'succeeded' }, { call: { action: 'DescribeAccountAssignmentCreationStatus' }, status: 'succeeded' }] });
  });

  it('offline: the script removes the membership with aws identitystore, and the rollback script re-creates it', () => {
    const item = itemsOf(campaignId).find((candidate) => candidate.viaGroupId !== null && candidate.status === 'pending');
    if (!item) return expect.fail('a pending group assignment is left');
    database.update(accounts).set({ source: 'offline' }).where(eq(accounts.id, item.accountId)).run();
    const { id } = requestAssignmentRevocation(database, { principalArn: item.principalArn, entitlementKey: item.entitlementKey, justification: 'Offline organisation', actor: 'admin@example.com', now: NOW });
    approveRevocation(database, { id, actor: 'jordan@example.com', now: NOW, requireFourEyes: true, comment: 'Approved offline', evaluate: testEvaluate });
    expect(requestExecution(database, { id, actor: 'jordan@example.com', now: NOW })).toEqual({ status: 'awaiting-confirmation' });
    expect(rowOf(id)?.script ?? '').toMatch(/^aws identitystore delete-group-membership/m);
    expect(rowOf(id)?.script ?? '').not.toMatch(/aws iam /);
    expect(requestRollback(database, { id, actor: 'jordan@example.com', now: NOW })).toEqual({ status: 'rolled-back' });
    expect(rowOf(id)?.script ?? '').toMatch(/^aws identitystore create-group-membership/m);
  });

  it('refuses to plan an assignment that is gone since the snapshot', () => {
    const item = itemsOf(campaignId).find((candidate) => candidate.viaGroupId === null);
    if (!item) return expect.fail('the demo has a direct assignment');
    const scanAssignments = database.select().from(identityCenterAssignments).where(and(eq(identityCenterAssignments.principalId, item.personUserId ?? ''), eq(identityCenterAssignments.accountId, item.accountId))).all();
    expect(scanAssignments.length).toBeGreaterThan(0);
    const gone = item.entitlementKey.replace(item.personUserId ?? '', '00000000-0000-0000-0000-000000000000');
    expect(() => requestAssignmentRevocation(database, { principalArn: item.principalArn, entitlementKey: gone, justification: 'x', actor: 'admin@example.com', now: NOW })).toThrow(/nothing to revoke|not assigned/);
  });
});
