import { describe, expect, it } from 'vitest';
import type { IdentityCenterDirectory, PermissionSet } from '../../people/types';
import { linkPeopleToRoles } from '../../people/link-roles';
import { inlinePolicyWithDeny, planAssignmentRevocation, planPermissionSetRevocation } from './plan-identity-center-revocation';
import { identityCenterVerificationOutcome, verifyIdentityCenterPlan } from './verify-identity-center-plan';

const INSTANCE = 'arn:aws:sso:::instance/ssoins-a832bacff72089f3';
const SET_ARN = `arn:aws:sso:::permissionSet/ssoins-a832bacff72089f3/ps-7c638e87ecb8aec8`;
const set = (overrides: Partial<PermissionSet> = {}): PermissionSet => ({
  arn: SET_ARN,
  name: 'BedrockDeveloper',
  description: null,
  sessionDuration: 'PT8H',
  inlinePolicy: null,
  managedPolicies: [{ name: 'PowerUserAccess', arn: 'arn:aws:iam::aws:policy/PowerUserAccess' }],
  customerManagedPolicies: [],
  permissionsBoundary: null,
  ...overrides,
});
const directory = (permissionSet: PermissionSet): IdentityCenterDirectory => ({ instanceArn: INSTANCE, identityStoreId: 'd-9067c2a1b4', users: [], groups: [], memberships: [], permissionSets: [permissionSet], assignments: [] });
const ACTIONS = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'];
const plan = planPermissionSetRevocation(directory(set()), { personAssignments: [], roleLinks: [], emptyGroupAssignments: [], unassignedProvisionedRoles: [], warnings: [] }, {
  kind: 'permission-set',
  permissionSetArn: SET_ARN,
  actions: ACTIONS,
  managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
  isManagedPolicyBedrockScoped: false,
  provisionedAccountIds: ['641829374651'],
});

describe('verifying an Identity Center revocation by re-reading', () => {
  it('verifies the deny only when the set re-read carries it for every action', () => {
    expect(plan.kind).toBe('permission-set-deny');
    expect(verifyIdentityCenterPlan(plan, ACTIONS, directory(set())).isVerified).toBe(false);
    expect(verifyIdentityCenterPlan(plan, ACTIONS, directory(set({ inlinePolicy: inlinePolicyWithDeny(null, SET_ARN, ['bedrock:InvokeModel']) }))).isVerified).toBe(false);
    const verified = verifyIdentityCenterPlan(plan, ACTIONS, directory(set({ inlinePolicy: inlinePolicyWithDeny(null, SET_ARN, ACTIONS) })));
    expect(verified).toEqual({
      isVerified: true,
      reason: "BedrockDeveloper's inline policy denies the 2 action(s); the set was provisioned to 1 account(s).",
      stillShows: null,
      steps: [
        { change: 'Put the inline policy denying 2 Bedrock action(s) on BedrockDeveloper (PutInlinePolicyToPermissionSet)', isConfirmed: true },
        // Provisioning is not something a directory re-read lists: neither confirmed nor denied.
        { change: 'Provision BedrockDeveloper to its 1 account(s) (ProvisionPermissionSet)', isConfirmed: null },
      ],
    });
    expect(verifyIdentityCenterPlan(plan, ACTIONS, directory(set())).steps[0].isConfirmed).toBe(false);
    expect(verifyIdentityCenterPlan(plan, ACTIONS, directory(set({ inlinePolicy: inlinePolicyWithDeny(null, SET_ARN, ['bedrock:InvokeModel']) }))).stillShows).toBe("BedrockDeveloper's inline policy without the Deny of bedrock:InvokeModel, bedrock:InvokeModelWithResponseStream");
  });

  it('fails when the permission set is gone', () => {
    expect(verifyIdentityCenterPlan(plan, ACTIONS, { ...directory(set()), permissionSets: [] }).reason).toMatch(/not in Identity Center any more/);
  });
});

