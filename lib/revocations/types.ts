import type { EntitlementPath } from '../analysis/entitlements';
import type { DeniedAction, Grant, GroupFacts, ManagedPolicyFacts, PrincipalFacts, SnapshotInput } from '../analysis/types';
import type { IamLimitViolation } from './iam-limits';
import type { PrincipalProtection } from './protected-principal';
import type { IdentityCenterCallOutcomeRecord, IdentityCenterPlan } from './identity-center/types';

/**
 * Shapes shared by planning (lib), execution (scanners/remediation) and the pages. They are
 * stored as JSON in the `revocations` row (`plan`, `before_state`, `result`), so every field is
 * plain data.
 */

export const IAM_CALL_ACTIONS = [
  'DetachUserPolicy',
  'DetachRolePolicy',
  'DeleteUserPolicy',
  'DeleteRolePolicy',
  'RemoveUserFromGroup',
  'PutUserPolicy',
  'PutRolePolicy',
  // Rollback only:
  'AttachUserPolicy',
  'AttachRolePolicy',
  'AddUserToGroup',
] as const;
export type IamCallAction = (typeof IAM_CALL_ACTIONS)[number];

/** One IAM call, always on the revoked principal itself: a revocation never changes a group or a policy. */
export interface IamCall {
  action: IamCallAction;
  principalType: 'user' | 'role';
  principalName: string;
  policyArn?: string;
  policyName?: string;
  groupName?: string;
  /** Put*Policy: the JSON text of the document. */
  policyDocument?: string;
}

/**
 * `refused`: no IAM call can revoke it (a protected role, an IAM quota); `refusal` says why and
 * the plan has no calls. `identity-center`: the access is revoked in IAM Identity Center, planned
 * by the `PlanInput.planIdentityCenter` hook (issue #14); such a plan carries no IAM calls.
 */
