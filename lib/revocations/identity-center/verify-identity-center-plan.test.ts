import { describe, expect, it } from 'vitest';
import type { IdentityCenterDirectory, PermissionSet } from '../../people/types';
import { inlinePolicyWithDeny, planPermissionSetRevocation } from './plan-identity-center-revocation';
import { verifyIdentityCenterPlan } from './verify-identity-center-plan';

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
    expect(verified).toEqual({ isVerified: true, reason: "BedrockDeveloper's inline policy denies the 2 action(s); the set was provisioned to 1 account(s)." });
  });

  it('fails when the permission set is gone', () => {
    expect(verifyIdentityCenterPlan(plan, ACTIONS, { ...directory(set()), permissionSets: [] }).reason).toMatch(/not in Identity Center any more/);
  });
});
