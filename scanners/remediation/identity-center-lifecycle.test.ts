import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../db/client';
import { approveRevocation, computePlan, requestExecution, requestRevocation, requestRollback } from '../../db/queries/revocations/commands';
import { accounts, auditLog, entitlements, principals, revocations } from '../../db/schema';
import { testEvaluate } from '../../lib/revocations/test-support/evaluator';
import type { RevocationPlan, RevocationResult } from '../../lib/revocations/types';
import type { LocalAwsHandle } from '../local-aws/start-local-aws';
import { NOW, readRevocationRow, runRemediationWorker, startDemoRemediation } from './test-support/demo-remediation';

/**
 * A role-level revoke on an `AWSReservedSSO_*` role, end to end at the db/queries + worker level:
 * planned at Identity Center through the `planIdentityCenter` hook, approved by a second admin,
 * executed by the worker through the remediation identity against the local endpoint, verified by
 * re-reading Identity Center, retried, rolled back, audited.
 */
const ACCOUNT = '641829374651';

let aws: LocalAwsHandle;
let database: AppDatabase;
let roleArn: string;
let key: string;

const worker = () => runRemediationWorker(database, aws);
const rowOf = (id: number) => readRevocationRow(database, id);
const LIMITED = 'arn:aws:iam::aws:policy/AmazonBedrockLimitedAccess';
/** The managed policies IAM shows on the set's role in an account (what provisioning wrote). */
const roleManaged = (accountId: string) =>
  (aws.state.account(accountId).details.RoleDetailList.find((role) => role.RoleName.startsWith('AWSReservedSSO_BedrockDeveloper_'))?.AttachedManagedPolicies ?? []).map((policy) => policy.PolicyArn);

beforeAll(async () => {
  const demo = await startDemoRemediation();
  ({ aws, database } = demo);
  const scanId = demo.scanId;
  roleArn = database.select({ arn: principals.arn }).from(principals).where(and(eq(principals.scanId, scanId), eq(principals.accountId, ACCOUNT), like(principals.name, 'AWSReservedSSO_BedrockDeveloper_%'))).get()?.arn ?? '';
  key = database.select({ key: entitlements.entitlementKey }).from(entitlements).innerJoin(principals, eq(principals.id, entitlements.principalId)).where(and(eq(principals.arn, roleArn), like(entitlements.entitlementKey, '%AmazonBedrockLimitedAccess%'))).get()?.key ?? '';
}, 120_000);
afterAll(async () => aws.stop());

