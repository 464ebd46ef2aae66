import { entitlementKey, type EntitlementPath } from '../analysis/entitlements';
import type { Grant, PolicyDocumentSource } from '../analysis/types';
import { applyCallsToSlice, sliceToSnapshot } from './apply-calls';
import { classifyPolicyScope } from './classify-policy';
import { buildDenyPolicy, CONSOLIDATED_DENY_POLICY_NAME, DENY_POLICY_PREFIX, denyDocumentFor, serviceWildcards } from './deny-policy';
import { parseEntitlementKey } from './entitlement-key';
import { checkCallNames, checkPrincipalLimits, IAM_QUOTAS, inlinePolicyAggregateSize, policySize, type IamLimitViolation } from './iam-limits';
import { parsePolicyDocument } from './policy-document';
import { protectionOf, type PrincipalProtection } from './protected-principal';
import type { EvaluateAccess, IamCall, PlanKind, PlanRefusal, PrincipalLoss, PrincipalSlice, RevocationPlan } from './types';

export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanError';
  }
}

/** What the Identity Center planner (issue #14) receives for an `AWSReservedSSO_*` role. */
export interface IdentityCenterPlanContext {
  slice: PrincipalSlice;
  entitlementKey: string;
  path: EntitlementPath;
  protection: PrincipalProtection;
  entitlementActions: string[];
  /** The plan as it stands without Identity Center: refused, no IAM calls, access unchanged. */
  refusedPlan: RevocationPlan;
}

/**
 * Extension point for revocations that live in IAM Identity Center: returns a plan of kind
 * `identity-center` (no IAM calls; its own steps in its own fields), or null when Identity Center
 * data cannot revoke it, in which case the refusal stands.
 */
export type PlanIdentityCenter = (context: IdentityCenterPlanContext) => RevocationPlan | null;

export interface PlanInput {
  slice: PrincipalSlice;
  entitlementKey: string;
  evaluate: EvaluateAccess;
  /** The entitlement's actions as the snapshot stored them; used when the engine finds none on the path. */
  storedActions?: string[];
  /** Identity Center planner for SSO roles; without it, SSO roles are refused with the reason. */
  planIdentityCenter?: PlanIdentityCenter;
  /** The account's managed-policies-per-principal quota, when raised from IAM's default of 10. */
  managedPolicyQuota?: number;
}

const sortedUnique = (values: Iterable<string>) => [...new Set(values)].sort();
const actionsOf = (grants: readonly Grant[]) => sortedUnique(grants.map((grant) => grant.action));

function grantKey(principalArn: string, grant: Grant): string {
  const { statementId: _statementId, statementIndex: _statementIndex, ...path } = grant.path;
  return entitlementKey(principalArn, path);
}

function managedDocument(slice: PrincipalSlice, arn: string | null): PolicyDocumentSource | null {
  return slice.managedPolicies.find((policy) => policy.arn === arn)?.document ?? null;
}

/** The document of the policy on the path, or null when the snapshot does not have it. */
function grantingDocument(slice: PrincipalSlice, path: EntitlementPath): PolicyDocumentSource | null {
  if (path.policyKind === 'managed') return managedDocument(slice, path.policyArn);
  const owner = path.attachedVia === 'group' ? slice.groups.find((group) => group.name === path.groupName) : slice.principal;
  return owner?.inlinePolicies.find((policy) => policy.name === path.policyName)?.document ?? null;
}

interface KindDecision {
  kind: PlanKind;
  reason: string;
}

/**
 * The rule (documented in lib/revocations/README.md):
 * 1. A granting policy that is not Bedrock-scoped (classify-policy.ts) stays: explicit Deny.
 * 2. Direct managed policy: detach it from the principal. Direct inline policy: delete it.
 * 3. Through a group: the group itself is never changed (its other members keep their access).
 *    The user is removed from the group when everything the group grants is Bedrock-scoped;
 *    if any policy of the group grants other access, removing the user would take that too: Deny.
 */
