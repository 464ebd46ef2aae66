import { entitlementKey } from '../../analysis/entitlements';
import { linkPeopleToRoles, PERMISSION_SET_INLINE_POLICY_NAME } from '../../people/link-roles';
import type { IdentityCenterDirectory } from '../../people/types';
import { applyCallsToSlice, sliceToSnapshot } from '../apply-calls';
import { classifyPolicyScope } from '../classify-policy';
import type { PlanIdentityCenter } from '../plan-revocation';
import type { EvaluateAccess, IamCall } from '../types';
import { IdentityCenterPlanError, planPermissionSetRevocation } from './plan-identity-center-revocation';

export interface SsoRolePlannerInput {
  directory: IdentityCenterDirectory;
  /** The permission set the role belongs to (the scan's role link); null when unlinked. */
  permissionSetArn: string | null;
  /** Accounts the set is provisioned to (its roles and its assignments in the snapshot). */
  provisionedAccountIds: string[];
  evaluate: EvaluateAccess;
}

const sortedUnique = (values: Iterable<string>) => [...new Set(values)].sort();

/**
 * The `planIdentityCenter` hook for a role-level revoke on an `AWSReservedSSO_*` role: the change is
 * planned on the permission set (planPermissionSetRevocation), and the expected access after it is
 * computed by the engine on the role as Identity Center will provision it (the managed policy
 * detached, or the set's inline policy `AwsSSOInlinePolicy` carrying the Deny). No IAM call is
 * planned. When Identity Center cannot do it (unlinked role, inline policy limit) the plan stays
 * refused with that reason.
 */
export function createSsoRolePlanner(input: SsoRolePlannerInput): PlanIdentityCenter {
  return (context) => {
    const { slice, path, refusedPlan, entitlementActions } = context;
    const refuse = (reason: string) => ({ ...refusedPlan, reason, refusal: { code: 'identity-center' as const, reason, limits: [] } });
    if (input.permissionSetArn === null) return refuse(`${slice.principal.name} matches no permission set of ${input.directory.instanceArn}: it cannot be revoked at Identity Center from this snapshot.`);
    const model = linkPeopleToRoles(input.directory, []);
    const managedPolicyArn = path.policyKind === 'managed' ? path.policyArn : null;
    const document = slice.managedPolicies.find((policy) => policy.arn === managedPolicyArn)?.document ?? null;
    let plan;
    try {
      plan = planPermissionSetRevocation(input.directory, model, {
        kind: 'permission-set',
        permissionSetArn: input.permissionSetArn,
        actions: entitlementActions,
        managedPolicyArn,
        isManagedPolicyBedrockScoped: managedPolicyArn !== null && classifyPolicyScope(document).scope === 'bedrock',
        provisionedAccountIds: input.provisionedAccountIds,
      });
    } catch (error) {
      if (error instanceof IdentityCenterPlanError) return refuse(error.message);
      throw error;
    }
    // What the role becomes once the set is provisioned again, as IAM calls on a copy (never sent).
    const base = { principalType: 'role' as const, principalName: slice.principal.name };
    const simulated: IamCall[] =
      plan.kind === 'permission-set-detach'
        ? [{ ...base, action: 'DetachRolePolicy', policyArn: managedPolicyArn ?? '' }]
        : [{ ...base, action: 'PutRolePolicy', policyName: PERMISSION_SET_INLINE_POLICY_NAME, policyDocument: String(plan.calls[0].input.InlinePolicy) }];
    const afterSlice = applyCallsToSlice(slice, simulated);
    const after = input.evaluate(sliceToSnapshot(afterSlice), afterSlice.principal);
    const afterActions = sortedUnique(after.grants.map((grant) => grant.action));
    const afterSet = new Set(afterActions);
    const lostActions = refusedPlan.before.actions.filter((action) => !afterSet.has(action));
    const entitlementSet = new Set(entitlementActions);
    const stillGranted = entitlementActions.filter((action) => afterSet.has(action));
    const isOnPath = after.grants.some((grant) => {
      const { statementId: _statementId, statementIndex: _statementIndex, ...grantPath } = grant.path;
      return entitlementKey(slice.principal.arn, grantPath) === context.entitlementKey;
    });
    return {
      ...refusedPlan,
      kind: 'identity-center',
      reason: plan.reason,
      after: { actions: afterActions, isEntitlementGone: !isOnPath },
      lostActions,
      collateralActions: lostActions.filter((action) => !entitlementSet.has(action)),
      notes: [...plan.notes, ...(stillGranted.length > 0 ? [`${stillGranted.length} of the entitlement's actions stay granted through other policies of the set: ${stillGranted.slice(0, 10).join(', ')}.`] : [])],
      evaluationErrors: sortedUnique([...refusedPlan.evaluationErrors, ...after.errors]),
      refusal: null,
      identityCenter: plan,
    };
  };
}
