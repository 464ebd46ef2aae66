import { describe, expect, it } from 'vitest';
import { tiersToMask } from '../analysis/tier-mask';
import { campaignScopeSchema, describeScope, EMPTY_SCOPE, matchesScope, type ScopeCandidate } from './scope';

const candidate: ScopeCandidate = { accountId: '111111111111', principalType: 'role', score: 50, tiersMask: tiersToMask(['invoke', 'read']), conflictCount: 0 };

describe('matchesScope', () => {
  const cases: { name: string; scope: Partial<typeof EMPTY_SCOPE>; expected: boolean }[] = [
    { name: 'empty scope matches everything', scope: {}, expected: true },
    { name: 'account listed', scope: { accountIds: ['111111111111'] }, expected: true },
    { name: 'account not listed', scope: { accountIds: ['222222222222'] }, expected: false },
    { name: 'tier held', scope: { tiers: ['invoke', 'govern'] }, expected: true },
    { name: 'tier not held', scope: { tiers: ['govern'] }, expected: false },
    { name: 'score at threshold', scope: { minScore: 50 }, expected: true },
    { name: 'score below threshold', scope: { minScore: 51 }, expected: false },
    { name: 'type matches', scope: { principalTypes: ['role'] }, expected: true },
    { name: 'type differs', scope: { principalTypes: ['user'] }, expected: false },
    { name: 'only conflicts, none', scope: { onlyWithConflicts: true }, expected: false },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => expect(matchesScope(candidate, { ...EMPTY_SCOPE, ...testCase.scope })).toBe(testCase.expected));
  }
  it('only conflicts with a conflict', () => expect(matchesScope({ ...candidate, conflictCount: 2 }, { ...EMPTY_SCOPE, onlyWithConflicts: true })).toBe(true));
});

describe('campaignScopeSchema', () => {
  it('fills defaults and rejects bad account ids', () => {
    expect(campaignScopeSchema.parse({})).toEqual(EMPTY_SCOPE);
    expect(campaignScopeSchema.safeParse({ accountIds: ['123'] }).success).toBe(false);
    expect(campaignScopeSchema.safeParse({ tiers: ['nope'] }).success).toBe(false);
  });
  it('describes a scope in words', () => {
    expect(describeScope({ ...EMPTY_SCOPE, tiers: ['govern'], minScore: 40, onlyWithConflicts: true })).toBe('all accounts; tiers govern; score at least 40; only principals with SoD conflicts');
  });
});
