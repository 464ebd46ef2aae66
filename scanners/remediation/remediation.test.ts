import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../../db/client';
import { requestExecution, requestRollback, computePlan } from '../../db/queries/revocations/commands';
import { accounts, auditLog, policies, policyDocuments, principals, revocations, scans } from '../../db/schema';
import { createTestDatabase } from '../../db/test-database';
import { entitlementKey } from '../../lib/analysis/entitlements';
import type { PrincipalFacts } from '../../lib/analysis/types';
import { parseAppConfig } from '../../lib/config/schema';
import { testEvaluate } from '../../lib/revocations/test-support/evaluator';
import { storeActionNames } from '../../db/queries/test-support/action-lists';
import type { PrincipalState, RevocationResult } from '../../lib/revocations/types';
import { startLocalAws, type LocalAwsHandle } from '../local-aws/start-local-aws';
import { createRevocationIamClient } from './iam-client';
import { processPendingRevocations } from './process-pending';
import { readPrincipalState } from './read-principal-state';

/**
 * Against the local AWS endpoint with the demo organisation. The demo accounts have no role named
 * BedrockAccessReviewRemediation; the endpoint does not enforce permissions, so the tests assume
 * `security/BedrockAccessReviewReadOnly` (trusted by the scanner identity) as the "remediation role".
 */
const ACCOUNT = '185920374618';
const REMEDIATION_ROLE = 'security/BedrockAccessReviewReadOnly';
const config = parseAppConfig({ revocations: { remediationRoleName: REMEDIATION_ROLE } });
const credentials = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' };

let aws: LocalAwsHandle;
let database: AppDatabase;

const client = () => createRevocationIamClient({ accountId: ACCOUNT, remediationRoleName: REMEDIATION_ROLE, endpoint: aws.url, credentials });
const options = () => ({ createIamClient: () => client(), evaluate: testEvaluate });

function toFacts(state: PrincipalState): PrincipalFacts {
  const base = { arn: state.principalArn, id: state.principalName, name: state.principalName, path: '/', accountId: ACCOUNT, createDate: '2024-01-01T00:00:00Z', inlinePolicies: state.inlinePolicies, attachedManagedPolicyArns: state.attachedManagedPolicyArns, permissionsBoundaryArn: state.permissionsBoundaryArn, tags: {} };
  return state.principalType === 'user'
    ? { ...base, type: 'user', groupNames: state.groupNames, credentials: null }
    : { ...base, type: 'role', trustPolicy: {}, lastUsedDate: null, lastUsedRegion: null, permissionSetName: null, isServiceLinked: false };
}

/** Publishes a one-account snapshot of the given principals, read live from the endpoint. */
async function publishSnapshot(targets: Array<{ type: 'user' | 'role'; name: string; arn: string }>): Promise<number> {
  const iam = await client();
  const scanId = database.insert(scans).values({ status: 'complete', source: 'live', trigger: 'cli', queuedAt: '2030-01-01T00:00:00Z', finishedAt: '2030-01-01T00:01:00Z', isPublished: true }).returning({ id: scans.id }).get().id;
  for (const target of targets) {
    const state = await readPrincipalState(iam, { principalType: target.type, principalName: target.name, principalArn: target.arn, accountId: ACCOUNT });
    const facts = toFacts(state);
    const groups = state.groups.map((group) => ({ ...group, id: group.name, path: '/' }));
    database.insert(principals).values({ scanId, accountId: ACCOUNT, arn: target.arn, type: target.type, name: target.name, path: '/', hasBedrock: true, facts: JSON.stringify({ principal: facts, groups }), analysis: '{}', actionsHash: storeActionNames(database, []) }).run();
    for (const policy of state.managedPolicies) {
      const hash = createHash('sha256').update(policy.document).digest('hex');
      database.insert(policyDocuments).values({ hash, document: policy.document }).onConflictDoNothing().run();
      database.insert(policies).values({ scanId, accountId: ACCOUNT, arn: policy.arn, name: policy.name, isAwsManaged: policy.arn.includes(':aws:policy/'), defaultVersionId: policy.defaultVersionId, documentHash: hash }).onConflictDoNothing().run();
    }
  }
  iam.destroy();
  return scanId;
}