describe('verifying a membership removal or an assignment deletion', () => {
  const people: IdentityCenterDirectory = {
    ...directory(set()),
    users: [
      { userId: 'u-maya', userName: 'maya@example.com', displayName: 'Maya', email: null, externalId: null },
      { userId: 'u-raj', userName: 'raj@example.com', displayName: 'Raj', email: null, externalId: null },
    ],
    groups: [{ groupId: 'g-support', displayName: 'GenAIProdSupport', description: null }],
    memberships: [
      { membershipId: 'm-maya', groupId: 'g-support', userId: 'u-maya' },
      { membershipId: 'm-raj', groupId: 'g-support', userId: 'u-raj' },
    ],
    assignments: [
      { accountId: '641829374651', permissionSetArn: SET_ARN, principalType: 'GROUP', principalId: 'g-support' },
      { accountId: '641829374651', permissionSetArn: SET_ARN, principalType: 'USER', principalId: 'u-raj' },
    ],
  };
  const model = linkPeopleToRoles(people, []);
  const leaveGroup = planAssignmentRevocation(people, model, { kind: 'assignment', userId: 'u-maya', accountId: '641829374651', permissionSetArn: SET_ARN, via: { kind: 'group', groupId: 'g-support', groupName: 'GenAIProdSupport' } });
  const deleteDirect = planAssignmentRevocation(people, model, { kind: 'assignment', userId: 'u-raj', accountId: '641829374651', permissionSetArn: SET_ARN, via: { kind: 'direct' } });

  it('names the person and the group while the person is still in it, under the old membership or a new one', () => {
    expect(verifyIdentityCenterPlan(leaveGroup, ACTIONS, people)).toEqual({
      isVerified: false,
      reason: 'maya@example.com is still a member of GenAIProdSupport (membership m-maya).',
      stillShows: 'maya@example.com in group GenAIProdSupport',
      steps: [{ change: 'Remove maya@example.com from GenAIProdSupport (DeleteGroupMembership)', isConfirmed: false }],
    });
    const readded = { ...people, memberships: [{ membershipId: 'm-maya-again', groupId: 'g-support', userId: 'u-maya' }, people.memberships[1]] };
    expect(verifyIdentityCenterPlan(leaveGroup, ACTIONS, readded).isVerified).toBe(false);
    const left = { ...people, memberships: [people.memberships[1]] };
    expect(verifyIdentityCenterPlan(leaveGroup, ACTIONS, left)).toEqual({
      isVerified: true,
      reason: 'The group membership is gone from the identity store.',
      stillShows: null,
      steps: [{ change: 'Remove maya@example.com from GenAIProdSupport (DeleteGroupMembership)', isConfirmed: true }],
    });
  });

  it('names the set, the person and the account while the direct assignment is listed; the group assignment staying does not count', () => {
    expect(verifyIdentityCenterPlan(deleteDirect, ACTIONS, people).stillShows).toBe('the direct assignment of BedrockDeveloper to raj@example.com in 641829374651');
    const deleted = { ...people, assignments: [people.assignments[0]] };
    expect(verifyIdentityCenterPlan(deleteDirect, ACTIONS, deleted).isVerified).toBe(true);
    expect(verifyIdentityCenterPlan(deleteDirect, ACTIONS, people).steps).toEqual([{ change: 'Delete the direct assignment of BedrockDeveloper to raj@example.com in 641829374651 (DeleteAccountAssignment)', isConfirmed: false }]);
    expect(verifyIdentityCenterPlan(deleteDirect, ACTIONS, deleted).steps).toEqual([{ change: 'Delete the direct assignment of BedrockDeveloper to raj@example.com in 641829374651 (DeleteAccountAssignment)', isConfirmed: true }]);
  });

  it('stores the same outcome live and offline: the verdict, when, what was re-read, each step', () => {
    const left = { ...people, memberships: [people.memberships[1]] };
    const stored = identityCenterVerificationOutcome(verifyIdentityCenterPlan(leaveGroup, ACTIONS, left), { entitlementActions: ACTIONS, checkedAt: '2026-03-03T09:00:00.000Z', reread: 'identity-center.json of the import of scan #3' });
    expect(stored).toEqual({
      isVerified: true,
      reason: 'The group membership is gone from the identity store.',
      checkedAt: '2026-03-03T09:00:00.000Z',
      remainingActions: [],
      reread: 'identity-center.json of the import of scan #3',
      steps: [{ change: 'Remove maya@example.com from GenAIProdSupport (DeleteGroupMembership)', isConfirmed: true }],
    });
    expect(identityCenterVerificationOutcome(verifyIdentityCenterPlan(leaveGroup, ACTIONS, people), { entitlementActions: ACTIONS, checkedAt: '2026-03-03T09:00:00.000Z', reread: 'x' }).remainingActions).toEqual(ACTIONS);
  });
});
