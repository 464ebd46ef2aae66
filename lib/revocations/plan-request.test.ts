import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../http/errors';
import { planRevocationRequest, type RevocationRequestFacts } from './plan-request';
import { entitlementKey } from '../analysis/entitlements';
import { planRevocation } from './plan-revocation';
import { testEvaluate } from './test-support/evaluator';
import { ACCOUNT, role, slice } from './test-support/fixtures';

const NOW = new Date('2026-05-02T08:30:00.000Z');
// Real plans from the revocation planner: AdministratorAccess attached directly gets a Deny (PutRolePolicy).
const admin = role('ops-admin', { managed: ['AdministratorAccess'] });
const adminKey = entitlementKey(admin.arn, { policyKind: 'managed', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess', policyName: 'AdministratorAccess', isAwsManaged: true, attachedVia: 'direct', groupName: null });
const PLAN = planRevocation({ slice: slice(admin), entitlementKey: adminKey, evaluate: testEvaluate });
const REFUSED = { ...PLAN, kind: 'refused' as const, reason: 'The principal is protected.', calls: [] };

function facts(overrides: Partial<RevocationRequestFacts> = {}): RevocationRequestFacts {
  return {
    origin: 'admin',
    campaignItemId: null,
    principalArn: admin.arn,
    accountId: ACCOUNT,
    entitlementKey: adminKey,
    accountSource: 'live',
    justification: '  Left the company.  ',
    requestedBy: 'admin@example.com',
    now: NOW,
    plan: PLAN,
    openRevocationId: null,
    ...overrides,
  };
}

describe('planRevocationRequest', () => {
  it.each([
    ['live account', 'live', 'live'],
    ['offline account', 'offline', 'offline'],
    ['account row gone', undefined, 'live'],
  ] as const)('mode from the account source: %s', (_name, accountSource, mode) => {
    expect(planRevocationRequest(facts({ accountSource })).row.mode).toBe(mode);
    expect(planRevocationRequest(facts({ accountSource, origin: 'decision', campaignItemId: 4, plan: null })).row.mode).toBe(mode);
  });

  it('an admin request: trimmed justification, the plan frozen on the row, its own audit entry', () => {
    const planned = planRevocationRequest(facts());
    expect(planned.row).toEqual({ status: 'requested', origin: 'admin', campaignItemId: null, principalArn: admin.arn, accountId: ACCOUNT, entitlementKey: adminKey, mode: 'live', justification: 'Left the company.', requestedBy: 'admin@example.com', requestedAt: '2026-05-02T08:30:00.000Z', plan: JSON.stringify(PLAN) });
    expect(planned.audit).toEqual({ actor: 'admin@example.com', action: 'revocation.requested', after: { entitlementKey: adminKey, justification: 'Left the company.', planKind: 'deny', calls: ['PutRolePolicy'] } });
  });

  it.each([
    ['an empty justification', facts({ justification: '  ' }), ValidationError, 'A justification is required.'],
    ['a refused plan', facts({ plan: REFUSED }), ValidationError, 'The principal is protected.'],
    ['an open request of the same entitlement', facts({ openRevocationId: 12 }), ConflictError, 'Revocation #12 for this entitlement is already under way.'],
  ] as const)('refuses an admin request with %s', (_name, given, errorClass, message) => {
    expect(() => planRevocationRequest(given)).toThrow(errorClass);
    expect(() => planRevocationRequest(given)).toThrow(message);
  });

  it('campaign requests are planned at approval, audited by their decision or close, and not held back by an open request', () => {
    for (const origin of ['decision', 'campaign-close'] as const) {
      const planned = planRevocationRequest(facts({ origin, campaignItemId: 4, plan: null, openRevocationId: 12, justification: 'Undecided at close.' }));
      expect(planned.row).toMatchObject({ origin, campaignItemId: 4, plan: null, justification: 'Undecided at close.', status: 'requested' });
      expect(planned.audit).toBeNull();
    }
  });
});
