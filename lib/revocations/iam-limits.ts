import type { PrincipalFacts } from '../analysis/types';
import { policyDocumentText } from './policy-document';
import type { IamCall, PrincipalState } from './types';

/**
 * IAM's quotas that a revocation's calls can run into (IAM and AWS STS quotas, "IAM object
 * quotas" and "IAM and STS character limits" in the IAM User Guide). The managed-policy quota is
 * the default; accounts can raise it to 20, so callers may pass their own.
 */
export const IAM_QUOTAS = {
  /** Aggregate size of all inline policies of one entity, whitespace not counted. */
  inlinePolicySize: { user: 2048, role: 10240, group: 5120 },
  /** Managed policies attached to one user, role or group (default; adjustable up to 20). */
  managedPoliciesPerPrincipal: 10,
  /** Stored versions of one customer managed policy. */
  versionsPerManagedPolicy: 5,
  /** Groups one user can belong to. */
  groupsPerUser: 10,
} as const;

/** IAM names (users, roles, groups, policies): alphanumerics and `+=,.@_-`. */
export const IAM_NAME_PATTERN = /^[\w+=,.@-]+$/;
const NAME_MAX_LENGTH = { user: 64, role: 64, group: 128, policy: 128 } as const;

export type IamLimitKind = 'inline-policy-size' | 'managed-policy-count' | 'policy-version-count' | 'group-count' | 'name';

export interface IamLimitViolation {
  kind: IamLimitKind;
  /** The quota that the change would exceed (characters, policies, versions, groups). */
  limit: number;
  /** What the principal would have after the change. */
  actual: number;
  message: string;
}

/** The size IAM counts for a policy document: its characters, whitespace excluded. */
export function policySize(document: string): number {
  return document.replace(/\s/g, '').length;
}

/** The aggregate inline-policy size of a principal, as IAM counts it. */
export function inlinePolicyAggregateSize(policies: ReadonlyArray<{ document: string | object }>): number {
  return policies.reduce((total, policy) => total + policySize(typeof policy.document === 'string' ? policyDocumentText(policy.document) : JSON.stringify(policy.document)), 0);
}

/** A name IAM accepts for the kind of entity, or the reason it does not. */
export function checkIamName(kind: keyof typeof NAME_MAX_LENGTH, name: string): IamLimitViolation | null {
  const max = NAME_MAX_LENGTH[kind];
  if (name.length >= 1 && name.length <= max && IAM_NAME_PATTERN.test(name)) return null;
  const shown = JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);
  return {
    kind: 'name',
    limit: max,
    actual: name.length,
    message: `The ${kind} name ${shown} is not one IAM accepts (1 to ${max} characters of letters, digits and + = , . @ _ -), so IAM would refuse the call.`,
  };
}

/** The names a call sends to IAM, each checked against IAM's character set. */
export function checkCallNames(call: IamCall): IamLimitViolation[] {
  const checks = [checkIamName(call.principalType, call.principalName)];
  if (call.policyName !== undefined) checks.push(checkIamName('policy', call.policyName));
  if (call.groupName !== undefined) checks.push(checkIamName('group', call.groupName));
  return checks.filter((violation): violation is IamLimitViolation => violation !== null);
}

interface LimitSubject {
  type: 'user' | 'role';
  inlinePolicies: ReadonlyArray<{ name: string; document: string | object }>;
  attachedManagedPolicyArns: readonly string[];
  groupNames: readonly string[];
}

function subjectOf(principal: PrincipalFacts | PrincipalState): LimitSubject {
  if ('principalType' in principal) return { type: principal.principalType, inlinePolicies: principal.inlinePolicies, attachedManagedPolicyArns: principal.attachedManagedPolicyArns, groupNames: principal.groupNames };
  return { type: principal.type, inlinePolicies: principal.inlinePolicies, attachedManagedPolicyArns: principal.attachedManagedPolicyArns, groupNames: principal.type === 'user' ? principal.groupNames : [] };
}

/**
 * The quotas a principal would break after a change, given its state before and after. Only
 * quotas the change makes worse count: a principal already over a quota (a raised account quota
 * the snapshot does not know) is not refused for a call that shrinks it.
 */
