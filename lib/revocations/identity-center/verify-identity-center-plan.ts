import type { IdentityCenterDirectory } from '../../people/types';
import type { VerificationOutcome, VerificationStep } from '../types';
import { permissionSetDenySid } from './plan-identity-center-revocation';
import type { IdentityCenterPlan } from './types';

export interface IdentityCenterVerification {
  isVerified: boolean;
  reason: string;
  /**
   * When not verified: what the re-read still holds, in words a reader of an import message
   * follows ("maya@example.com in group GenAIProdSupport"); null when verified, or when the
   * re-read lacks what the plan changes (the permission set is gone).
   */
  stillShows: string | null;
  /** Each change the plan makes, and whether the re-read shows it made. */
  steps: VerificationStep[];
}

const LISTED_ACTIONS = 5;

function denyStatement(inlinePolicy: string | null, sid: string): { Effect?: string; Action?: unknown } | null {
  if (inlinePolicy === null) return null;
  try {
    const parsed = JSON.parse(inlinePolicy) as { Statement?: unknown };
    const statements = (Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement]) as Array<{ Sid?: string; Effect?: string; Action?: unknown }>;
    return statements.find((statement) => statement?.Sid === sid) ?? null;
  } catch {
    return null;
  }
}

const verified = (reason: string, steps: VerificationStep[]): IdentityCenterVerification => ({ isVerified: true, reason, stillShows: null, steps });
const notVerified = (reason: string, stillShows: string | null, steps: VerificationStep[]): IdentityCenterVerification => ({ isVerified: false, reason, stillShows, steps });

/**
 * A permission-set change reaches the accounts by ProvisionPermissionSet; Identity Center's
 * directory (live re-read or identity-center.json) does not list provisioning, so the step is
 * shown unconfirmed-by-design rather than claimed.
 */
const provisionStep = (plan: IdentityCenterPlan): VerificationStep => ({ change: `Provision ${plan.permissionSetName} to its ${plan.accountIds.length} account(s) (ProvisionPermissionSet)`, isConfirmed: null });

/** The person the plan takes access from, named as the re-read (else the plan) names them. */
function userNameIn(reread: IdentityCenterDirectory, plan: IdentityCenterPlan, userId: string): string {
  return reread.users.find((user) => user.userId === userId)?.userName ?? plan.losing.find((person) => person.userId === userId)?.userName ?? userId;
}

/**
 * Whether Identity Center, re-read after the calls (live) or exported again (offline import), holds
 * the change the plan made: the person out of the group (neither the membership the plan deleted
 * nor a new one of the same person in the same group), the assignment gone, the managed policy
 * detached from the set, or the set's inline policy carrying the plan's Deny of every action.
 * Pure; the caller re-reads.
 */
