import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../http/errors';
import { planDecision, type DecisionFacts, type DecisionItemFacts } from './plan-decision';

const NOW = new Date('2026-03-10T12:00:00.000Z');

const ITEM: DecisionItemFacts = {
  id: 7,
  campaignId: 3,
  campaignName: 'Q1 Bedrock review',
  campaignStatus: 'active',
  scanId: 11,
  principalArn: 'arn:aws:iam::111122223333:user/dana',
  principalName: 'dana',
  principalType: 'user',
  accountId: '111122223333',
  entitlementKey: 'k-1',
  status: 'pending',
  keepUntil: null,
  version: 2,
};

function facts(overrides: Partial<DecisionFacts> = {}, item: Partial<DecisionItemFacts> = {}): DecisionFacts {
  return {
    item: { ...ITEM, ...item },
    expectedVersion: 2,
    reviewerEmail: 'Owner@Example.com',
    decision: { kind: 'attest', justification: 'Runs the support chatbot.' },
    now: NOW,
    lastDecision: null,
    ...overrides,
  };
}

const UNUSED = { rows: [], hasCloudTrail: true, windowDays: 90 };
const USED = { rows: [{ action: 'bedrock:InvokeModel', callerKind: 'iam-user' as const, callerName: 'dana', callerUserId: '', calls: 4, deniedCalls: 0, lastCallAt: '2026-03-01T00:00:00Z' }], hasCloudTrail: true, windowDays: 90 };

describe('planDecision refuses', () => {
  const cases: Array<[string, DecisionFacts, typeof NotFoundError | typeof ConflictError | typeof ValidationError, string | RegExp]> = [
    ['another reviewer\'s item (not found)', facts({ item: undefined }), NotFoundError, 'No such item in your reviews.'],
    ['a closed campaign', facts({}, { campaignStatus: 'closed' }), ConflictError, 'This campaign is closed: its decisions can no longer change.'],
    ['a stale version, naming who decided', facts({ expectedVersion: 1, lastDecision: { decidedBy: 'lee@example.com', decidedAt: '2026-03-09T10:00:00.000Z' } }), ConflictError, 'This item was decided by lee@example.com at 2026-03-09T10:00:00.000Z; reload to see it.'],
    ['a stale version nobody decided', facts({ expectedVersion: 3 }), ConflictError, 'This item was changed by someone else; reload to see it.'],
    ['a delegation to oneself', facts({ decision: { kind: 'delegate', delegateTo: ' OWNER@example.com ', note: 'x' }, delegate: { email: 'owner@example.com', role: 'owner' } }), ValidationError, 'Delegate to someone else: the item is already yours.'],
    ['a delegation to an unknown or inactive user', facts({ decision: { kind: 'delegate', delegateTo: 'ghost@example.com', note: 'x' }, delegate: undefined }), ValidationError, 'ghost@example.com is not an active owner or admin.'],
    ['a delegation to an auditor', facts({ decision: { kind: 'delegate', delegateTo: 'audit@example.com', note: 'x' }, delegate: { email: 'audit@example.com', role: 'auditor' } }), ValidationError, 'audit@example.com is not an active owner or admin.'],
    ['a delegation to the principal itself (email tag)', facts({ decision: { kind: 'delegate', delegateTo: 'dana.smith@example.com', note: 'x' }, delegate: { email: 'dana.smith@example.com', role: 'owner' }, context: { principalEmailTag: 'dana.smith@example.com' } }), ValidationError, 'dana.smith@example.com cannot review their own access.'],
    ['a keep-until that is not a date', facts({ decision: { kind: 'attest', justification: 'ok', keepUntil: '10/03/2027' } }), ValidationError, 'Keep until must be a date (YYYY-MM-DD).'],
    ['a keep-until today', facts({ decision: { kind: 'attest', justification: 'ok', keepUntil: '2026-03-10' } }), ValidationError, 'Keep until must be a date in the future.'],
    ['an empty justification', facts({ decision: { kind: 'revoke', justification: '   ' } }), ValidationError, 'A justification is required.'],
    ['an empty delegation note', facts({ decision: { kind: 'delegate', delegateTo: 'lee@example.com', note: ' ' }, delegate: { email: 'lee@example.com', role: 'owner' } }), ValidationError, 'A note is required.'],
    ['keeping unused access with a one-word reason', facts({ decision: { kind: 'attest', justification: 'needed' }, usage: UNUSED, context: { actions: ['bedrock:InvokeModel'] } }), ValidationError, /shows no Bedrock use in 90 days/],
  ];
  it.each(cases)('%s', (_name, given, errorClass, message) => {
    expect(() => planDecision(given)).toThrow(errorClass);
    expect(() => planDecision(given)).toThrow(message);
  });
});

