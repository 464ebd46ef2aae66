import type { DeniedAction, Grant, PrincipalAccess } from '../types';

/**
 * Moving a computed access to another account with the same SCPs and the same policies: only the
 * ARNs of the account's own customer managed policies (and boundary) differ. Everything else
 * (actions, resources, regions, conditions) comes from the documents, which are equal.
 */
export function rebaseArn(arn: string | null, fromAccountId: string, toAccountId: string): string | null {
  if (arn === null) return null;
  const marker = `:iam::${fromAccountId}:`;
  const at = arn.indexOf(marker);
  return at < 0 ? arn : `${arn.slice(0, at)}:iam::${toAccountId}:${arn.slice(at + marker.length)}`;
}

export function mentionsAccountArn(arn: string | null, accountId: string): boolean {
  return arn !== null && arn.includes(`:iam::${accountId}:`);
}

/** True when some grant path or denial names a policy ARN of `accountId`: the result must be rebased to be reused. */
export function mentionsAccountPolicies(access: PrincipalAccess, accountId: string): boolean {
  return (
    access.grants.some((grant) => mentionsAccountArn(grant.path.policyArn, accountId)) ||
    access.supportingGrants.some((grant) => mentionsAccountArn(grant.path.policyArn, accountId)) ||
    access.denied.some((denied) => mentionsAccountArn(denied.deniedBy.policyArn, accountId))
  );
}

/**
 * The same access with policy ARNs of `fromAccountId` rewritten to `toAccountId`. Grants are
 * copied only when their path changes; arrays shared between principals are never mutated.
 */
export function rebaseAccess(access: PrincipalAccess, fromAccountId: string, toAccountId: string): PrincipalAccess {
  const rebaseGrant = (grant: Grant): Grant => {
    const policyArn = rebaseArn(grant.path.policyArn, fromAccountId, toAccountId);
    return policyArn === grant.path.policyArn ? grant : { ...grant, path: { ...grant.path, policyArn } };
  };
  const rebaseDenied = (denied: DeniedAction): DeniedAction => {
    const policyArn = rebaseArn(denied.deniedBy.policyArn, fromAccountId, toAccountId);
    return policyArn === denied.deniedBy.policyArn ? denied : { ...denied, deniedBy: { ...denied.deniedBy, policyArn } };
  };
  return { grants: access.grants.map(rebaseGrant), supportingGrants: access.supportingGrants.map(rebaseGrant), denied: access.denied.map(rebaseDenied), errors: access.errors };
}
