import { beforeEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../client';
import { principals, revocations, scans, type RevocationStatus } from '../../schema';
import { storeActionNames } from '../test-support/action-lists';
import { createTestDatabase } from '../../test-database';
import { entitlementKey } from '../../../lib/analysis/entitlements';
import type { RevocationPlan } from '../../../lib/revocations/types';
import { describeEntitlementKey, listRevocationsOfPrincipal } from './for-principal';

const ACCOUNT = '185920374618';
const TARA = `arn:aws:iam::${ACCOUNT}:user/people/tara.rossi`;
const OTHER = `arn:aws:iam::${ACCOUNT}:role/genai-app-backend`;
const FULL_ACCESS = entitlementKey(TARA, { policyKind: 'managed', policyArn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess', policyName: 'AmazonBedrockFullAccess', isAwsManaged: true, attachedVia: 'direct', groupName: null });
const VIA_GROUP = entitlementKey(TARA, { policyKind: 'managed', policyArn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess', policyName: 'AmazonBedrockFullAccess', isAwsManaged: true, attachedVia: 'group', groupName: 'hackers' });
const INLINE = entitlementKey(TARA, { policyKind: 'inline', policyArn: null, policyName: 'invoke-any-model', isAwsManaged: false, attachedVia: 'direct', groupName: null });
const ADMIN = { role: 'admin' as const, email: 'admin@example.com' };

let database: AppDatabase;

function insertRevocation(principalArn: string, key: string, status: RevocationStatus, extra: { plan?: Partial<RevocationPlan>; verifiedAt?: string; executedAt?: string } = {}): number {
  return database
    .insert(revocations)
    .values({
      status,
      origin: 'decision',
      principalArn,
      accountId: ACCOUNT,
      entitlementKey: key,
      mode: 'live',
      justification: 'left the team',
      requestedBy: 'maya@example.com',
      requestedAt: '2030-01-02T00:00:00Z',
      plan: extra.plan ? JSON.stringify(extra.plan) : null,
      verifiedAt: extra.verifiedAt ?? null,
      executedAt: extra.executedAt ?? null,
    })
    .returning({ id: revocations.id })
    .get().id;
}

beforeEach(() => {
  database = createTestDatabase();
  // Owner scoping goes through the principals of any snapshot: tara is maya's.
  const scanId = database.insert(scans).values({ status: 'complete', source: 'live', trigger: 'cli', queuedAt: '2030-01-01T00:00:00Z', finishedAt: '2030-01-01T00:01:00Z', isPublished: true }).returning({ id: scans.id }).get().id;
  database.insert(principals).values({ scanId, accountId: ACCOUNT, arn: TARA, type: 'user', name: 'tara.rossi', path: '/people/', ownerEmail: 'maya@example.com', hasBedrock: true, facts: '{}', analysis: '{}', actionsHash: storeActionNames(database, []) }).run();
  database.insert(principals).values({ scanId, accountId: ACCOUNT, arn: OTHER, type: 'role', name: 'genai-app-backend', path: '/', ownerEmail: 'liam@example.com', hasBedrock: true, facts: '{}', analysis: '{}', actionsHash: storeActionNames(database, []) }).run();
});

describe('listRevocationsOfPrincipal', () => {
  it("groups the principal's revocations by grant, newest first, and leaves other principals' out", () => {
    const first = insertRevocation(TARA, FULL_ACCESS, 'rolled-back', { executedAt: '2030-01-03T00:00:00Z', verifiedAt: '2030-01-03T00:01:00Z' });
    const second = insertRevocation(TARA, FULL_ACCESS, 'verified', { executedAt: '2030-01-04T00:00:00Z', verifiedAt: '2030-01-04T00:01:00Z' });
    const inline = insertRevocation(TARA, INLINE, 'executing');
    insertRevocation(OTHER, entitlementKey(OTHER, { policyKind: 'inline', policyArn: null, policyName: 'x', isAwsManaged: false, attachedVia: 'direct', groupName: null }), 'requested');

    const byKey = listRevocationsOfPrincipal(database, TARA, ADMIN);
    expect([...byKey.keys()].sort()).toEqual([FULL_ACCESS, INLINE].sort());
    expect(byKey.get(FULL_ACCESS)?.map((revocation) => [revocation.id, revocation.status])).toEqual([
      [second, 'verified'],
      [first, 'rolled-back'],
    ]);
    expect(byKey.get(FULL_ACCESS)?.[0]).toMatchObject({ grantLabel: 'AmazonBedrockFullAccess, attached directly', effectiveAt: '2030-01-04T00:01:00Z' });
    // Not run yet: no time it took effect.
    expect(byKey.get(INLINE)).toEqual([{ id: inline, status: 'executing', entitlementKey: INLINE, grantLabel: 'invoke-any-model, attached directly', requestedAt: '2030-01-02T00:00:00Z', executedAt: null, effectiveAt: null }]);
  });

  it('owners see the revocations of their own principals only; auditors see all', () => {
    insertRevocation(TARA, FULL_ACCESS, 'verified');
    expect(listRevocationsOfPrincipal(database, TARA, { role: 'owner', email: 'maya@example.com' }).size).toBe(1);
    expect(listRevocationsOfPrincipal(database, TARA, { role: 'owner', email: 'liam@example.com' }).size).toBe(0);
    expect(listRevocationsOfPrincipal(database, TARA, { role: 'auditor', email: 'ciso@example.com' }).size).toBe(1);
  });

  it('is empty for a principal nobody asked to revoke', () => {
    insertRevocation(OTHER, FULL_ACCESS.replace(TARA, OTHER), 'requested');
    expect(listRevocationsOfPrincipal(database, TARA, ADMIN).size).toBe(0);
  });
});

describe('describeEntitlementKey', () => {
  it('names the policy and the attachment from the key when there is no plan yet', () => {
    expect(describeEntitlementKey(FULL_ACCESS, null)).toBe('AmazonBedrockFullAccess, attached directly');
    expect(describeEntitlementKey(VIA_GROUP, null)).toBe('AmazonBedrockFullAccess, via group hackers');
    expect(describeEntitlementKey(INLINE, null)).toBe('invoke-any-model, attached directly');
  });

  it("prefers the plan's path", () => {
    const path = { policyKind: 'managed', policyArn: 'arn:aws:iam::123456789012:policy/team/BedrockInvokeApprovedModels', policyName: 'BedrockInvokeApprovedModels', isAwsManaged: false, attachedVia: 'group', groupName: 'ml-platform' } as const;
    expect(describeEntitlementKey('ignored', { path } as RevocationPlan)).toBe('BedrockInvokeApprovedModels, via group ml-platform');
  });
});
