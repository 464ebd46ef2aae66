import { entitlementKey } from '../analysis/entitlements';
import type { AccessEvaluation, RevocationPlan, VerificationOutcome } from './types';

/**
 * Decides from a fresh evaluation whether the revocation took effect: no grant may remain on
 * the entitlement's path, and every entitlement action the plan expected to be gone must be gone.
 * (Actions the plan showed as still granted through another entitlement may remain.)
 */
export function decideVerification(plan: RevocationPlan, access: AccessEvaluation, checkedAt: string): VerificationOutcome {
  const onPath = access.grants.filter((grant) => {
    const { statementId: _statementId, statementIndex: _statementIndex, ...path } = grant.path;
    return entitlementKey(plan.principalArn, path) === plan.entitlementKey;
  });
  const granted = new Set(access.grants.map((grant) => grant.action));
  const expectedAfter = new Set(plan.after.actions);
  const remainingActions = plan.entitlementActions.filter((action) => granted.has(action) && !expectedAfter.has(action));
  if (onPath.length > 0) {
    const actions = [...new Set(onPath.map((grant) => grant.action))].sort();
    return { isVerified: false, checkedAt, remainingActions: actions, reason: `${plan.path.policyName} still grants ${actions.length} Bedrock action(s) to the principal: ${actions.slice(0, 5).join(', ')}${actions.length > 5 ? ', …' : ''}.` };
  }
  if (remainingActions.length > 0) {
    return { isVerified: false, checkedAt, remainingActions, reason: `Still granted: ${remainingActions.slice(0, 5).join(', ')}${remainingActions.length > 5 ? ', …' : ''}.` };
  }
  if (access.errors.length > 0) return { isVerified: false, checkedAt, remainingActions: [], reason: `The engine could not evaluate every policy: ${access.errors.join('; ')}` };
  return { isVerified: true, checkedAt, remainingActions: [], reason: 'The entitlement grants no Bedrock action any more.' };
}
