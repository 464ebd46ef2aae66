import { describe, expect, it } from 'vitest';
import type { AttributableConflict } from '../analysis/sod/attribute-conflict';
import { recommendationForItem, splitItemConflicts } from './item-conflicts';

const critical = { ruleId: 'SOD-GOVERN-INVOKE', severity: 'critical' as const, title: 'Can change invocation logging or guardrails and invoke models' };
const high = { ruleId: 'SOD-CUSTOMIZE-INVOKE', severity: 'high' as const, title: 'Can shape a model and invoke it' };
const stored: AttributableConflict[] = [
  { ...critical, sideA: [{ actions: ['bedrock:PutModelInvocationLoggingConfiguration'] }], sideB: [{ actions: ['bedrock:InvokeModel'] }] },
  { ...high, sideA: [{ actions: ['bedrock:CreateModelCustomizationJob'] }], sideB: [{ actions: ['bedrock:InvokeModel'] }] },
];

describe('splitItemConflicts', () => {
  it('a read-only entitlement no longer carries the principal critical conflict', () => {
    const result = splitItemConflicts({ conflicts: [critical, high], actions: ['bedrock:ListFoundationModels'] }, stored);
    expect(result).toEqual({ own: [], otherCount: 2 });
  });

  it('the entitlement that grants a side keeps the conflict, with its side', () => {
    const result = splitItemConflicts({ conflicts: [critical, high], actions: ['bedrock:PutModelInvocationLoggingConfiguration'] }, stored);
    expect(result.own).toEqual([{ ...critical, participation: 'side-a' }]);
    expect(result.otherCount).toBe(1);
  });

  it('keeps a conflict whose sides are not stored, marked unknown, rather than hiding it', () => {
    const result = splitItemConflicts({ conflicts: [critical], actions: ['bedrock:ListFoundationModels'] }, undefined);
    expect(result.own).toEqual([{ ...critical, participation: 'unknown' }]);
    const emptySides = splitItemConflicts({ conflicts: [critical], actions: ['bedrock:ListFoundationModels'] }, [{ ...critical, sideA: [], sideB: [] }]);
    expect(emptySides.own[0].participation).toBe('unknown');
  });
});

describe('recommendationForItem', () => {
  const lookCloser = { decision: 'review' as const, reason: 'The principal has 2 separation-of-duties conflict(s).' };

  it('recommends keeping a read-only entitlement whose principal conflicts through other grants', () => {
    const split = splitItemConflicts({ conflicts: [critical, high], actions: ['bedrock:ListFoundationModels'] }, stored);
    expect(recommendationForItem(lookCloser, split)).toEqual({ decision: 'attest', reason: "No separation-of-duties conflict of its own: the principal's 2 conflicts come from its other grants." });
  });

  it('keeps "look closer" on the entitlement that takes part, and when sides are unknown', () => {
    expect(recommendationForItem(lookCloser, splitItemConflicts({ conflicts: [critical], actions: ['bedrock:InvokeModel'] }, stored))).toBe(lookCloser);
    expect(recommendationForItem(lookCloser, splitItemConflicts({ conflicts: [critical], actions: ['bedrock:ListFoundationModels'] }, undefined))).toBe(lookCloser);
  });

  it('never softens a revoke recommendation', () => {
    const revoke = { decision: 'revoke' as const, reason: 'No Bedrock use in the last 90 days.' };
    expect(recommendationForItem(revoke, splitItemConflicts({ conflicts: [critical], actions: ['bedrock:ListFoundationModels'] }, stored))).toBe(revoke);
  });
});
