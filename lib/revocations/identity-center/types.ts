/**
 * Revocations at IAM Identity Center (#14): plain data, stored as JSON like the IAM plans. An
 * `AWSReservedSSO_*` role can only be changed through Identity Center (IAM answers
 * UnmodifiableEntity), so access that comes from an assignment is removed where it lives.
 */

export const IDENTITY_CENTER_CALL_ACTIONS = [
  'DeleteGroupMembership',
  'DeleteAccountAssignment',
  'DescribeAccountAssignmentDeletionStatus',
  'PutInlinePolicyToPermissionSet',
  'DetachManagedPolicyFromPermissionSet',
  'ProvisionPermissionSet',
  'DescribePermissionSetProvisioningStatus',
  // Rollback only:
  'CreateGroupMembership',
  'CreateAccountAssignment',
  'DescribeAccountAssignmentCreationStatus',
  'AttachManagedPolicyToPermissionSet',
  'DeleteInlinePolicyFromPermissionSet',
] as const;
export type IdentityCenterCallAction = (typeof IDENTITY_CENTER_CALL_ACTIONS)[number];

/**
 * One call with the input the API takes (field names as the SDK and the JSON protocol spell
 * them). Polling calls carry `pollsRequestOf`: the index of the call whose request id they poll.
 */
export interface IdentityCenterCall {
  service: 'sso-admin' | 'identitystore';
  action: IdentityCenterCallAction;
  input: Record<string, string | { UserId: string }>;
  pollsRequestOf?: number;
}

export const IDENTITY_CENTER_PLAN_KINDS = ['remove-from-group', 'delete-assignment', 'permission-set-detach', 'permission-set-deny'] as const;
export type IdentityCenterPlanKind = (typeof IDENTITY_CENTER_PLAN_KINDS)[number];

export interface AffectedPerson {
  userId: string;
  userName: string;
  /** `direct` or `group:<GroupName>`. */
  via: string;
}

/** A plan at Identity Center: what runs, what undoes it, and who is touched. */
export interface IdentityCenterPlan {
  version: 1;
  kind: IdentityCenterPlanKind;
  instanceArn: string;
  identityStoreId: string;
  permissionSetArn: string;
  permissionSetName: string;
  /** Why this kind of plan, in words. */
  reason: string;
  calls: IdentityCenterCall[];
  /** What restores the before-state (run in order). */
  rollbackCalls: IdentityCenterCall[];
  /** People who lose access, with the account(s) where they lose it. */
  losing: Array<AffectedPerson & { accountIds: string[] }>;
  /** People who keep the same access (other group members; others assigned the set) for the approver. */
  keeping: AffectedPerson[];
  /** Every account the changed permission set is provisioned to (permission-set plans). */
  accountIds: string[];
  notes: string[];
}

/** What one Identity Center call did, as stored on the revocation (`already-done`: a retry found it made). */
export interface IdentityCenterCallOutcomeRecord {
  call: IdentityCenterCall;
  status: 'succeeded' | 'already-done' | 'failed' | 'not-run';
  error?: string;
  requestId?: string;
}

/**
 * `revocations.before_state` of an Identity Center revocation: the calls that restore what the plan
 * changes, recorded when it first runs (or its script is generated).
 */
export interface IdentityCenterBeforeState {
  source: 'identity-center';
  recordedAt: string;
  rollbackCalls: IdentityCenterCall[];
}