export const PLAN_KINDS = ['detach', 'delete-inline', 'remove-from-group', 'deny', 'refused', 'identity-center'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export const REFUSAL_CODES = ['identity-center', 'service-linked', 'iam-limit'] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** Why a plan has no IAM calls. */
export interface PlanRefusal {
  code: RefusalCode;
  /** The sentence shown before anyone decides ("… cannot be revoked here, because …"). */
  reason: string;
  /** iam-limit: each quota with its number. */
  limits: IamLimitViolation[];
}

/** What the plan is computed from: one principal, its groups, the managed policies they reference. */
export interface PrincipalSlice {
  capturedAt: string;
  accountId: string;
  principal: PrincipalFacts;
  /** The principal's groups (users only) with their policies. */
  groups: GroupFacts[];
  /** Managed policies the principal, its groups and its boundary reference, with documents. */
  managedPolicies: ManagedPolicyFacts[];
  /** Other users in each of the principal's groups, by group name (for side effects). */
  groupMembers: Record<string, PrincipalFacts[]>;
}

/** The part of the engine's answer a revocation needs. */
export interface AccessEvaluation {
  grants: Grant[];
  denied: DeniedAction[];
  errors: string[];
}

/** The engine, injected: `(snapshot, principal) => createEvaluator(catalogue, snapshot).evaluatePrincipal(principal)`. */
export type EvaluateAccess = (snapshot: SnapshotInput, principal: PrincipalFacts) => AccessEvaluation;

export interface PrincipalLoss {
  principalArn: string;
  lostActions: string[];
}

/** `revocations.plan`. */
export interface RevocationPlan {
  version: 1;
  kind: PlanKind;
  principalArn: string;
  principalType: 'user' | 'role';
  principalName: string;
  accountId: string;
  entitlementKey: string;
  path: EntitlementPath;
  /** Why this kind of plan: the rule that chose it, in words. */
  reason: string;
  /** Bedrock actions the entitlement grants (what the revocation is about). */
  entitlementActions: string[];
  calls: IamCall[];
  before: { actions: string[] };
  /** Expected effective Bedrock access after the calls, from the engine on a modified copy. */
  after: { actions: string[]; isEntitlementGone: boolean };
  /** Bedrock actions the principal loses. */
  lostActions: string[];
  /** Lost actions outside the entitlement (another policy of the group, a deny wider than the path). */
  collateralActions: string[];
  /** Other principals whose access changes (none for these call kinds, computed anyway). */
  otherPrincipals: PrincipalLoss[];
  notes: string[];
  /** Snapshot the plan was computed from. */
  snapshotCapturedAt: string;
  evaluationErrors: string[];
  /** Set when the plan makes no IAM call because IAM would refuse it (absent on plans stored before it existed). */
  refusal?: PlanRefusal | null;
  /** Set for principals IAM refuses to change (SSO and service-linked roles). */
  protection?: PrincipalProtection | null;
  /** Kind `identity-center`: the permission-set change, its rollback, and every account and person it reaches. */
  identityCenter?: IdentityCenterPlan | null;
}

/** What the principal looked like, read live from IAM (or from the snapshot for offline accounts). */
export interface PrincipalState {
  principalType: 'user' | 'role';
  principalName: string;
  principalArn: string;
  accountId: string;
  readAt: string;
  source: 'live' | 'snapshot';
  inlinePolicies: Array<{ name: string; document: string }>;
  attachedManagedPolicyArns: string[];
  permissionsBoundaryArn: string | null;
  /** Users only. */
  groupNames: string[];
  groups: Array<{ name: string; arn: string; inlinePolicies: Array<{ name: string; document: string }>; attachedManagedPolicyArns: string[] }>;
  managedPolicies: Array<{ arn: string; name: string; defaultVersionId: string; document: string }>;
}

export const CALL_OUTCOMES = ['succeeded', 'already-done', 'failed', 'not-run'] as const;
export type CallOutcomeStatus = (typeof CALL_OUTCOMES)[number];

export interface CallOutcome {
  call: IamCall;
  status: CallOutcomeStatus;
  error?: string;
  at?: string;
}

/** One change a plan makes, and whether the re-read shows it made. */
export interface VerificationStep {
  /** The change in words, with the call that makes it ("Remove maya from GenAIDevelopers (DeleteGroupMembership)"). */
  change: string;
  /** True: the re-read shows it; false: it does not; null: this re-read cannot show it (provisioning is not listed). */
  isConfirmed: boolean | null;
}

export interface VerificationOutcome {
  isVerified: boolean;
  reason: string;
  checkedAt: string;
  /** Actions of the entitlement still granted (through any path). */
  remainingActions: string[];
  /**
   * What was re-read to decide, in words: Identity Center re-read live after the calls, or the
   * import (scan) that confirmed an offline script. Absent on outcomes recorded before it was kept.
   */
  reread?: string;
  /** Each change of an Identity Center plan, confirmed by the re-read or not; absent on IAM plans (one comparison of granted actions). */
  steps?: VerificationStep[];
}

/** `revocations.result`: the worker's bookkeeping and what each run did. */
export interface RevocationResult {
  /** Set by the API when it hands work to the worker; cleared when the worker finishes. */
  pending: 'execute' | 'rollback' | null;
  /** The worker that took the pending work (pid and time), so two workers never run it twice. */
  claim: { pid: number; at: string } | null;
  calls: CallOutcome[];
  rollbackCalls: CallOutcome[];
  verification: VerificationOutcome | null;
  /** Kind `identity-center`: what each sso-admin / identitystore call did (absent on IAM plans). */
  identityCenterCalls?: IdentityCenterCallOutcomeRecord[];
  identityCenterRollbackCalls?: IdentityCenterCallOutcomeRecord[];
}

export const EMPTY_RESULT: RevocationResult = { pending: null, claim: null, calls: [], rollbackCalls: [], verification: null };
