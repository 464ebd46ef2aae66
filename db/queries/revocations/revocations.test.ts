import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { accounts, auditLog, entitlements, principals, revocations, scanAccounts, scans } from '../../schema';
import { createTestDatabase } from '../../test-database';
import { entitlementKey } from '../../../lib/analysis/entitlements';
import { testEvaluate } from '../../../lib/revocations/test-support/evaluator';
import { ACCOUNT, group, user } from '../../../lib/revocations/test-support/fixtures';
import { approveRevocation, rejectRevocation, requestExecution, requestRevocation, requestRollback } from './commands';
import { getRevocationDetail, getRevocationScript, listRevocations } from './list';
import { loadPrincipalSlice } from './load-principal-slice';
import { verifyOfflineRevocations } from './verify-offline';
import { claimNextRevocation } from './worker';
import { insertAwsManagedPolicy } from './test-support/publish-fixture';
import { storeActionNames } from '../test-support/action-lists';

const NOW = new Date('2030-01-05T10:00:00Z');
const tara = user('tara.rossi', { managed: ['AmazonBedrockFullAccess'], groups: ['hackers'] });
const shared = user('hackathon-shared', { groups: ['hackers'] });
const hackers = group('hackers', { managed: ['AmazonBedrockFullAccess'] });
const KEY = entitlementKey(tara.arn, { policyKind: 'managed', policyArn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess', policyName: 'AmazonBedrockFullAccess', isAwsManaged: true, attachedVia: 'direct', groupName: null });

let database: AppDatabase;

function publish(source: 'live' | 'offline', taraFacts = tara, analysisActions: string[] = ['bedrock:InvokeModel']): number {
  const scanId = database.insert(scans).values({ status: 'complete', source, trigger: 'cli', queuedAt: NOW.toISOString(), finishedAt: NOW.toISOString(), isPublished: true }).returning({ id: scans.id }).get().id;
  database.insert(scanAccounts).values({ scanId, accountId: ACCOUNT, status: 'ok' }).run();
  for (const principal of [taraFacts, shared]) {
    const id = database
      .insert(principals)
      .values({ scanId, accountId: ACCOUNT, arn: principal.arn, type: 'user', name: principal.name, path: '/', ownerEmail: principal === shared ? null : 'tara@example.com', hasBedrock: true, facts: JSON.stringify({ principal, groups: [hackers] }), analysis: '{}', actionsHash: storeActionNames(database, principal === shared ? [] : analysisActions) })
      .returning({ id: principals.id })
      .get().id;
    if (principal !== shared && principal.attachedManagedPolicyArns.length > 0) {
      database.insert(entitlements).values({ scanId, principalId: id, entitlementKey: KEY, policyKind: 'managed', policyArn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess', policyName: 'AmazonBedrockFullAccess', isAwsManaged: true, attachedVia: 'direct', tiersMask: 1, actionsHash: storeActionNames(database, ['bedrock:InvokeModel']), actionCount: 1, isConditional: false }).run();
    }
  }
  insertAwsManagedPolicy(database, scanId, 'AmazonBedrockFullAccess');
  return scanId;
}

beforeEach(() => {
  database = createTestDatabase();
});

describe('revocation queries', () => {
  it('loads the slice with policy documents and the other group members', () => {
    database.insert(accounts).values({ id: ACCOUNT, name: 'sandbox', source: 'live', updatedAt: NOW.toISOString() }).run();
    publish('live');
    const loaded = loadPrincipalSlice(database, { principalArn: tara.arn });
    expect(loaded?.slice.managedPolicies.map((policy) => policy.name)).toEqual(['AmazonBedrockFullAccess']);
    expect(loaded?.slice.groupMembers.hackers.map((member) => member.name).sort()).toEqual(['hackathon-shared', 'tara.rossi']);
  });

  it('admin request is planned and audited; duplicates refused; four-eyes enforced', () => {
    database.insert(accounts).values({ id: ACCOUNT, name: 'sandbox', source: 'live', updatedAt: NOW.toISOString() }).run();
    publish('live');
    const { id } = requestRevocation(database, { principalArn: tara.arn, entitlementKey: KEY, justification: 'left the team', actor: 'admin@example.com', now: NOW, evaluate: testEvaluate });
    const row = database.select().from(revocations).where(eq(revocations.id, id)).get();
    expect(row).toMatchObject({ status: 'requested', origin: 'admin', mode: 'live' });
    expect(JSON.parse(row?.plan ?? '{}').kind).toBe('detach');
    expect(() => requestRevocation(database, { principalArn: tara.arn, entitlementKey: KEY, justification: 'again', actor: 'admin@example.com', now: NOW, evaluate: testEvaluate })).toThrow(/already under way/);
    expect(() => approveRevocation(database, { id, actor: 'admin@example.com', now: NOW, requireFourEyes: true, comment: 'mine', evaluate: testEvaluate })).toThrow(/Four-eyes/);
    approveRevocation(database, { id, actor: 'second@example.com', now: NOW, requireFourEyes: true, comment: 'checked with the owner', evaluate: testEvaluate });
    expect(requestExecution(database, { id, actor: 'second@example.com', now: NOW })).toEqual({ status: 'executing' });
    expect(claimNextRevocation(database, { pid: 1, now: NOW })?.id).toBe(id);
    expect(claimNextRevocation(database, { pid: 2, now: NOW })).toBeNull();
    expect(database.select({ action: auditLog.action }).from(auditLog).all().map((entry) => entry.action)).toEqual(['revocation.requested', 'revocation.approved', 'revocation.execution-requested']);
  });

  it('rejects only open revocations', () => {
    database.insert(accounts).values({ id: ACCOUNT, name: 'sandbox', source: 'live', updatedAt: NOW.toISOString() }).run();
    publish('live');
    const { id } = requestRevocation(database, { principalArn: tara.arn, entitlementKey: KEY, justification: 'x', actor: 'a@example.com', now: NOW, evaluate: testEvaluate });
    rejectRevocation(database, { id, actor: 'a@example.com', now: NOW, reason: 'no' });
    expect(() => requestExecution(database, { id, actor: 'a@example.com', now: NOW })).toThrow(/cannot be executed/);
  });

  it('offline: execution renders the script; the next import verifies when the access is gone', () => {
    database.insert(accounts).values({ id: ACCOUNT, name: 'sandbox', source: 'offline', updatedAt: NOW.toISOString() }).run();
    publish('offline');
    const { id } = requestRevocation(database, { principalArn: tara.arn, entitlementKey: KEY, justification: 'x', actor: 'a@example.com', now: NOW, evaluate: testEvaluate });
    approveRevocation(database, { id, actor: 'a@example.com', now: NOW, requireFourEyes: false, comment: 'single-admin installation', evaluate: testEvaluate });
    // Producing the script changes nothing in AWS yet: it awaits confirmation by the next import.
    expect(requestExecution(database, { id, actor: 'a@example.com', now: NOW })).toEqual({ status: 'awaiting-confirmation' });
    expect(database.select().from(revocations).where(eq(revocations.id, id)).get()?.status).toBe('awaiting-confirmation');
    const script = getRevocationScript(database, id, { role: 'auditor', email: 'auditor@example.com' });
    expect(script).toContain("aws iam detach-user-policy --user-name 'tara.rossi'");
    expect(script).toContain('#   aws iam attach-user-policy');

    const unchanged = publish('offline');
    expect(verifyOfflineRevocations(database, unchanged, NOW).stillGranted).toEqual([id]);
    const notApplied = database.select().from(revocations).where(eq(revocations.id, id)).get();
    expect(notApplied?.status).toBe('not-applied');
    expect(notApplied?.error).toMatch(/^Not applied: the import of scan #\d+ still shows/);
    const fixed = publish('offline', { ...tara, attachedManagedPolicyArns: [] }, []);
    expect(verifyOfflineRevocations(database, fixed, NOW).verified).toEqual([id]);
    expect(database.select().from(revocations).where(eq(revocations.id, id)).get()?.status).toBe('verified');
    expect(database.select({ action: auditLog.action }).from(auditLog).all().map((entry) => entry.action).slice(-3)).toEqual(['revocation.script-generated', 'revocation.not-applied', 'revocation.verified']);

    expect(requestRollback(database, { id, actor: 'a@example.com', now: NOW })).toEqual({ status: 'rolled-back' });
    expect(getRevocationScript(database, id, { role: 'admin', email: 'a@example.com' })).toContain("aws iam attach-user-policy --user-name 'tara.rossi'");
  });

  it('offline: the import that decides stores its verification on the revocation, as the live worker does', () => {
    database.insert(accounts).values({ id: ACCOUNT, name: 'sandbox', source: 'offline', updatedAt: NOW.toISOString() }).run();
    publish('offline');
    const { id } = requestRevocation(database, { principalArn: tara.arn, entitlementKey: KEY, justification: 'x', actor: 'a@example.com', now: NOW, evaluate: testEvaluate });
    approveRevocation(database, { id, actor: 'a@example.com', now: NOW, requireFourEyes: false, comment: 'single-admin installation', evaluate: testEvaluate });
    requestExecution(database, { id, actor: 'a@example.com', now: NOW });
    const admin = { role: 'admin' as const, email: 'a@example.com' };
    expect(getRevocationDetail(database, id, admin)?.result.verification).toBeNull();

    const unchanged = publish('offline');
    const firstImport = new Date('2030-01-06T08:00:00Z');
    verifyOfflineRevocations(database, unchanged, firstImport);
    expect(getRevocationDetail(database, id, admin)?.result.verification).toEqual({
      isVerified: false,
      // tara keeps InvokeModel through the hackers group (the plan expects it): what remains is the entitlement itself.
      reason: 'The entitlement AmazonBedrockFullAccess is still there.',
      checkedAt: firstImport.toISOString(),
      remainingActions: [],
      reread: `account ${ACCOUNT} in the import of scan #${unchanged}`,
    });

    const fixed = publish('offline', { ...tara, attachedManagedPolicyArns: [] }, []);
    const secondImport = new Date('2030-01-07T08:00:00Z');
    verifyOfflineRevocations(database, fixed, secondImport);
    const detail = getRevocationDetail(database, id, admin);
    expect(detail?.status).toBe('verified');
    expect(detail?.result.verification).toEqual({
      isVerified: true,
      reason: 'The entitlement grants no Bedrock action any more.',
      checkedAt: secondImport.toISOString(),
      remainingActions: [],
      reread: `account ${ACCOUNT} in the import of scan #${fixed}`,
    });
  });

  it('owners see only revocations of their principals', () => {
    database.insert(accounts).values({ id: ACCOUNT, name: 'sandbox', source: 'live', updatedAt: NOW.toISOString() }).run();
    publish('live');
    const { id } = requestRevocation(database, { principalArn: tara.arn, entitlementKey: KEY, justification: 'x', actor: 'a@example.com', now: NOW, evaluate: testEvaluate });
    expect(listRevocations(database, { viewer: { role: 'owner', email: 'tara@example.com' }, page: 1, pageSize: 10 }).total).toBe(1);
    expect(listRevocations(database, { viewer: { role: 'owner', email: 'other@example.com' }, page: 1, pageSize: 10 }).total).toBe(0);
    expect(getRevocationDetail(database, id, { role: 'owner', email: 'other@example.com' })).toBeNull();
    expect(getRevocationDetail(database, id, { role: 'auditor', email: 'x@example.com' })?.timeline).toHaveLength(1);
    expect(listRevocations(database, { viewer: { role: 'admin', email: 'a@example.com' }, status: 'verified', page: 1, pageSize: 10 }).total).toBe(0);
  });
});