describe('revoking on an AWSReservedSSO_* role plans, executes and rolls back at Identity Center', () => {
  it('plans the permission-set change with every account and person it reaches, and no IAM call', () => {
    expect(roleArn).toMatch(/:role\/aws-reserved\/sso\.amazonaws\.com\/.*AWSReservedSSO_BedrockDeveloper_/);
    expect(key).not.toBe('');
    const plan = computePlan(database, { principalArn: roleArn, entitlementKey: key, evaluate: testEvaluate });
    expect(plan.kind).toBe('identity-center');
    expect(plan.calls).toEqual([]);
    expect(plan.refusal).toBeNull();
    const ic = plan.identityCenter;
    // AmazonBedrockLimitedAccess grants Bedrock and its companions only: detached from the set.
    expect(ic?.kind).toBe('permission-set-detach');
    expect(ic?.calls.map((call) => call.action)).toEqual(['DetachManagedPolicyFromPermissionSet', 'ProvisionPermissionSet', 'DescribePermissionSetProvisioningStatus']);
    expect(ic?.rollbackCalls.map((call) => call.action)).toEqual(['AttachManagedPolicyToPermissionSet', 'ProvisionPermissionSet']);
    expect(ic?.accountIds).toContain(ACCOUNT);
    expect(ic?.losing.map((person) => person.userName)).toContain('kenji.mori@northwind.example');
    expect(ic?.losing.find((person) => person.userName === 'kenji.mori@northwind.example')?.accountIds).toContain(ACCOUNT);
    // The engine on the role as it will be provisioned: the entitlement's actions are gone.
    expect(plan.after.isEntitlementGone).toBe(true);
    expect(plan.lostActions.length).toBeGreaterThan(0);
  });

  it('request -> four-eyes approval -> worker executes and verifies -> retry is idempotent -> rollback restores', async () => {
    database.update(accounts).set({ source: 'live' }).where(eq(accounts.id, ACCOUNT)).run();
    const { id } = requestRevocation(database, { principalArn: roleArn, entitlementKey: key, justification: 'Fine-tuning is not allowed for developers', actor: 'admin@example.com', now: NOW, evaluate: testEvaluate });
    expect(() => approveRevocation(database, { id, actor: 'admin@example.com', now: NOW, requireFourEyes: true, comment: 'ok', evaluate: testEvaluate })).toThrow(/Four-eyes/);
    approveRevocation(database, { id, actor: 'jordan@example.com', now: NOW, requireFourEyes: true, comment: 'Checked the people list', evaluate: testEvaluate });
    expect(requestExecution(database, { id, actor: 'jordan@example.com', now: NOW })).toEqual({ status: 'executing' });

    const [executed] = await worker();
    expect(executed).toMatchObject({ id, operation: 'execute', status: 'verified', error: null, changedIam: true });
    const plan = JSON.parse(rowOf(id)?.plan ?? 'null') as RevocationPlan;
    const result = JSON.parse(rowOf(id)?.result ?? '{}') as RevocationResult;
    expect(result.identityCenterCalls?.map((outcome) => outcome.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(result.verification?.isVerified).toBe(true);
    for (const accountId of plan.identityCenter?.accountIds ?? []) if (accountId === ACCOUNT) expect(roleManaged(accountId)).not.toContain(LIMITED);

    // A retry of the same change finds the policy already detached and provisions again.
    database.update(revocations).set({ status: 'executing', result: JSON.stringify({ ...result, pending: 'execute', claim: null }) }).where(eq(revocations.id, id)).run();
    const [retried] = await worker();
    expect(retried.status).toBe('verified');
    expect((JSON.parse(rowOf(id)?.result ?? '{}') as RevocationResult).identityCenterCalls?.map((outcome) => outcome.status)).toEqual(['already-done', 'succeeded', 'succeeded']);

    expect(requestRollback(database, { id, actor: 'jordan@example.com', now: NOW })).toEqual({ status: 'executing' });
    const [rolledBack] = await worker();
    expect(rolledBack).toMatchObject({ id, operation: 'rollback', status: 'rolled-back', error: null });
    expect(roleManaged(ACCOUNT)).toContain(LIMITED);
    expect(computePlan(database, { principalArn: roleArn, entitlementKey: key, evaluate: testEvaluate }).identityCenter?.kind).toBe('permission-set-detach');

    const actions = database.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.objectType, 'revocation'), eq(auditLog.objectId, String(id)))).all().map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['revocation.requested', 'revocation.approved', 'revocation.execution-requested', 'revocation.executed', 'revocation.verified', 'revocation.rollback-requested', 'revocation.rolled-back']));
  });

  it('offline accounts get the aws sso-admin script and wait for the next import', () => {
    database.update(accounts).set({ source: 'offline' }).where(eq(accounts.id, ACCOUNT)).run();
    const { id } = requestRevocation(database, { principalArn: roleArn, entitlementKey: key, justification: 'Offline organisation', actor: 'admin@example.com', now: NOW, evaluate: testEvaluate });
    approveRevocation(database, { id, actor: 'jordan@example.com', now: NOW, requireFourEyes: true, comment: 'Approved offline', evaluate: testEvaluate });
    expect(requestExecution(database, { id, actor: 'jordan@example.com', now: NOW })).toEqual({ status: 'awaiting-confirmation' });
    const script = rowOf(id)?.script ?? '';
    expect(script).toContain('aws sso-admin detach-managed-policy-from-permission-set');
    expect(script).toContain('aws sso-admin provision-permission-set');
    expect(script).toContain("--target-type 'ALL_PROVISIONED_ACCOUNTS'");
    expect(script).not.toMatch(/aws iam /);
    expect(requestRollback(database, { id, actor: 'jordan@example.com', now: NOW })).toEqual({ status: 'rolled-back' });
    expect(rowOf(id)?.script ?? '').toMatch(/^aws sso-admin attach-managed-policy-to-permission-set/m);
  });

  it('keeps the clear refusal for a service-linked role', () => {
    const slr = database.select({ arn: principals.arn }).from(principals).where(like(principals.arn, '%:role/aws-service-role/%')).get();
    const slrKey = slr ? database.select({ key: entitlements.entitlementKey }).from(entitlements).innerJoin(principals, eq(principals.id, entitlements.principalId)).where(eq(principals.arn, slr.arn)).get()?.key : undefined;
    if (!slr || !slrKey) return expect.fail('the demo has a service-linked role with a Bedrock entitlement');
    const plan = computePlan(database, { principalArn: slr.arn, entitlementKey: slrKey, evaluate: testEvaluate });
    expect(plan.kind).toBe('refused');
    expect(plan.identityCenter ?? null).toBeNull();
    expect(plan.reason).toMatch(/service-linked/);
  });
});
