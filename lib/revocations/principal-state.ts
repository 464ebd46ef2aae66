import type { GroupFacts, ManagedPolicyFacts } from '../analysis/types';
import { policyDocumentText } from './policy-document';
import type { PrincipalSlice, PrincipalState } from './types';

/** The before-state as the snapshot saw it (offline accounts, where nothing can be read live). */
export function stateFromSlice(slice: PrincipalSlice, readAt: string): PrincipalState {
  const { principal } = slice;
  return {
    principalType: principal.type,
    principalName: principal.name,
    principalArn: principal.arn,
    accountId: slice.accountId,
    readAt,
    source: 'snapshot',
    inlinePolicies: principal.inlinePolicies.map((policy) => ({ name: policy.name, document: policyDocumentText(policy.document) })),
    attachedManagedPolicyArns: [...principal.attachedManagedPolicyArns],
    permissionsBoundaryArn: principal.permissionsBoundaryArn,
    groupNames: principal.type === 'user' ? [...principal.groupNames] : [],
    groups: slice.groups.map((group) => ({
      name: group.name,
      arn: group.arn,
      inlinePolicies: group.inlinePolicies.map((policy) => ({ name: policy.name, document: policyDocumentText(policy.document) })),
      attachedManagedPolicyArns: [...group.attachedManagedPolicyArns],
    })),
    managedPolicies: slice.managedPolicies.map((policy) => ({ arn: policy.arn, name: policy.name, defaultVersionId: policy.defaultVersionId, document: policyDocumentText(policy.document) })),
  };
}

/**
 * The slice with the principal's policies, groups and managed policies replaced by what was read
 * live; everything IAM reads do not return in this targeted read (tags, trust policy, credentials)
 * comes from the snapshot.
 */
export function sliceFromState(base: PrincipalSlice, state: PrincipalState): PrincipalSlice {
  const inlinePolicies = state.inlinePolicies.map((policy) => ({ name: policy.name, document: policy.document }));
  const principal =
    base.principal.type === 'user'
      ? { ...base.principal, inlinePolicies, attachedManagedPolicyArns: state.attachedManagedPolicyArns, permissionsBoundaryArn: state.permissionsBoundaryArn, groupNames: state.groupNames }
      : { ...base.principal, inlinePolicies, attachedManagedPolicyArns: state.attachedManagedPolicyArns, permissionsBoundaryArn: state.permissionsBoundaryArn };
  const groups: GroupFacts[] = state.groups.map((group) => {
    const known = base.groups.find((candidate) => candidate.name === group.name);
    return { arn: group.arn, id: known?.id ?? group.arn, name: group.name, path: known?.path ?? '/', inlinePolicies: group.inlinePolicies, attachedManagedPolicyArns: group.attachedManagedPolicyArns };
  });
  const liveArns = new Set(state.managedPolicies.map((policy) => policy.arn));
  const managedPolicies: ManagedPolicyFacts[] = [
    ...state.managedPolicies.map((policy) => ({
      arn: policy.arn,
      name: policy.name,
      path: '/',
      isAwsManaged: policy.arn.startsWith('arn:aws:iam::aws:policy/'),
      defaultVersionId: policy.defaultVersionId,
      document: policy.document,
    })),
    ...base.managedPolicies.filter((policy) => !liveArns.has(policy.arn)),
  ];
  return { ...base, capturedAt: state.readAt, principal, groups, managedPolicies };
}
