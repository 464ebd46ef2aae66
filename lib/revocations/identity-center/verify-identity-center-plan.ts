import type { IdentityCenterDirectory } from '../../people/types';
import { permissionSetDenySid } from './plan-identity-center-revocation';
import type { IdentityCenterPlan } from './types';

export interface IdentityCenterVerification {
  isVerified: boolean;
  reason: string;
}

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

/**
 * Whether Identity Center, re-read after the calls, holds the change the plan made: the membership
 * or assignment gone, the managed policy detached from the set, or the set's inline policy carrying
 * the plan's Deny of every action. Pure; the caller re-reads.
 */
export function verifyIdentityCenterPlan(plan: IdentityCenterPlan, actions: readonly string[], reread: IdentityCenterDirectory): IdentityCenterVerification {
  const set = reread.permissionSets.find((candidate) => candidate.arn === plan.permissionSetArn);
  switch (plan.kind) {
    case 'remove-from-group': {
      const membershipId = String(plan.calls[0].input.MembershipId);
      const still = reread.memberships.some((membership) => membership.membershipId === membershipId);
      return still ? { isVerified: false, reason: `Membership ${membershipId} is still in the identity store.` } : { isVerified: true, reason: 'The group membership is gone from the identity store.' };
    }
    case 'delete-assignment': {
      const input = plan.calls[0].input;
      const still = reread.assignments.some((assignment) => assignment.accountId === input.TargetId && assignment.permissionSetArn === input.PermissionSetArn && assignment.principalType === 'USER' && assignment.principalId === input.PrincipalId);
      return still ? { isVerified: false, reason: `The assignment of ${plan.permissionSetName} in ${String(input.TargetId)} is still listed.` } : { isVerified: true, reason: 'The account assignment is no longer listed.' };
    }
    case 'permission-set-detach': {
      if (!set) return { isVerified: false, reason: `Permission set ${plan.permissionSetName} is not in Identity Center any more.` };
      const arn = String(plan.calls[0].input.ManagedPolicyArn);
      return set.managedPolicies.some((policy) => policy.arn === arn)
        ? { isVerified: false, reason: `${arn} is still attached to ${set.name}.` }
        : { isVerified: true, reason: `${arn} is no longer attached to ${set.name}; the set was provisioned to ${plan.accountIds.length} account(s).` };
    }
    case 'permission-set-deny': {
      if (!set) return { isVerified: false, reason: `Permission set ${plan.permissionSetName} is not in Identity Center any more.` };
      const statement = denyStatement(set.inlinePolicy, permissionSetDenySid(plan.permissionSetArn, actions));
      const denied = new Set(statement?.Effect === 'Deny' ? (Array.isArray(statement.Action) ? (statement.Action as string[]) : [String(statement.Action)]) : []);
      const missing = actions.filter((action) => !denied.has(action));
      return missing.length === 0
        ? { isVerified: true, reason: `${set.name}'s inline policy denies the ${actions.length} action(s); the set was provisioned to ${plan.accountIds.length} account(s).` }
        : { isVerified: false, reason: `${set.name}'s inline policy does not deny ${missing.join(', ')}.` };
    }
  }
}
