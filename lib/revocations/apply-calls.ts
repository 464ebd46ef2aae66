import type { GroupFacts, PrincipalFacts, SnapshotInput } from '../analysis/types';
import type { IamCall, PrincipalSlice } from './types';

/** A SnapshotInput holding just the slice: one account, the principal, its groups' other members. */
export function sliceToSnapshot(slice: PrincipalSlice): SnapshotInput {
  const others = new Map<string, PrincipalFacts>();
  for (const members of Object.values(slice.groupMembers)) for (const member of members) if (member.arn !== slice.principal.arn) others.set(member.arn, member);
  const everyone = [slice.principal, ...others.values()];
  return {
    capturedAt: slice.capturedAt,
    organization: null,
    accounts: [
      {
        accountId: slice.accountId,
        users: everyone.filter((principal) => principal.type === 'user'),
        roles: everyone.filter((principal) => principal.type === 'role'),
        groups: slice.groups,
        managedPolicies: slice.managedPolicies,
      },
    ],
  };
}

function applyOne(principal: PrincipalFacts, call: IamCall): PrincipalFacts {
  switch (call.action) {
    case 'DetachUserPolicy':
    case 'DetachRolePolicy':
      return { ...principal, attachedManagedPolicyArns: principal.attachedManagedPolicyArns.filter((arn) => arn !== call.policyArn) };
    case 'AttachUserPolicy':
    case 'AttachRolePolicy':
      return principal.attachedManagedPolicyArns.includes(call.policyArn ?? '') ? principal : { ...principal, attachedManagedPolicyArns: [...principal.attachedManagedPolicyArns, call.policyArn ?? ''] };
    case 'DeleteUserPolicy':
    case 'DeleteRolePolicy':
      return { ...principal, inlinePolicies: principal.inlinePolicies.filter((policy) => policy.name !== call.policyName) };
    case 'PutUserPolicy':
    case 'PutRolePolicy':
      return {
        ...principal,
        inlinePolicies: [...principal.inlinePolicies.filter((policy) => policy.name !== call.policyName), { name: call.policyName ?? '', document: call.policyDocument ?? '{}' }],
      };
    case 'RemoveUserFromGroup':
      return principal.type === 'user' ? { ...principal, groupNames: principal.groupNames.filter((name) => name !== call.groupName) } : principal;
    case 'AddUserToGroup':
      return principal.type === 'user' && !principal.groupNames.includes(call.groupName ?? '') ? { ...principal, groupNames: [...principal.groupNames, call.groupName ?? ''] } : principal;
  }
}

/**
 * The slice as it would be after the calls. Pure: the input is not changed. The calls only ever
 * touch the principal itself; groups and managed policies are never modified by a revocation.
 */
export function applyCallsToSlice(slice: PrincipalSlice, calls: readonly IamCall[]): PrincipalSlice {
  let principal = slice.principal;
  for (const call of calls) principal = applyOne(principal, call);
  const groups: GroupFacts[] = slice.groups;
  return { ...slice, principal, groups };
}
