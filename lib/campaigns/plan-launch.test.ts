import { describe, expect, it } from 'vitest';
import { FULL_ACCESS_ATTACHED_DIRECTLY } from '../analysis/test-support/entitlement-paths';
import { tiersToMask } from '../analysis/tier-mask';
import { ValidationError } from '../http/errors';
import type { CampaignItemContext } from './item-context';
import { planLaunch, type LaunchEntitlementFacts, type LaunchFacts } from './plan-launch';
import { EMPTY_SCOPE } from './scope';

const NOW = new Date('2026-02-01T09:00:00.000Z');

function entitlement(principalId: number, name: string, overrides: Partial<LaunchEntitlementFacts> = {}): LaunchEntitlementFacts {
  return {
    entitlementKey: `${name}|AmazonBedrockFullAccess`,
    ...FULL_ACCESS_ATTACHED_DIRECTLY,
    tiersMask: tiersToMask(['invoke']),
    actions: ['bedrock:InvokeModel'],
    isConditional: false,
    principalId,
    principalArn: `arn:aws:iam::111122223333:user/${name}`,
    principalName: name,
    principalType: 'user',
    principalPath: '/',
    permissionSetName: null,
    accountId: '111122223333',
    ownerEmail: null,
    score: 40,
    conflictCount: 0,
    lastUsedAt: null,
    ...overrides,
  };
}

function facts(overrides: Partial<LaunchFacts> = {}): LaunchFacts {
  return {
    request: { name: 'Q1', kind: 'standard', scope: EMPTY_SCOPE, dueInDays: 14, closeBehaviour: 'report', launchedBy: 'admin@example.com', fallbackReviewers: ['security@example.com'], now: NOW },
    scan: { id: 5, status: 'complete', isPublished: true },
    entitlements: [entitlement(1, 'alice', { ownerEmail: 'owner@example.com' }), entitlement(2, 'bob', { score: 90, accountId: '444455556666', principalArn: 'arn:aws:iam::444455556666:user/bob' }), entitlement(3, 'carol', { ownerEmail: 'owner@example.com' })],
    details: new Map([[2, { principal: { type: 'user', tags: { Email: 'bob@example.com' }, credentials: { hasConsolePassword: true } }, recommendations: [] }]]),
    conflicts: new Map([[3, [{ ruleId: 'sod-1', severity: 'high', title: 'Invoke and admin' }]]]),
    accountOwners: new Map([['444455556666', 'bob@example.com']]),
    mappings: [],
    ...overrides,
  };
}

describe('planLaunch', () => {
  it.each([
    ['no published snapshot', facts({ scan: undefined })],
    ['an unpublished snapshot', facts({ scan: { id: 5, status: 'complete', isPublished: false } })],
    ['nothing in scope', facts({ request: { ...facts().request, scope: { ...EMPTY_SCOPE, minScore: 99 } } })],
  ])('refuses %s', (_name, given) => {
    expect(() => planLaunch(given)).toThrow(ValidationError);
  });

  it('freezes every in-scope entitlement with its reviewer, peers, conflicts and dates; one notification and email per reviewer', () => {
    const plan = planLaunch(facts());
    expect(plan.campaign).toEqual({ definitionId: null, name: 'Q1', kind: 'standard', scope: JSON.stringify(EMPTY_SCOPE), closeBehaviour: 'report', status: 'active', scanId: 5, isPartialSnapshot: false, launchedAt: '2026-02-01T09:00:00.000Z', dueAt: plan.campaign.dueAt, launchedBy: 'admin@example.com' });
    expect(plan.items.map((item) => [item.principalName, item.reviewerEmail, item.reviewerReason])).toEqual([
      ['alice', 'owner@example.com', 'owner-tag'],
      // bob's account owner is bob himself: the fallback reviews him instead.
      ['bob', 'security@example.com', 'fallback'],
      ['carol', 'owner@example.com', 'owner-tag'],
    ]);
    const alice = JSON.parse(plan.items[0].context) as CampaignItemContext;
    const bob = JSON.parse(plan.items[1].context) as CampaignItemContext;
    const carol = JSON.parse(plan.items[2].context) as CampaignItemContext;
    expect(alice.peerCount).toBe(1); // carol holds the same policy in the same account; bob is in another
    expect(bob.peerCount).toBe(0);
    expect(bob.principalEmailTag).toBe('bob@example.com');
    expect(bob.selfReviewAvoided).toBe('bob@example.com');
    expect(carol.conflicts).toEqual([{ ruleId: 'sod-1', severity: 'high', title: 'Invoke and admin' }]);
    expect(alice.tiers).toEqual(['invoke']);
    expect(plan.result.reviewerCounts).toEqual({ 'owner@example.com': 2, 'security@example.com': 1 });
    const due = plan.campaign.dueAt.slice(0, 10);
    expect(plan.notifications).toContainEqual({ userEmail: 'owner@example.com', kind: 'campaign-launched', message: `2 Bedrock entitlements to review in "Q1", due ${due}.`, link: '/inbox', createdAt: '2026-02-01T09:00:00.000Z' });
    expect(plan.emails).toContainEqual({ to: 'security@example.com', subject: 'Access review: Q1', text: `1 Bedrock entitlement to review in "Q1", due ${due}.\n\nOpen My reviews: /inbox` });
    expect(plan.audit.after).toMatchObject({ itemCount: 3, scanId: 5, isPartialSnapshot: false });
  });

  it('a micro-certification takes only its keys, each with why it is there; a partial snapshot is flagged', () => {
    const change = { kind: 'new' as const, addedActions: ['bedrock:InvokeModel'], previousItemId: null };
    const plan = planLaunch(facts({ scan: { id: 6, status: 'partial', isPublished: true }, request: { ...facts().request, kind: 'micro', onlyEntitlements: new Map([['carol|AmazonBedrockFullAccess', change]]) } }));
    expect(plan.items.map((item) => item.principalName)).toEqual(['carol']);
    expect((JSON.parse(plan.items[0].context) as CampaignItemContext).change).toEqual(change);
    expect(plan.campaign.isPartialSnapshot).toBe(true);
    // Peers still count the whole snapshot, not only the scope.
    expect((JSON.parse(plan.items[0].context) as CampaignItemContext).peerCount).toBe(1);
  });
});
