import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../http/errors';
import { CAMPAIGN_CLOSE_ACTOR } from './close-behaviour';
import { planClose, type CloseFacts } from './plan-close';

const NOW = new Date('2026-04-01T00:00:00.000Z');
const UNDECIDED = [
  { id: 1, principalArn: 'arn:aws:iam::111122223333:role/etl', accountId: '111122223333', entitlementKey: 'k-1', version: 1 },
  { id: 2, principalArn: 'arn:aws:iam::444455556666:user/sam', accountId: '444455556666', entitlementKey: 'k-2', version: 4 },
];

function facts(closeBehaviour: 'report' | 'revoke', overrides: Partial<CloseFacts> = {}): CloseFacts {
  return { campaign: { id: 9, status: 'active', closeBehaviour, scanId: 5, name: 'Quarterly' }, undecided: UNDECIDED, actor: 'admin@example.com', now: NOW, reason: 'due-date', ...overrides };
}

describe('planClose', () => {
  it.each([
    ['an unknown campaign', facts('report', { campaign: undefined }), NotFoundError, 'No such campaign.'],
    ['a closed campaign', facts('report', { campaign: { id: 9, status: 'closed', closeBehaviour: 'report', scanId: 5, name: 'Quarterly' } }), ConflictError, 'This campaign is already closed.'],
  ] as const)('refuses %s', (_name, given, errorClass, message) => {
    expect(() => planClose(given)).toThrow(errorClass);
    expect(() => planClose(given)).toThrow(message);
  });

  it("'report' marks undecided items not certified and requests nothing", () => {
    const plan = planClose(facts('report'));
    expect(plan.notCertifiedItemIds).toEqual([1, 2]);
    expect(plan.revokedItems).toEqual([]);
    expect(plan.campaignUpdate).toEqual({ status: 'closed', closedAt: '2026-04-01T00:00:00.000Z' });
    expect(plan.audit.after).toEqual({ status: 'closed', reason: 'due-date', closeBehaviour: 'report', undecidedCount: 2, outcome: 'not-certified', revocationIds: [] });
    expect(plan.result).toEqual({ campaignId: 9, undecidedCount: 2, outcome: 'not-certified' });
  });

  it("'revoke' records a system decision, revokes each item and requests its revocation (origin campaign-close)", () => {
    const plan = planClose(facts('revoke'));
    const justification = 'Undecided when campaign "Quarterly" closed; the campaign revokes undecided items.';
    expect(plan.notCertifiedItemIds).toEqual([]);
    expect(plan.revokedItems).toHaveLength(2);
    expect(plan.revokedItems[1]).toEqual({
      decision: { itemId: 2, campaignId: 9, kind: 'revoke', justification, decidedBy: CAMPAIGN_CLOSE_ACTOR, decidedAt: '2026-04-01T00:00:00.000Z', scanId: 5 },
      itemUpdate: { itemId: 2, set: { status: 'revoked', version: 5 } },
      revocationRequest: { origin: 'campaign-close', campaignItemId: 2, principalArn: 'arn:aws:iam::444455556666:user/sam', accountId: '444455556666', entitlementKey: 'k-2', justification, requestedBy: 'admin@example.com', now: NOW, plan: null },
    });
    expect(plan.result.outcome).toBe('revoked');
  });

  it('nothing undecided still closes the campaign', () => {
    const plan = planClose(facts('revoke', { undecided: [], reason: 'manual' }));
    expect(plan.revokedItems).toEqual([]);
    expect(plan.audit.after).toMatchObject({ reason: 'manual', undecidedCount: 0, outcome: 'revoked' });
  });
});