function decideKind(slice: PrincipalSlice, path: EntitlementPath): KindDecision {
  const granting = classifyPolicyScope(grantingDocument(slice, path));
  if (granting.scope === 'general') {
    return { kind: 'deny', reason: `${path.policyName} also grants access outside Bedrock (${granting.otherAccess.join(', ')}); it stays and an explicit Deny removes only the Bedrock actions.` };
  }
  if (path.attachedVia === 'direct') {
    return path.policyKind === 'managed'
      ? { kind: 'detach', reason: `${path.policyName} grants only Bedrock access and its companions; it is attached directly, so it is detached.` }
      : { kind: 'delete-inline', reason: `The inline policy ${path.policyName} grants only Bedrock access and its companions, so it is deleted.` };
  }
  const group = slice.groups.find((candidate) => candidate.name === path.groupName);
  if (!group || slice.principal.type !== 'user') return { kind: 'deny', reason: `The group ${path.groupName ?? ''} is not in the snapshot; an explicit Deny is the only change that does not depend on it.` };
  const others = [
    ...group.attachedManagedPolicyArns.filter((arn) => arn !== path.policyArn).map((arn) => ({ name: arn.split('/').pop() ?? arn, document: managedDocument(slice, arn) })),
    ...group.inlinePolicies.filter((policy) => !(path.policyKind === 'inline' && policy.name === path.policyName)).map((policy) => ({ name: policy.name, document: policy.document })),
  ];
  const general = others.filter((policy) => classifyPolicyScope(policy.document).scope === 'general').map((policy) => policy.name);
  if (general.length > 0) {
    return { kind: 'deny', reason: `The group ${group.name} also carries ${general.join(', ')}, which grant access outside Bedrock; removing the user from the group would take that away, so an explicit Deny is added instead.` };
  }
  return { kind: 'remove-from-group', reason: `Everything the group ${group.name} grants is Bedrock access; the user is removed from the group, which itself is not changed.` };
}

const denyActionsOf = (document: string): string[] => {
  try {
    return parsePolicyDocument(document).flatMap((statement) => (statement.effect === 'Deny' ? (statement.actions ?? []) : []));
  } catch {
    return [];
  }
};

/**
 * The deny, within IAM's aggregate inline-policy size: exact, else widened to whole services,
 * else this app's earlier denies on the principal are folded with it into one consolidated deny
 * of whole services. Null when even that does not fit: the plan is refused with the numbers.
 */
function denyCalls(slice: PrincipalSlice, key: string, actions: string[]): { calls: IamCall[]; notes: string[] } | { violation: IamLimitViolation } {
  const { principal } = slice;
  const base = { principalType: principal.type, principalName: principal.name } as const;
  const put = principal.type === 'user' ? 'PutUserPolicy' : 'PutRolePolicy';
  const limit = IAM_QUOTAS.inlinePolicySize[principal.type];
  const single = buildDenyPolicy(key, actions, principal.type);
  const others = principal.inlinePolicies.filter((policy) => policy.name !== single?.name);
  const budget = limit - inlinePolicyAggregateSize(others);
  const deny = buildDenyPolicy(key, actions, principal.type, budget);
  if (deny) {
    const notes = deny.isWidened ? ['The exact action list does not fit in what IAM allows of inline policies for this principal: the Deny names whole Bedrock services.'] : [];
    return { calls: [{ ...base, action: put, policyName: deny.name, policyDocument: deny.document }], notes };
  }
  const ours = principal.inlinePolicies.filter((policy) => policy.name.startsWith(DENY_POLICY_PREFIX));
  const foreign = principal.inlinePolicies.filter((policy) => !policy.name.startsWith(DENY_POLICY_PREFIX));
  const foreignSize = inlinePolicyAggregateSize(foreign);
  const merged = denyDocumentFor(serviceWildcards([...actions, ...ours.flatMap((policy) => denyActionsOf(typeof policy.document === 'string' ? policy.document : JSON.stringify(policy.document)))]));
  if (ours.length > 0 && foreignSize + policySize(merged) <= limit) {
    const deletes: IamCall[] = ours.filter((policy) => policy.name !== CONSOLIDATED_DENY_POLICY_NAME).map((policy) => ({ ...base, action: principal.type === 'user' ? 'DeleteUserPolicy' : 'DeleteRolePolicy', policyName: policy.name }));
    return {
      calls: [{ ...base, action: put, policyName: CONSOLIDATED_DENY_POLICY_NAME, policyDocument: merged }, ...deletes],
      notes: [`A separate Deny would not fit: the ${principal.type}'s inline policies may total ${limit.toLocaleString('en-US')} characters. This app's ${ours.length} earlier Deny policies are folded with this one into ${CONSOLIDATED_DENY_POLICY_NAME}, which denies whole Bedrock services.`],
    };
  }
  const needed = foreignSize + policySize(denyDocumentFor(serviceWildcards(actions)));
  return {
    violation: {
      kind: 'inline-policy-size',
      limit,
      actual: needed,
      message: `An explicit Deny cannot be added: the ${principal.type}'s inline policies already total ${inlinePolicyAggregateSize(principal.inlinePolicies).toLocaleString('en-US')} characters (whitespace excluded), and with the smallest Deny they would total ${needed.toLocaleString('en-US')}; IAM allows ${limit.toLocaleString('en-US')} per ${principal.type} (LimitExceeded). Remove or shorten an inline policy of the principal first.`,
    },
  };
}

