import { describe, expect, it } from 'vitest';
import { tiersToMask } from '../analysis/tier-mask';
import { linkPeopleToRoles } from '../people/link-roles';
import type { IdentityCenterDirectory } from '../people/types';
import { assignmentKey, type AssignmentFacts, type RoleFact } from './assignment-items';
import { diffAssignmentItems, diffEntitlements, listAssignmentItemActions, type EntitlementChange } from './micro-diff';
import { assignmentRowOf } from '../people/test-support/assignment-row';
import { DEV, DEVELOPER, DEVS, INSTANCE, JANE, ML, PEOPLE, PROD, RAJ, TEAMS, permissionSet } from '../people/test-support/identity-center-ids';

describe('diffEntitlements', () => {
  it('finds new and widened entitlements, ignores narrowed and unchanged', () => {
    const previous = [
      { entitlementKey: 'a', actions: ['bedrock:InvokeModel'] },
      { entitlementKey: 'b', actions: ['bedrock:InvokeModel', 'bedrock:CreateGuardrail'] },
      { entitlementKey: 'c', actions: ['bedrock:InvokeModel'] },
      { entitlementKey: 'gone', actions: ['bedrock:InvokeModel'] },
    ];
    const next = [
      { entitlementKey: 'a', actions: ['bedrock:InvokeModel', 'bedrock:CreateModelCustomizationJob'] },
      { entitlementKey: 'b', actions: ['bedrock:InvokeModel'] },
      { entitlementKey: 'c', actions: ['bedrock:InvokeModel'] },
      { entitlementKey: 'd', actions: ['bedrock:Rerank', 'bedrock:InvokeModel', 'bedrock:Rerank'] },
    ];
    expect(diffEntitlements(previous, next)).toEqual([
      { entitlementKey: 'a', change: 'widened', addedActions: ['bedrock:CreateModelCustomizationJob'] },
      { entitlementKey: 'd', change: 'new', addedActions: ['bedrock:InvokeModel', 'bedrock:Rerank'] },
    ]);
  });
  it('is empty for identical snapshots', () => {
    const snapshot = [{ entitlementKey: 'a', actions: ['x'] }];
    expect(diffEntitlements(snapshot, snapshot)).toEqual([]);
  });
});

const AUDITOR = 'arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-5e6f7a8b9c0d1e2f';
const INVOKE = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'];

const roleName = (setName: string) => `AWSReservedSSO_${setName}_0123456789abcdef`;
const roleArn = (accountId: string, setName: string) => `arn:aws:iam::${accountId}:role/aws-reserved/sso.amazonaws.com/${roleName(setName)}`;

/** Jane is in Developers; Developers hold BedrockDeveloper in PROD; Raj is assigned AuditorAccess in DEV directly. */
const BASE: IdentityCenterDirectory = {
  instanceArn: INSTANCE,
  identityStoreId: 'd-9067a1b2c3',
  users: PEOPLE,
  groups: TEAMS,
  memberships: [{ membershipId: 'a4b8c4d8-1021-70aa-0001-000000000001', groupId: DEVS, userId: JANE }],
  permissionSets: [permissionSet(DEVELOPER, 'BedrockDeveloper'), permissionSet(AUDITOR, 'AuditorAccess')],
  assignments: [
    { accountId: PROD, permissionSetArn: DEVELOPER, principalType: 'GROUP', principalId: DEVS },
    { accountId: DEV, permissionSetArn: AUDITOR, principalType: 'USER', principalId: RAJ },
  ],
};

/** The Bedrock actions each provisioned `AWSReservedSSO_*` role grants in the snapshot ([] = no Bedrock). */
type RoleActions = Record<string, string[]>;
const BASE_ROLES: RoleActions = { [roleArn(PROD, 'BedrockDeveloper')]: INVOKE, [roleArn(DEV, 'AuditorAccess')]: [], [roleArn(DEV, 'BedrockDeveloper')]: INVOKE };

/** Assignment facts as db/queries/campaigns/assignment-facts reads them: the people model the scan links from the directory and the roles. */
function snapshot(directory: IdentityCenterDirectory, roles: RoleActions): AssignmentFacts {
  const ssoRoles = Object.keys(roles).map((arn) => {
    const [, accountId, setName] = /^arn:aws:iam::(\d{12}):role\/aws-reserved\/sso\.amazonaws\.com\/AWSReservedSSO_(.+)_0123456789abcdef$/.exec(arn) ?? [];
    return { arn, accountId, name: roleName(setName), permissionSetName: setName, attachedManagedPolicyArns: [], inlinePolicies: [], permissionsBoundaryArn: null };
  });
  const model = linkPeopleToRoles(directory, ssoRoles);
  const roleFact = (arn: string, actions: string[]): RoleFact => ({
    arn,
    name: arn.split('/').pop() ?? arn,
    accountId: arn.split(':')[4],
    score: actions.length * 10,
    tiersMask: actions.length > 0 ? tiersToMask(['invoke']) : 0,
    lastUsedAt: null,
    conflicts: [],
    recommendations: [],
    entitlements: actions.length > 0 ? [{ policyKind: 'inline', policyArn: null, policyName: 'AwsSSOInlinePolicy', tiersMask: tiersToMask(['invoke']), actions, isConditional: false }] : [],
  });
  return {
    assignments: model.personAssignments.map(assignmentRowOf),
    people: new Map(directory.users.map((user) => [user.userId, { userId: user.userId, userName: user.userName, displayName: user.displayName, email: user.email, tiersMask: 0, score: 0, accountCount: 0, conflictCount: 0 }])),
    roles: new Map(Object.entries(roles).map(([arn, actions]) => [arn, roleFact(arn, actions)])),
    groupMemberCounts: new Map(),
  };
}

