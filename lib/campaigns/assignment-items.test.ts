import { describe, expect, it } from 'vitest';
import { tiersToMask } from '../analysis/tier-mask';
import { linkPeopleToRoles, type SsoRoleInput } from '../people/link-roles';
import type { IdentityCenterDirectory } from '../people/types';
import { assignAssignmentReviewer, assignmentKey, parseAssignmentKey, planAssignmentItems, type AssignmentFacts, type PersonFact, type RoleFact } from './assignment-items';
import { EMPTY_SCOPE } from './scope';
import { assignmentRowOf } from '../people/test-support/assignment-row';
import { DEV, DEVELOPER, DEVS, INSTANCE, JANE, ML, PEOPLE, PROD, RAJ, TEAMS, permissionSet } from '../people/test-support/identity-center-ids';

const READER = 'arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-9f8e7d6c5b4a3f2e';
const EMPTY = 'e498a4f8-20a1-7066-bbbb-0c1d2e3f4a5b';

const directory: IdentityCenterDirectory = {
  instanceArn: INSTANCE,
  identityStoreId: 'd-9067a1b2c3',
  users: PEOPLE,
  groups: [...TEAMS, { groupId: EMPTY, displayName: 'Contractors', description: null }],
  memberships: [
    { membershipId: 'a4b8c4d8-1021-70aa-0001-000000000001', groupId: DEVS, userId: JANE },
    { membershipId: 'a4b8c4d8-1021-70aa-0001-000000000002', groupId: ML, userId: JANE },
    { membershipId: 'a4b8c4d8-1021-70aa-0001-000000000003', groupId: DEVS, userId: RAJ },
  ],
  permissionSets: [permissionSet(DEVELOPER, 'BedrockDeveloper'), permissionSet(READER, 'BedrockReader')],
  assignments: [
    { accountId: PROD, permissionSetArn: DEVELOPER, principalType: 'GROUP', principalId: DEVS },
    { accountId: PROD, permissionSetArn: DEVELOPER, principalType: 'GROUP', principalId: ML },
    { accountId: PROD, permissionSetArn: DEVELOPER, principalType: 'USER', principalId: JANE },
    { accountId: DEV, permissionSetArn: READER, principalType: 'USER', principalId: RAJ },
    { accountId: DEV, permissionSetArn: DEVELOPER, principalType: 'GROUP', principalId: EMPTY },
  ],
};

const roleArn = (accountId: string, name: string) => `arn:aws:iam::${accountId}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_${name}_0123456789abcdef`;
const ssoRole = (accountId: string, name: string): SsoRoleInput => ({ arn: roleArn(accountId, name), accountId, name: `AWSReservedSSO_${name}_0123456789abcdef`, permissionSetName: name, attachedManagedPolicyArns: [], inlinePolicies: [], permissionsBoundaryArn: null });