function callsFor(kind: PlanKind, slice: PrincipalSlice, path: EntitlementPath, key: string, actions: string[]): { calls: IamCall[]; notes: string[] } | { violation: IamLimitViolation } {
  const { principal } = slice;
  const base = { principalType: principal.type, principalName: principal.name } as const;
  const isUser = principal.type === 'user';
  switch (kind) {
    case 'detach':
      return { calls: [{ ...base, action: isUser ? 'DetachUserPolicy' : 'DetachRolePolicy', policyArn: path.policyArn ?? '' }], notes: [] };
    case 'delete-inline':
      return { calls: [{ ...base, action: isUser ? 'DeleteUserPolicy' : 'DeleteRolePolicy', policyName: path.policyName }], notes: [] };
    case 'remove-from-group':
      return { calls: [{ ...base, action: 'RemoveUserFromGroup', groupName: path.groupName ?? '' }], notes: [] };
    case 'deny':
      return denyCalls(slice, key, actions);
    case 'refused':
    case 'identity-center':
      return { calls: [], notes: [] };
  }
}

function refusalFor(protection: PrincipalProtection): PlanRefusal {
  return { code: protection.kind, reason: protection.reason, limits: [] };
}

/**
 * Plans the revocation of one entitlement: the exact IAM calls, and the effective Bedrock access
 * before and after computed by the engine on a modified copy of the slice. Pure.
 *
 * A principal IAM refuses to change (protected-principal.ts) or a change that would break an
 * IAM quota (iam-limits.ts) gives a plan of kind `refused` with no calls and the reason.
 *
 * @throws PlanError when the key is not this principal's, or the entitlement grants no Bedrock action.
 */