function insertApproved(principalArn: string, key: string): number {
  const plan = computePlan(database, { principalArn, entitlementKey: key, evaluate: testEvaluate });
  return database
    .insert(revocations)
    .values({ status: 'approved', origin: 'admin', principalArn, accountId: ACCOUNT, entitlementKey: key, mode: 'live', justification: 'test', requestedBy: 'a@example.com', requestedAt: '2030-01-02T00:00:00Z', approvedBy: 'b@example.com', plan: JSON.stringify(plan) })
    .returning({ id: revocations.id })
    .get().id;
}

const row = (id: number) => database.select().from(revocations).where(eq(revocations.id, id)).get()!;
const resultOf = (id: number) => JSON.parse(row(id).result ?? '{}') as RevocationResult;
const userDetail = (name: string) => aws.state.account(ACCOUNT).user(name);
const roleDetail = (name: string) => aws.state.account(ACCOUNT).role(name);

const managed = (arn: string, name: string, via: string | null = null) => entitlementKey(arn, { policyKind: 'managed', policyArn: `arn:aws:iam::aws:policy/${name}`, policyName: name, isAwsManaged: true, attachedVia: via ? 'group' : 'direct', groupName: via });

const TRANSLATION = { type: 'user' as const, name: 'svc-translation', arn: `arn:aws:iam::${ACCOUNT}:user/service-accounts/svc-translation` };
const INVOKER = { type: 'role' as const, name: 'public-demo-invoker', arn: `arn:aws:iam::${ACCOUNT}:role/public-demo-invoker` };
const TARA = { type: 'user' as const, name: 'tara.rossi', arn: `arn:aws:iam::${ACCOUNT}:user/people/tara.rossi` };
const ADMIN = { type: 'role' as const, name: 'OrganizationAccountAccessRole', arn: `arn:aws:iam::${ACCOUNT}:role/OrganizationAccountAccessRole` };

beforeAll(async () => {
  aws = await startLocalAws({ dataDir: 'demo/org', port: 0, baseIdentityArn: 'arn:aws:iam::318274650192:role/access-review-scanner' });
});
afterAll(async () => {
  await aws.stop();
});

beforeEach(async () => {
  await aws.stop();
  aws = await startLocalAws({ dataDir: 'demo/org', port: 0, baseIdentityArn: 'arn:aws:iam::318274650192:role/access-review-scanner' });
  database = createTestDatabase();
  database.insert(accounts).values({ id: ACCOUNT, name: 'sandbox', source: 'live', updatedAt: '2030-01-01T00:00:00Z' }).run();
  await publishSnapshot([TRANSLATION, INVOKER, TARA, ADMIN]);
});