const roleFact = (accountId: string, name: string, tiers: Parameters<typeof tiersToMask>[0], actions: string[], score: number): RoleFact => ({
  arn: roleArn(accountId, name),
  name: `AWSReservedSSO_${name}_0123456789abcdef`,
  accountId,
  score,
  tiersMask: tiersToMask(tiers),
  lastUsedAt: '2030-01-20T00:00:00Z',
  conflicts: [],
  recommendations: [],
  entitlements: [{ policyKind: 'managed', policyArn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess', policyName: 'AmazonBedrockFullAccess', tiersMask: tiersToMask(tiers), actions, isConditional: false }],
});

const person = (userId: string, userName: string, displayName: string): PersonFact => ({ userId, userName, displayName, email: userName, tiersMask: tiersToMask(['invoke']), score: 40, accountCount: 2, conflictCount: 0 });

function facts(): AssignmentFacts {
  const model = linkPeopleToRoles(directory, [ssoRole(PROD, 'BedrockDeveloper'), ssoRole(DEV, 'BedrockReader'), ssoRole(DEV, 'BedrockDeveloper')]);
  return {
    assignments: model.personAssignments.map(assignmentRowOf),
    people: new Map([
      [JANE, person(JANE, 'jane.doe@example.com', 'Jane Doe')],
      [RAJ, person(RAJ, 'raj.kumar@example.com', 'Raj Kumar')],
    ]),
    roles: new Map([
      [roleArn(PROD, 'BedrockDeveloper'), roleFact(PROD, 'BedrockDeveloper', ['invoke', 'customize'], ['bedrock:CreateModelCustomizationJob', 'bedrock:InvokeModel'], 62)],
      [roleArn(DEV, 'BedrockReader'), roleFact(DEV, 'BedrockReader', ['read'], ['bedrock:ListFoundationModels'], 12)],
      [roleArn(DEV, 'BedrockDeveloper'), roleFact(DEV, 'BedrockDeveloper', ['invoke'], ['bedrock:InvokeModel'], 30)],
    ]),
    groupMemberCounts: new Map([
      [DEVS, 2],
      [ML, 1],
      [EMPTY, 0],
    ]),
  };
}

const reviewers = { mappings: [], accountOwners: new Map([[PROD, 'prod-owner@example.com'], [DEV, 'dev-owner@example.com']]), fallbackReviewers: ['admin@example.com'] };
const NOW = new Date('2030-02-01T00:00:00Z');

describe('planAssignmentItems', () => {
  const items = planAssignmentItems(facts(), EMPTY_SCOPE, reviewers, NOW);
  const keys = items.map((item) => `${item.personUserName} ${item.permissionSetName} ${item.accountId} ${item.context.assignment.via}`);

  it('makes one item per (person, permission set, account, via): direct and each group apart, a person in several groups once per group', () => {
    expect(keys).toEqual([
      'jane.doe@example.com BedrockDeveloper 111122223333 direct',
      'jane.doe@example.com BedrockDeveloper 111122223333 group:Developers',
      'jane.doe@example.com BedrockDeveloper 111122223333 group:ML-Engineers',
      'raj.kumar@example.com BedrockDeveloper 111122223333 group:Developers',
      'raj.kumar@example.com BedrockReader 444455556666 direct',
    ]);
    expect(new Set(items.map((item) => item.entitlementKey)).size).toBe(items.length);
  });

  it('gives an assignment to an empty group no item: nobody reaches it', () => {
    expect(items.some((item) => item.viaGroupId === EMPTY)).toBe(false);
    expect(items.some((item) => item.accountId === DEV && item.permissionSetName === 'BedrockDeveloper')).toBe(false);
  });

  it("shows what the assignment grants in Bedrock terms (the role's tiers, score, actions) and the person's other access", () => {
    const jane = items.find((item) => item.personUserId === JANE && item.viaGroupId === ML);
    expect(jane?.principalArn).toBe(roleArn(PROD, 'BedrockDeveloper'));
    expect(jane?.principalType).toBe('person');
    expect(jane?.score).toBe(62);
    expect(jane?.context.tiers).toEqual(['invoke', 'customize']);
    expect(jane?.context.actions).toEqual(['bedrock:CreateModelCustomizationJob', 'bedrock:InvokeModel']);
    expect(jane?.context.grantPath).toMatchObject({ policyName: 'BedrockDeveloper', attachedVia: 'group', groupName: 'ML-Engineers' });
    expect(jane?.context.assignment).toMatchObject({ via: 'group:ML-Engineers', groupMemberCount: 1, roleName: 'AWSReservedSSO_BedrockDeveloper_0123456789abcdef', otherAccessCount: 2 });
    expect(jane?.context.assignment.otherAccess.map((other) => other.via).sort()).toEqual(['direct', 'group:Developers']);
    // Besides Jane, only Raj holds BedrockDeveloper in PROD.
    expect(jane?.context.peerCount).toBe(1);
    expect(jane?.context.principalEmailTag).toBe('jane.doe@example.com');
  });

  it('scopes by people, groups, permission sets, accounts, tiers and minimum score', () => {
    const scoped = (scope: Partial<typeof EMPTY_SCOPE>) => planAssignmentItems(facts(), { ...EMPTY_SCOPE, ...scope }, reviewers, NOW).map((item) => `${item.personUserName}|${item.context.assignment.via}|${item.accountId}`);
    expect(scoped({ people: ['RAJ.KUMAR@example.com'] })).toEqual(['raj.kumar@example.com|group:Developers|111122223333', 'raj.kumar@example.com|direct|444455556666']);
    expect(scoped({ people: [JANE], groups: ['ml-engineers'] })).toEqual(['jane.doe@example.com|group:ML-Engineers|111122223333']);
    expect(scoped({ permissionSets: ['BedrockReader'] })).toEqual(['raj.kumar@example.com|direct|444455556666']);
    expect(scoped({ accountIds: [DEV] })).toEqual(['raj.kumar@example.com|direct|444455556666']);
    expect(scoped({ tiers: ['customize'] })).toHaveLength(4);
    expect(scoped({ minScore: 50 })).toHaveLength(4);
    expect(scoped({ minScore: 90 })).toEqual([]);
  });

  it('round-trips the item key', () => {
    const item = items[1];
    expect(parseAssignmentKey(item.entitlementKey)).toEqual({ userId: JANE, accountId: PROD, permissionSetArn: DEVELOPER, viaGroupId: DEVS });
    expect(parseAssignmentKey(assignmentKey({ userId: RAJ, accountId: DEV, permissionSetArn: READER, viaGroupId: null }))).toEqual({ userId: RAJ, accountId: DEV, permissionSetArn: READER, viaGroupId: null });
    expect(parseAssignmentKey('arn:aws:iam::111122223333:role/x|managed|arn:aws:iam::aws:policy/AmazonBedrockFullAccess|direct')).toBeNull();
    expect(parseAssignmentKey('assignment|u|notanaccount|arn:x|direct')).toBeNull();
  });
});

describe('assignAssignmentReviewer', () => {
  const base = { id: 0, priority: 10, accountId: null, pathPrefix: null, namePattern: null, groupName: null, permissionSetName: null };
  const mappings = [
    { ...base, id: 1, priority: 30, groupName: 'Developers', ownerEmail: 'dev-lead@example.com' },
    { ...base, id: 2, priority: 10, permissionSetName: 'bedrockdeveloper', ownerEmail: 'platform@example.com' },
    { ...base, id: 3, priority: 5, pathPrefix: '/ml/', ownerEmail: 'iam-path@example.com' },
  ];
  const raj = person(RAJ, 'raj.kumar@example.com', 'Raj Kumar');
  const viaDevs = { userId: RAJ, accountId: PROD, permissionSetArn: DEVELOPER, permissionSetName: 'BedrockDeveloper', viaGroupId: DEVS, viaGroupName: 'Developers', roleArn: null };

  it('prefers the group owner, then the permission set owner, then the account owner, then the fallback', () => {
    const context = { ...reviewers, mappings };
    expect(assignAssignmentReviewer(viaDevs, raj, context)).toMatchObject({ email: 'dev-lead@example.com', reason: 'group-owner', mappingRuleId: 1, selfReviewAvoided: null });
    expect(assignAssignmentReviewer({ ...viaDevs, viaGroupId: null, viaGroupName: null }, raj, context)).toMatchObject({ email: 'platform@example.com', reason: 'permission-set-owner', mappingRuleId: 2 });
    expect(assignAssignmentReviewer({ ...viaDevs, permissionSetName: 'BedrockReader', viaGroupId: null, viaGroupName: null }, raj, context)).toMatchObject({ email: 'prod-owner@example.com', reason: 'account-owner' });
    expect(assignAssignmentReviewer({ ...viaDevs, accountId: '999999999999', permissionSetName: 'BedrockReader', viaGroupId: null, viaGroupName: null }, raj, context)).toMatchObject({ email: 'admin@example.com', reason: 'fallback' });
  });

  it('never lets a person review their own assignment: the next reviewer gets it', () => {
    const ownsGroup = [{ ...base, id: 1, groupName: 'Developers', ownerEmail: 'Raj.Kumar@example.com' }, ...mappings.slice(1)];
    expect(assignAssignmentReviewer(viaDevs, raj, { ...reviewers, mappings: ownsGroup })).toMatchObject({ email: 'platform@example.com', reason: 'permission-set-owner', selfReviewAvoided: 'raj.kumar@example.com' });
    const ownsAccount = { mappings: [], accountOwners: new Map([[PROD, 'raj.kumar@example.com']]), fallbackReviewers: ['raj.kumar@example.com', 'admin@example.com'] };
    expect(assignAssignmentReviewer(viaDevs, raj, ownsAccount)).toMatchObject({ email: 'admin@example.com', reason: 'fallback', selfReviewAvoided: 'raj.kumar@example.com' });
    expect(() => assignAssignmentReviewer(viaDevs, raj, { mappings: [], accountOwners: new Map(), fallbackReviewers: ['raj.kumar@example.com'] })).toThrow(/No reviewer/);
  });

  it('routes the self-reviewed item of a whole campaign to the next reviewer', () => {
    const items = planAssignmentItems(facts(), EMPTY_SCOPE, { ...reviewers, accountOwners: new Map([[PROD, 'jane.doe@example.com']]) }, NOW);
    const janes = items.filter((item) => item.personUserId === JANE);
    expect(janes.every((item) => item.reviewerEmail === 'admin@example.com' && item.context.selfReviewAvoided === 'jane.doe@example.com')).toBe(true);
    expect(items.find((item) => item.personUserId === RAJ && item.accountId === PROD)?.reviewerEmail).toBe('jane.doe@example.com');
  });
});