export function planRevocation(input: PlanInput): RevocationPlan {
  const { slice, evaluate } = input;
  const { principal } = slice;
  const { principalArn, path } = parseEntitlementKey(input.entitlementKey);
  if (principalArn !== principal.arn) throw new PlanError(`The entitlement belongs to ${principalArn}, not ${principal.arn}.`);
  if (path.policyKind === 'managed' && !path.policyArn) throw new PlanError('A managed policy without an ARN cannot be detached.');

  const snapshot = sliceToSnapshot(slice);
  const before = evaluate(snapshot, principal);
  const pathGrants = before.grants.filter((grant) => grantKey(principal.arn, grant) === input.entitlementKey);
  const entitlementActions = pathGrants.length > 0 ? actionsOf(pathGrants) : sortedUnique(input.storedActions ?? []);
  if (entitlementActions.length === 0) throw new PlanError('The entitlement grants no Bedrock action in this snapshot: nothing to revoke.');

  const beforeActions = actionsOf(before.grants);
  // What every plan of this entitlement says, refused or not.
  const subject = {
    version: 1 as const,
    principalArn: principal.arn,
    principalType: principal.type,
    principalName: principal.name,
    accountId: slice.accountId,
    entitlementKey: input.entitlementKey,
    path,
    entitlementActions,
    before: { actions: beforeActions },
    snapshotCapturedAt: slice.capturedAt,
  };
  const refused = (refusal: PlanRefusal, protection: PrincipalProtection | null): RevocationPlan => ({
    ...subject,
    kind: 'refused',
    reason: refusal.reason,
    calls: [],
    after: { actions: beforeActions, isEntitlementGone: false },
    lostActions: [],
    collateralActions: [],
    otherPrincipals: [],
    notes: [],
    evaluationErrors: [...new Set(before.errors)],
    refusal,
    protection,
  });

  // IAM answers UnmodifiableEntity for SSO and service-linked roles: never plan a write on them.
  const protection = protectionOf(principal);
  if (protection) {
    const refusedPlan = refused(refusalFor(protection), protection);
    if (protection.kind === 'identity-center' && input.planIdentityCenter) return input.planIdentityCenter({ slice, entitlementKey: input.entitlementKey, path, protection, entitlementActions, refusedPlan }) ?? refusedPlan;
    return refusedPlan;
  }

  const decision = decideKind(slice, path);
  const planned = callsFor(decision.kind, slice, path, input.entitlementKey, entitlementActions);
  if ('violation' in planned) return refused({ code: 'iam-limit', reason: planned.violation.message, limits: [planned.violation] }, null);
  const { calls, notes } = planned;

  const afterSlice = applyCallsToSlice(slice, calls);
  const afterSnapshot = sliceToSnapshot(afterSlice);
  const limits = [...calls.flatMap(checkCallNames), ...checkPrincipalLimits(principal, afterSlice.principal, { managedPolicyQuota: input.managedPolicyQuota })];
  if (limits.length > 0) return refused({ code: 'iam-limit', reason: limits.map((limit) => limit.message).join(' '), limits }, null);
  const after = evaluate(afterSnapshot, afterSlice.principal);
  const afterActions = actionsOf(after.grants);
  const afterSet = new Set(afterActions);
  const lostActions = beforeActions.filter((action) => !afterSet.has(action));
  const entitlementSet = new Set(entitlementActions);
  const isEntitlementGone = !after.grants.some((grant) => grantKey(principal.arn, grant) === input.entitlementKey);

  const otherPrincipals: PrincipalLoss[] = [];
  for (const member of snapshot.accounts[0].users.filter((user) => user.arn !== principal.arn)) {
    const memberBefore = new Set(evaluate(snapshot, member).grants.map((grant) => grant.action));
    const memberAfter = new Set(evaluate(afterSnapshot, member).grants.map((grant) => grant.action));
    const lost = [...memberBefore].filter((action) => !memberAfter.has(action)).sort();
    if (lost.length > 0) otherPrincipals.push({ principalArn: member.arn, lostActions: lost });
  }
  if (path.attachedVia === 'group') {
    const members = (slice.groupMembers[path.groupName ?? ''] ?? []).filter((member) => member.arn !== principal.arn).map((member) => member.name);
    notes.push(members.length > 0 ? `The group ${path.groupName ?? ''} is not changed: its other members (${members.join(', ')}) keep their access.` : `No other member of ${path.groupName ?? ''} in the snapshot.`);
  }
  const stillGranted = entitlementActions.filter((action) => afterSet.has(action));
  if (stillGranted.length > 0) notes.push(`${stillGranted.length} of the entitlement's actions stay granted through other entitlements: ${stillGranted.slice(0, 10).join(', ')}${stillGranted.length > 10 ? ', …' : ''}.`);

  return {
    ...subject,
    kind: decision.kind,
    reason: decision.reason,
    calls,
    after: { actions: afterActions, isEntitlementGone },
    lostActions,
    collateralActions: lostActions.filter((action) => !entitlementSet.has(action)),
    otherPrincipals,
    notes,
    evaluationErrors: [...new Set([...before.errors, ...after.errors])],
    refusal: null,
    protection: null,
  };
}