describe('live revocations against the local AWS endpoint', () => {
  it('detach: executes through the remediation role, verifies, rolls back exactly', async () => {
    const id = insertApproved(TRANSLATION.arn, managed(TRANSLATION.arn, 'AmazonBedrockFullAccess'));
    expect(requestExecution(database, { id, actor: 'b@example.com', now: new Date() }).status).toBe('executing');
    const [outcome] = await processPendingRevocations(database, config, options());
    expect(outcome).toMatchObject({ id, status: 'verified' });
    expect(userDetail('svc-translation').AttachedManagedPolicies ?? []).toEqual([]);
    expect(aws.callLog.some((call) => call.action === 'AssumeRole' && String(call.params.RoleArn).endsWith(`role/${REMEDIATION_ROLE}`))).toBe(true);
    const before = JSON.parse(row(id).beforeState ?? '{}') as PrincipalState;
    expect(before.source).toBe('live');
    expect(before.attachedManagedPolicyArns).toEqual(['arn:aws:iam::aws:policy/AmazonBedrockFullAccess']);

    requestRollback(database, { id, actor: 'b@example.com', now: new Date() });
    const [rolledBack] = await processPendingRevocations(database, config, options());
    expect(rolledBack.status).toBe('rolled-back');
    expect(userDetail('svc-translation').AttachedManagedPolicies?.map((policy) => policy.PolicyArn)).toEqual(['arn:aws:iam::aws:policy/AmazonBedrockFullAccess']);
    const actions = database.select({ action: auditLog.action }).from(auditLog).all().map((entry) => entry.action);
    expect(actions).toEqual(['revocation.execution-requested', 'revocation.executed', 'revocation.verified', 'revocation.rollback-requested', 'revocation.rolled-back']);
  });

  it('delete inline: deletes, and rollback re-puts the same document', async () => {
    const original = JSON.stringify(roleDetail('public-demo-invoker').RolePolicyList);
    const key = entitlementKey(INVOKER.arn, { policyKind: 'inline', policyArn: null, policyName: 'invoke-any-model', isAwsManaged: false, attachedVia: 'direct', groupName: null });
    const id = insertApproved(INVOKER.arn, key);
    requestExecution(database, { id, actor: 'b@example.com', now: new Date() });
    expect((await processPendingRevocations(database, config, options()))[0].status).toBe('verified');
    expect(roleDetail('public-demo-invoker').RolePolicyList ?? []).toEqual([]);
    requestRollback(database, { id, actor: 'b@example.com', now: new Date() });
    await processPendingRevocations(database, config, options());
    expect(JSON.parse(JSON.stringify(roleDetail('public-demo-invoker').RolePolicyList))).toEqual(JSON.parse(original));
  });

  it('remove from group: the group and its other member are unchanged; rollback re-adds', async () => {
    const id = insertApproved(TARA.arn, managed(TARA.arn, 'AmazonBedrockFullAccess', 'hackers'));
    expect(JSON.parse(row(id).plan ?? '{}').kind).toBe('remove-from-group');
    requestExecution(database, { id, actor: 'b@example.com', now: new Date() });
    expect((await processPendingRevocations(database, config, options()))[0].status).toBe('verified');
    expect(userDetail('tara.rossi').GroupList ?? []).toEqual([]);
    expect(userDetail('hackathon-shared').GroupList).toEqual(['hackers']);
    requestRollback(database, { id, actor: 'b@example.com', now: new Date() });
    await processPendingRevocations(database, config, options());
    expect(userDetail('tara.rossi').GroupList).toEqual(['hackers']);
  });

  it('explicit deny on AdministratorAccess: the policy stays, the deny is added and removed by rollback', async () => {
    const id = insertApproved(ADMIN.arn, managed(ADMIN.arn, 'AdministratorAccess'));
    requestExecution(database, { id, actor: 'b@example.com', now: new Date() });
    expect((await processPendingRevocations(database, config, options()))[0].status).toBe('verified');
    const role = roleDetail('OrganizationAccountAccessRole');
    expect(role.AttachedManagedPolicies?.map((policy) => policy.PolicyName)).toEqual(['AdministratorAccess']);
    expect(role.RolePolicyList?.map((policy) => policy.PolicyName)).toEqual([expect.stringMatching(/^BedrockAccessReview-Deny-/)]);
    requestRollback(database, { id, actor: 'b@example.com', now: new Date() });
    await processPendingRevocations(database, config, options());
    expect(roleDetail('OrganizationAccountAccessRole').RolePolicyList ?? []).toEqual([]);
  });

  it('is idempotent: executing twice changes nothing the second time', async () => {
    const id = insertApproved(TRANSLATION.arn, managed(TRANSLATION.arn, 'AmazonBedrockFullAccess'));
    requestExecution(database, { id, actor: 'b@example.com', now: new Date() });
    await processPendingRevocations(database, config, options());
    database.update(revocations).set({ status: 'failed' }).where(eq(revocations.id, id)).run();
    requestExecution(database, { id, actor: 'b@example.com', now: new Date() });
    const [second] = await processPendingRevocations(database, config, options());
    expect(second.status).toBe('verified');
    expect(resultOf(id).calls.map((outcome) => outcome.status)).toEqual(['already-done']);
    expect(row(id).attempts).toBe(2);
    // The before-state stays the first attempt's, so rollback still restores the original.
    expect((JSON.parse(row(id).beforeState ?? '{}') as PrincipalState).attachedManagedPolicyArns).toHaveLength(1);
  });

  it('a refused call leaves a clear failed state; rollback restores what was done', async () => {
    // A hand-made two-call plan (deny + delete inline) to fail in the middle.
    const key = entitlementKey(INVOKER.arn, { policyKind: 'inline', policyArn: null, policyName: 'invoke-any-model', isAwsManaged: false, attachedVia: 'direct', groupName: null });
    const id = insertApproved(INVOKER.arn, key);
    const plan = JSON.parse(row(id).plan ?? '{}');
    plan.calls = [{ action: 'PutRolePolicy', principalType: 'role', principalName: 'public-demo-invoker', policyName: 'BedrockAccessReview-Deny-test', policyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'bedrock:*', Resource: '*' }] }) }, ...plan.calls];
    database.update(revocations).set({ plan: JSON.stringify(plan) }).where(eq(revocations.id, id)).run();
    aws.setFaults({ failCallNumber: { action: 'DeleteRolePolicy', nth: 1, error: 'AccessDenied' } });
    requestExecution(database, { id, actor: 'b@example.com', now: new Date() });
    const [failed] = await processPendingRevocations(database, config, options());
    expect(failed.status).toBe('failed');
    expect(row(id).error).toContain('DeleteRolePolicy failed');
    expect(row(id).error).toContain('Done before it: PutRolePolicy');
    expect(resultOf(id).calls.map((outcome) => outcome.status)).toEqual(['succeeded', 'failed']);
    aws.setFaults({});
    requestRollback(database, { id, actor: 'b@example.com', now: new Date() });
    expect((await processPendingRevocations(database, config, options()))[0].status).toBe('rolled-back');
    expect(roleDetail('public-demo-invoker').RolePolicyList?.map((policy) => policy.PolicyName)).toEqual(['invoke-any-model']);
  });

  it('queues a live scan after verifying and after rolling back, so the dashboards catch up', async () => {
    const liveConfig = parseAppConfig({ scan: { schedule: null, live: { managementAccountId: '210987654321', readOnlyRoleName: 'security/BedrockAccessReviewReadOnly' } }, revocations: { remediationRoleName: REMEDIATION_ROLE } });
    const queuedScans = () => database.select().from(scans).where(eq(scans.status, 'queued')).all();
    const id = insertApproved(TRANSLATION.arn, managed(TRANSLATION.arn, 'AmazonBedrockFullAccess'));
    requestExecution(database, { id, actor: 'b@example.com', now: new Date() });
    const [verified] = await processPendingRevocations(database, liveConfig, options());
    expect(verified.status).toBe('verified');
    expect(queuedScans().map((scan) => [scan.id, scan.source, scan.requestedBy])).toEqual([[verified.followUpScanId, 'live', `revocation #${id}`]]);

    // The worker ran that scan meanwhile; the rollback queues the next one.
    database.update(scans).set({ status: 'complete', isPublished: true, finishedAt: new Date().toISOString() }).where(eq(scans.id, verified.followUpScanId ?? -1)).run();
    requestRollback(database, { id, actor: 'b@example.com', now: new Date() });
    const [rolledBack] = await processPendingRevocations(database, liveConfig, options());
    expect(rolledBack.status).toBe('rolled-back');
    expect(rolledBack.followUpScanId).not.toBe(verified.followUpScanId);
    expect(queuedScans().map((scan) => scan.id)).toEqual([rolledBack.followUpScanId]);
  });

  it('queues no scan when nothing changed in IAM and the revocation failed', async () => {
    const liveConfig = parseAppConfig({ scan: { schedule: null, live: { managementAccountId: '210987654321', readOnlyRoleName: 'security/BedrockAccessReviewReadOnly' } }, revocations: { remediationRoleName: REMEDIATION_ROLE } });
    const id = insertApproved(TRANSLATION.arn, managed(TRANSLATION.arn, 'AmazonBedrockFullAccess'));
    aws.setFaults({ failCallNumber: { action: 'DetachUserPolicy', nth: 1, error: 'AccessDenied' } });
    requestExecution(database, { id, actor: 'b@example.com', now: new Date() });
    const [failed] = await processPendingRevocations(database, liveConfig, options());
    aws.setFaults({});
    expect(failed).toMatchObject({ status: 'failed', changedIam: false, followUpScanId: null });
    expect(database.select().from(scans).where(eq(scans.status, 'queued')).all()).toEqual([]);
  });

  it('IAM’s quotas hold at execution: an inline policy added after the snapshot makes the deny exceed RolePolicySize, and the failure says so', async () => {
    const id = insertApproved(ADMIN.arn, managed(ADMIN.arn, 'AdministratorAccess'));
    expect(JSON.parse(row(id).plan ?? '{}').kind).toBe('deny');
    // Someone adds a large inline policy between the snapshot and the execution.
    const filler = { Version: '2012-10-17', Statement: [{ Sid: 'S'.repeat(10_150), Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };
    roleDetail('OrganizationAccountAccessRole').RolePolicyList = [...(roleDetail('OrganizationAccountAccessRole').RolePolicyList ?? []), { PolicyName: 'late-addition', PolicyDocument: filler }];
    requestExecution(database, { id, actor: 'b@example.com', now: new Date() });
    const [outcome] = await processPendingRevocations(database, config, options());
    expect(outcome.status).toBe('failed');
    expect(row(id).error).toContain('Cannot exceed quota for RolePolicySize: 10240');
    expect(resultOf(id).calls.map((call) => call.status)).toEqual(['failed']);
  });

  it('a rollback that would exceed the managed-policy quota is not attempted and fails with the number', async () => {
    const id = insertApproved(TRANSLATION.arn, managed(TRANSLATION.arn, 'AmazonBedrockFullAccess'));
    requestExecution(database, { id, actor: 'b@example.com', now: new Date() });
    expect((await processPendingRevocations(database, config, options()))[0].status).toBe('verified');
    // Meanwhile ten other policies were attached to the user.
    const others = [...aws.state.managedPolicyCatalog.keys()].filter((arn) => !arn.endsWith('/AmazonBedrockFullAccess')).slice(0, 10);
    userDetail('svc-translation').AttachedManagedPolicies = others.map((arn) => ({ PolicyName: aws.state.account(ACCOUNT).attachablePolicy(arn, aws.state.managedPolicyCatalog).PolicyName, PolicyArn: arn }));
    requestRollback(database, { id, actor: 'b@example.com', now: new Date() });
    const [rolledBack] = await processPendingRevocations(database, config, options());
    expect(rolledBack.status).toBe('failed');
    expect(row(id).error).toContain('The user would have 11 managed policies attached; IAM allows 10 (LimitExceeded).');
    expect(resultOf(id).rollbackCalls.map((outcome) => `${outcome.call.action}:${outcome.status}`)).toEqual(['AttachUserPolicy:not-run']);
    expect(aws.callLog.some((call) => call.action === 'AttachUserPolicy')).toBe(false);
  });

  it('verification fails with the reason when the access is still there', async () => {
    const id = insertApproved(TRANSLATION.arn, managed(TRANSLATION.arn, 'AmazonBedrockFullAccess'));
    const plan = JSON.parse(row(id).plan ?? '{}');
    plan.calls = [];
    database.update(revocations).set({ plan: JSON.stringify(plan) }).where(eq(revocations.id, id)).run();
    requestExecution(database, { id, actor: 'b@example.com', now: new Date() });
    const [outcome] = await processPendingRevocations(database, config, options());
    expect(outcome.status).toBe('failed');
    expect(row(id).error).toContain('AmazonBedrockFullAccess still grants');
  });
});