export function verifyIdentityCenterPlan(plan: IdentityCenterPlan, actions: readonly string[], reread: IdentityCenterDirectory): IdentityCenterVerification {
  const set = reread.permissionSets.find((candidate) => candidate.arn === plan.permissionSetArn);
  switch (plan.kind) {
    case 'remove-from-group': {
      const membershipId = String(plan.calls[0].input.MembershipId);
      // The rollback call names the group and the person the deleted membership joined.
      const restore = plan.rollbackCalls[0]?.input ?? {};
      const groupId = typeof restore.GroupId === 'string' ? restore.GroupId : null;
      const userId = typeof restore.MemberId === 'object' ? restore.MemberId.UserId : (plan.losing[0]?.userId ?? null);
      const still = reread.memberships.find((membership) => membership.membershipId === membershipId || (membership.groupId === groupId && membership.userId === userId));
      const stepFor = (userName: string, groupName: string, isConfirmed: boolean): VerificationStep[] => [{ change: `Remove ${userName} from ${groupName} (DeleteGroupMembership)`, isConfirmed }];
      if (!still) {
        const groupName = reread.groups.find((group) => group.groupId === groupId)?.displayName ?? plan.losing[0]?.via.replace(/^group:/, '') ?? groupId ?? 'the group';
        return verified('The group membership is gone from the identity store.', stepFor(userNameIn(reread, plan, userId ?? ''), groupName, true));
      }
      const userName = userNameIn(reread, plan, still.userId);
      const groupName = reread.groups.find((group) => group.groupId === still.groupId)?.displayName ?? still.groupId;
      return notVerified(`${userName} is still a member of ${groupName} (membership ${still.membershipId}).`, `${userName} in group ${groupName}`, stepFor(userName, groupName, false));
    }
    case 'delete-assignment': {
      const input = plan.calls[0].input;
      const still = reread.assignments.some((assignment) => assignment.accountId === input.TargetId && assignment.permissionSetArn === input.PermissionSetArn && assignment.principalType === 'USER' && assignment.principalId === input.PrincipalId);
      const userName = userNameIn(reread, plan, String(input.PrincipalId));
      const steps = [{ change: `Delete the direct assignment of ${plan.permissionSetName} to ${userName} in ${String(input.TargetId)} (DeleteAccountAssignment)`, isConfirmed: !still }];
      if (!still) return verified('The account assignment is no longer listed.', steps);
      return notVerified(`The assignment of ${plan.permissionSetName} in ${String(input.TargetId)} is still listed.`, `the direct assignment of ${plan.permissionSetName} to ${userName} in ${String(input.TargetId)}`, steps);
    }
    case 'permission-set-detach': {
      const arn = String(plan.calls[0].input.ManagedPolicyArn);
      const isDetached = set !== undefined && !set.managedPolicies.some((policy) => policy.arn === arn);
      const steps = [{ change: `Detach ${arn} from ${plan.permissionSetName} (DetachManagedPolicyFromPermissionSet)`, isConfirmed: isDetached }, provisionStep(plan)];
      if (!set) return notVerified(`Permission set ${plan.permissionSetName} is not in Identity Center any more.`, null, steps);
      return isDetached
        ? verified(`${arn} is no longer attached to ${set.name}; the set was provisioned to ${plan.accountIds.length} account(s).`, steps)
        : notVerified(`${arn} is still attached to ${set.name}.`, `${arn} attached to ${set.name}`, steps);
    }
    case 'permission-set-deny': {
      const statement = set ? denyStatement(set.inlinePolicy, permissionSetDenySid(plan.permissionSetArn, actions)) : null;
      const denied = new Set(statement?.Effect === 'Deny' ? (Array.isArray(statement.Action) ? (statement.Action as string[]) : [String(statement.Action)]) : []);
      const missing = actions.filter((action) => !denied.has(action));
      const steps = [{ change: `Put the inline policy denying ${actions.length} Bedrock action(s) on ${plan.permissionSetName} (PutInlinePolicyToPermissionSet)`, isConfirmed: set !== undefined && missing.length === 0 }, provisionStep(plan)];
      if (!set) return notVerified(`Permission set ${plan.permissionSetName} is not in Identity Center any more.`, null, steps);
      const listed = `${missing.slice(0, LISTED_ACTIONS).join(', ')}${missing.length > LISTED_ACTIONS ? `, … (${missing.length} actions)` : ''}`;
      return missing.length === 0
        ? verified(`${set.name}'s inline policy denies the ${actions.length} action(s); the set was provisioned to ${plan.accountIds.length} account(s).`, steps)
        : notVerified(`${set.name}'s inline policy does not deny ${missing.join(', ')}.`, `${set.name}'s inline policy without the Deny of ${listed}`, steps);
    }
  }
}

/**
 * What a revocation stores as `result.verification` for an Identity Center plan, live or offline
 * alike: the verdict, when, what was re-read, and each step confirmed or not. Actions count as
 * remaining (all of the entitlement's) until the change is confirmed.
 */
export function identityCenterVerificationOutcome(check: IdentityCenterVerification, input: { entitlementActions: readonly string[]; checkedAt: string; reread: string }): VerificationOutcome {
  return { isVerified: check.isVerified, reason: check.reason, checkedAt: input.checkedAt, remainingActions: check.isVerified ? [] : [...input.entitlementActions], reread: input.reread, steps: check.steps };
}
