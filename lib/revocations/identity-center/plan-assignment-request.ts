import type { PeopleModel } from '../../people/link-roles';
import type { IdentityCenterDirectory } from '../../people/types';
import type { RevocationPlan } from '../types';
import { IdentityCenterPlanError, planAssignmentRevocation } from './plan-identity-center-revocation';

/** The assignment a revocation request names (parsed from its key: lib/campaigns/assignment-items). */
export interface AssignmentRequestTarget {
  userId: string;
  accountId: string;
  permissionSetArn: string;
  /** Null for a direct assignment. */
  viaGroupId: string | null;
}

/** The `AWSReservedSSO_*` role the assignment becomes in the account, as the snapshot holds it. */
export interface AssignmentRole {
  arn: string;
  name: string;
  /** The role's Bedrock actions in the snapshot. */
  actions: string[];
}

/**
 * The revocation plan of one Identity Center assignment (#14), stored like every revocation plan:
 * kind `identity-center`, no IAM call, the Identity Center change (remove the person from the
 * group, or delete the direct assignment and poll its deletion) in `identityCenter`. The person
 * loses the role's Bedrock actions in that account unless they keep the same permission set there
 * another way (then nothing is lost until that is revoked too, and the plan says so).
 * A planning refusal (the assignment or membership is gone since the snapshot) is a `refused` plan
 * with the reason, like an IAM refusal.
 */
export function planAssignmentRequest(input: {
  directory: IdentityCenterDirectory;
  model: PeopleModel;
  target: AssignmentRequestTarget;
  entitlementKey: string;
  role: AssignmentRole;
  snapshotCapturedAt: string;
}): RevocationPlan {
  const { directory, model, target, role } = input;
  const set = directory.permissionSets.find((candidate) => candidate.arn === target.permissionSetArn);
  const group = target.viaGroupId === null ? null : directory.groups.find((candidate) => candidate.groupId === target.viaGroupId);
  const user = directory.users.find((candidate) => candidate.userId === target.userId);
  const actions = [...new Set(role.actions)].sort();
  const base: RevocationPlan = {
    version: 1,
    kind: 'refused',
    principalArn: role.arn,
    principalType: 'role',
    principalName: role.name,
    accountId: target.accountId,
    entitlementKey: input.entitlementKey,
    path: { policyKind: 'managed', policyArn: target.permissionSetArn, policyName: set?.name ?? target.permissionSetArn, isAwsManaged: false, attachedVia: target.viaGroupId === null ? 'direct' : 'group', groupName: group?.displayName ?? null },
    reason: '',
    entitlementActions: actions,
    calls: [],
    before: { actions },
    after: { actions, isEntitlementGone: false },
    lostActions: [],
    collateralActions: [],
    otherPrincipals: [],
    notes: [],
    snapshotCapturedAt: input.snapshotCapturedAt,
    evaluationErrors: [],
    refusal: null,
    protection: null,
    identityCenter: null,
  };
  const refuse = (reason: string): RevocationPlan => ({ ...base, reason, refusal: { code: 'identity-center', reason, limits: [] } });
  if (target.viaGroupId !== null && !group) return refuse(`Group ${target.viaGroupId} is no longer in the identity store: nothing to revoke.`);
  let plan;
  try {
    plan = planAssignmentRevocation(directory, model, {
      kind: 'assignment',
      userId: target.userId,
      accountId: target.accountId,
      permissionSetArn: target.permissionSetArn,
      via: group ? { kind: 'group', groupId: group.groupId, groupName: group.displayName } : { kind: 'direct' },
    });
  } catch (error) {
    if (error instanceof IdentityCenterPlanError) return refuse(error.message);
    throw error;
  }
  // The person keeps the set in the account when another assignment (direct or another group) remains.
  const keepsAnotherWay = model.personAssignments.some(
    (candidate) =>
      candidate.userId === target.userId &&
      candidate.accountId === target.accountId &&
      candidate.permissionSetArn === target.permissionSetArn &&
      (candidate.via.kind === 'direct' ? target.viaGroupId !== null : candidate.via.groupId !== target.viaGroupId),
  );
  const lostActions = keepsAnotherWay ? [] : actions;
  const who = user?.displayName ?? user?.userName ?? target.userId;
  return {
    ...base,
    kind: 'identity-center',
    reason: plan.reason,
    after: { actions: keepsAnotherWay ? actions : [], isEntitlementGone: true },
    lostActions,
    notes: [`${who} loses ${role.name} in ${target.accountId}${keepsAnotherWay ? ' through this assignment only' : ''}.`, ...plan.notes],
    identityCenter: plan,
  };
}