export function checkPrincipalLimits(before: PrincipalFacts | PrincipalState, after: PrincipalFacts | PrincipalState, options: { managedPolicyQuota?: number } = {}): IamLimitViolation[] {
  const was = subjectOf(before);
  const now = subjectOf(after);
  const violations: IamLimitViolation[] = [];
  const sizeLimit = IAM_QUOTAS.inlinePolicySize[now.type];
  const size = inlinePolicyAggregateSize(now.inlinePolicies);
  if (size > sizeLimit && size > inlinePolicyAggregateSize(was.inlinePolicies)) {
    violations.push({ kind: 'inline-policy-size', limit: sizeLimit, actual: size, message: `The ${now.type}'s inline policies would total ${size.toLocaleString('en-US')} characters (whitespace excluded); IAM allows ${sizeLimit.toLocaleString('en-US')} per ${now.type} (LimitExceeded).` });
  }
  const managedQuota = options.managedPolicyQuota ?? IAM_QUOTAS.managedPoliciesPerPrincipal;
  const attached = new Set(now.attachedManagedPolicyArns).size;
  if (attached > managedQuota && attached > new Set(was.attachedManagedPolicyArns).size) {
    violations.push({ kind: 'managed-policy-count', limit: managedQuota, actual: attached, message: `The ${now.type} would have ${attached} managed policies attached; IAM allows ${managedQuota} (LimitExceeded).` });
  }
  const groups = new Set(now.groupNames).size;
  if (groups > IAM_QUOTAS.groupsPerUser && groups > new Set(was.groupNames).size) {
    violations.push({ kind: 'group-count', limit: IAM_QUOTAS.groupsPerUser, actual: groups, message: `The user would be in ${groups} groups; IAM allows ${IAM_QUOTAS.groupsPerUser} (LimitExceeded).` });
  }
  return violations;
}

/** A new version of a customer managed policy when it already stores `versionCount` versions. */
export function checkPolicyVersionQuota(policyArn: string, versionCount: number): IamLimitViolation | null {
  if (versionCount < IAM_QUOTAS.versionsPerManagedPolicy) return null;
  return { kind: 'policy-version-count', limit: IAM_QUOTAS.versionsPerManagedPolicy, actual: versionCount + 1, message: `${policyArn} already stores ${versionCount} versions; IAM allows ${IAM_QUOTAS.versionsPerManagedPolicy}: a non-default version must be deleted first (LimitExceeded).` };
}

/** The state as it would be after the calls (only what the quotas look at). Pure. */
function stateAfterCalls(state: PrincipalState, calls: readonly IamCall[]): PrincipalState {
  let inlinePolicies = [...state.inlinePolicies];
  let attached = [...state.attachedManagedPolicyArns];
  let groups = [...state.groupNames];
  for (const call of calls) {
    switch (call.action) {
      case 'AttachUserPolicy':
      case 'AttachRolePolicy':
        if (!attached.includes(call.policyArn ?? '')) attached = [...attached, call.policyArn ?? ''];
        break;
      case 'DetachUserPolicy':
      case 'DetachRolePolicy':
        attached = attached.filter((arn) => arn !== call.policyArn);
        break;
      case 'PutUserPolicy':
      case 'PutRolePolicy':
        inlinePolicies = [...inlinePolicies.filter((policy) => policy.name !== call.policyName), { name: call.policyName ?? '', document: call.policyDocument ?? '{}' }];
        break;
      case 'DeleteUserPolicy':
      case 'DeleteRolePolicy':
        inlinePolicies = inlinePolicies.filter((policy) => policy.name !== call.policyName);
        break;
      case 'AddUserToGroup':
        if (!groups.includes(call.groupName ?? '')) groups = [...groups, call.groupName ?? ''];
        break;
      case 'RemoveUserFromGroup':
        groups = groups.filter((name) => name !== call.groupName);
        break;
    }
  }
  return { ...state, inlinePolicies, attachedManagedPolicyArns: attached, groupNames: groups };
}

/**
 * What IAM would refuse of these calls on a principal in `current` state: names outside IAM's
 * pattern and quotas the calls would exceed (a rollback that re-attaches a policy to a role that
 * meanwhile reached ten, re-puts a document beside inline policies added since).
 */
export function checkCallsAgainstState(current: PrincipalState, calls: readonly IamCall[], options: { managedPolicyQuota?: number } = {}): IamLimitViolation[] {
  return [...calls.flatMap(checkCallNames), ...checkPrincipalLimits(current, stateAfterCalls(current, calls), options)];
}