const key = (userId: string, accountId: string, permissionSetArn: string, viaGroupId: string | null) => assignmentKey({ userId, accountId, permissionSetArn, viaGroupId });
const membership = (groupId: string, userId: string, suffix: string) => ({ membershipId: `a4b8c4d8-1021-70aa-0001-00000000000${suffix}`, groupId, userId });

interface AssignmentDiffCase {
  name: string;
  next: { directory?: Partial<IdentityCenterDirectory>; roles?: RoleActions };
  then: EntitlementChange[];
}

const ASSIGNMENT_DIFF_CASES: AssignmentDiffCase[] = [
  { name: 'nothing changed: no item', next: {}, then: [] },
  {
    name: 'a person joins a group that holds a Bedrock assignment: new, via the group',
    next: { directory: { memberships: [...BASE.memberships, membership(DEVS, RAJ, '2')] } },
    then: [{ entitlementKey: key(RAJ, PROD, DEVELOPER, DEVS), change: 'new', addedActions: INVOKE }],
  },
  {
    name: 'a new direct assignment of a Bedrock permission set: new, direct (the same set through a group stays as it was)',
    next: { directory: { assignments: [...BASE.assignments, { accountId: PROD, permissionSetArn: DEVELOPER, principalType: 'USER', principalId: JANE }] } },
    then: [{ entitlementKey: key(JANE, PROD, DEVELOPER, null), change: 'new', addedActions: INVOKE }],
  },
  {
    name: 'a group newly assigned in another account: new for each member there',
    next: { directory: { assignments: [...BASE.assignments, { accountId: DEV, permissionSetArn: DEVELOPER, principalType: 'GROUP', principalId: DEVS }] } },
    then: [{ entitlementKey: key(JANE, DEV, DEVELOPER, DEVS), change: 'new', addedActions: INVOKE }],
  },
  {
    name: 'a person moved from one group to another holding the same set: new through the new group',
    next: { directory: { memberships: [membership(ML, JANE, '3')], assignments: [...BASE.assignments, { accountId: PROD, permissionSetArn: DEVELOPER, principalType: 'GROUP', principalId: ML }] } },
    then: [{ entitlementKey: key(JANE, PROD, DEVELOPER, ML), change: 'new', addedActions: INVOKE }],
  },
  {
    name: 'a new assignment of a set whose role grants no Bedrock: no item',
    next: { directory: { assignments: [...BASE.assignments, { accountId: DEV, permissionSetArn: AUDITOR, principalType: 'USER', principalId: JANE }] } },
    then: [],
  },
  {
    name: 'a new assignment in an account where the set is not provisioned yet (no role): no item',
    next: { directory: { assignments: [...BASE.assignments, { accountId: PROD, permissionSetArn: AUDITOR, principalType: 'USER', principalId: JANE }] } },
    then: [],
  },
  {
    name: 'a group assignment to a group without members: no item',
    next: { directory: { assignments: [...BASE.assignments, { accountId: DEV, permissionSetArn: DEVELOPER, principalType: 'GROUP', principalId: ML }] } },
    then: [],
  },
  {
    name: 'the permission set grants Bedrock actions it did not: widened, by the added actions only',
    next: { roles: { ...BASE_ROLES, [roleArn(PROD, 'BedrockDeveloper')]: [...INVOKE, 'bedrock:CreateModelCustomizationJob'] } },
    then: [{ entitlementKey: key(JANE, PROD, DEVELOPER, DEVS), change: 'widened', addedActions: ['bedrock:CreateModelCustomizationJob'] }],
  },
  {
    name: 'a set that granted no Bedrock now does: new for the person assigned it',
    next: { roles: { ...BASE_ROLES, [roleArn(DEV, 'AuditorAccess')]: ['bedrock:ListFoundationModels'] } },
    then: [{ entitlementKey: key(RAJ, DEV, AUDITOR, null), change: 'new', addedActions: ['bedrock:ListFoundationModels'] }],
  },
  {
    name: 'narrowed sets and removed memberships: no item',
    next: { directory: { memberships: [] }, roles: { ...BASE_ROLES, [roleArn(PROD, 'BedrockDeveloper')]: ['bedrock:InvokeModel'] } },
    then: [],
  },
];

describe('diffAssignmentItems', () => {
  const previous = snapshot(BASE, BASE_ROLES);
  it.each(ASSIGNMENT_DIFF_CASES)('$name', ({ next, then }) => {
    const nextSnapshot = snapshot({ ...BASE, ...next.directory }, next.roles ?? BASE_ROLES);
    expect(diffAssignmentItems(previous, nextSnapshot)).toEqual(then);
    // Its contract: the entitlement diff over both snapshots' assignment items, computed per role.
    expect(diffAssignmentItems(previous, nextSnapshot)).toEqual(diffEntitlements(listAssignmentItemActions(previous), listAssignmentItemActions(nextSnapshot)));
  });

  it('says nothing when either snapshot read no Identity Center: a first read of the directory is no change', () => {
    const next = snapshot({ ...BASE, memberships: [...BASE.memberships, membership(DEVS, RAJ, '2')] }, BASE_ROLES);
    expect(diffAssignmentItems(null, next)).toEqual([]);
    expect(diffAssignmentItems(previous, null)).toEqual([]);
  });

  it('lists a snapshot’s assignment items with the actions their role grants', () => {
    expect(listAssignmentItemActions(previous)).toEqual([{ entitlementKey: key(JANE, PROD, DEVELOPER, DEVS), actions: INVOKE }]);
  });
});