describe('planDecision plans', () => {
  it('an attest with keep-until: decision row, compare-and-set on the caller and version, audit with id placeholders', () => {
    const plan = planDecision(facts({ decision: { kind: 'attest', justification: '  Runs the support chatbot.  ', keepUntil: '2026-06-30' } }));
    expect(plan.decision).toEqual({ itemId: 7, campaignId: 3, kind: 'attest', justification: 'Runs the support chatbot.', keepUntil: '2026-06-30', delegateTo: null, decidedBy: 'owner@example.com', decidedAt: '2026-03-10T12:00:00.000Z', scanId: 11 });
    expect(plan.itemUpdate).toEqual({ set: { status: 'attested', keepUntil: '2026-06-30', version: 3 }, where: { itemId: 7, expectedVersion: 2, reviewerEmail: 'owner@example.com' } });
    expect(plan.revocationRequest).toBeNull();
    expect(plan.withdrawal).toBeNull();
    expect(plan.notifications).toEqual([]);
    expect(plan.audit.action).toBe('campaign-item.attest');
    expect(plan.audit.before).toEqual({ status: 'pending', keepUntil: null, reviewerEmail: 'owner@example.com', version: 2 });
    expect(Object.keys(plan.audit.after)).toEqual(['campaignId', 'entitlementKey', 'decisionId', 'status', 'justification', 'keepUntil', 'delegateTo', 'scanId', 'version', 'revocationId', 'withdrawnRevocations']);
    expect(plan.result).toEqual({ itemId: 7, status: 'attested', version: 3, reviewerEmail: 'owner@example.com', emails: [] });
  });

  it('keeping used access needs no long reason', () => {
    expect(planDecision(facts({ decision: { kind: 'attest', justification: 'needed' }, usage: USED, context: { actions: ['bedrock:InvokeModel'] } })).result.status).toBe('attested');
  });

  it('unknown usage (no CloudTrail read) is not "unused"', () => {
    expect(planDecision(facts({ decision: { kind: 'attest', justification: 'needed' }, usage: { ...UNUSED, hasCloudTrail: false }, context: { actions: ['bedrock:InvokeModel'] } })).result.status).toBe('attested');
  });

  it('a revoke requests the revocation once, with origin decision and no plan yet', () => {
    const plan = planDecision(facts({ decision: { kind: 'revoke', justification: 'Left the team.' } }));
    expect(plan.itemUpdate.set).toEqual({ status: 'revoked', keepUntil: null, version: 3 });
    expect(plan.revocationRequest).toEqual({ origin: 'decision', campaignItemId: 7, principalArn: ITEM.principalArn, accountId: ITEM.accountId, entitlementKey: 'k-1', justification: 'Left the team.', requestedBy: 'owner@example.com', now: NOW, plan: null });
    expect(planDecision(facts({ decision: { kind: 'revoke', justification: 'Still gone.' } }, { status: 'revoked' })).revocationRequest).toBeNull();
  });

  it('an attest of a revoked item withdraws its request', () => {
    const plan = planDecision(facts({ decision: { kind: 'attest', justification: 'Changed my mind.' } }, { status: 'revoked' }));
    expect(plan.withdrawal).toEqual({ campaignItemId: 7, status: 'rejected', error: 'Withdrawn: the reviewer changed the decision to attest (2026-03-10T12:00:00.000Z).' });
  });

  it('a delegation keeps status and keep-until, moves the item to the delegate, notifies and emails them', () => {
    const plan = planDecision(facts({ decision: { kind: 'delegate', delegateTo: ' Lee@Example.com ', note: 'You own the chatbot.' }, delegate: { email: 'lee@example.com', role: 'owner' }, context: { principalEmailTag: null } }, { keepUntil: '2026-12-31' }));
    expect(plan.itemUpdate.set).toEqual({ status: 'pending', keepUntil: '2026-12-31', version: 3, reviewerEmail: 'lee@example.com', reviewerReason: 'delegated' });
    const message = 'owner@example.com delegated the review of dana (111122223333) in "Q1 Bedrock review" to you: You own the chatbot.';
    expect(plan.notifications).toEqual([{ userEmail: 'lee@example.com', kind: 'delegated', message, link: '/inbox', createdAt: '2026-03-10T12:00:00.000Z' }]);
    expect(plan.emails).toEqual([{ to: 'lee@example.com', subject: 'Access review delegated to you: dana', text: `${message}\n\nOpen My reviews: /inbox` }]);
    expect(plan.result.reviewerEmail).toBe('lee@example.com');
  });
});
