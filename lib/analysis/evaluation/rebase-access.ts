import type { DeniedAction, Grant, GrantPath, PrincipalAccess } from '../types';

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
 * How a rebased access relates to the access it was copied from. What depends only on actions,
 * tiers, resources and regions (scores, tiers, SoD matches) can be computed once on the source
 * and carried over; grants and paths in the result are mapped with `grantOf` and `pathOf`.
 */
export interface RebaseLink {
  source: PrincipalAccess;
  /** The rebased grant (or supporting grant) standing for a grant of the source. */
  grantOf(grant: Grant): Grant;
  /** The rebased path standing for a path of the source. */
  pathOf(path: GrantPath): GrantPath;
}

const links = new WeakMap<PrincipalAccess, RebaseLink>();

/** The link of an access made by `rebaseAccess`; undefined for an access computed directly. */
export function rebaseLinkOf(access: PrincipalAccess): RebaseLink | undefined {
  return links.get(access);
}

/**
 * The same access with policy ARNs of `fromAccountId` rewritten to `toAccountId`. Grants are
 * copied only when their path changes, grants of one statement keep sharing one path object,
 * and arrays shared between principals are never mutated.
 */
export function rebaseAccess(access: PrincipalAccess, fromAccountId: string, toAccountId: string): PrincipalAccess {
  const rebasedPaths = new Map<GrantPath, GrantPath>();
  const pathOf = (path: GrantPath): GrantPath => {
    let rebased = rebasedPaths.get(path);
    if (!rebased) {
      const policyArn = rebaseArn(path.policyArn, fromAccountId, toAccountId);
      rebased = policyArn === path.policyArn ? path : { ...path, policyArn };
      rebasedPaths.set(path, rebased);
    }
    return rebased;
  };
  const rebaseGrant = (grant: Grant): Grant => {
    const path = pathOf(grant.path);
    return path === grant.path ? grant : { ...grant, path };
  };
  const rebaseDenied = (denied: DeniedAction): DeniedAction => {
    const policyArn = rebaseArn(denied.deniedBy.policyArn, fromAccountId, toAccountId);
    return policyArn === denied.deniedBy.policyArn ? denied : { ...denied, deniedBy: { ...denied.deniedBy, policyArn } };
  };
  const rebased: PrincipalAccess = { grants: access.grants.map(rebaseGrant), supportingGrants: access.supportingGrants.map(rebaseGrant), denied: access.denied.map(rebaseDenied), errors: access.errors };

  // Built on first use: most rebased accesses never need a grant mapped back.
  let grantMap: Map<Grant, Grant> | null = null;
  const grantOf = (grant: Grant): Grant => {
    if (!grantMap) {
      grantMap = new Map();
      access.grants.forEach((source, index) => grantMap!.set(source, rebased.grants[index]));
      access.supportingGrants.forEach((source, index) => grantMap!.set(source, rebased.supportingGrants[index]));
    }
    return grantMap.get(grant) ?? grant;
  };
  links.set(rebased, { source: access, grantOf, pathOf });
  return rebased;
}
