import type { ReachPath } from '../../types';
import { DEFAULT_MAX_PATHS_PER_ROLE, DEFAULT_MAX_REACH_DEPTH, type ReachInput, type ReachPrincipal, type ReachRole, type RoleReach } from '../compute-reach';
import { IAM_PRINCIPAL_KINDS, ROOT_PRINCIPAL, indexNames, resolveNamedPrincipal, type NameIndex } from '../trust-principal-names';

/**
 * Who can become each role as the engine computed it before issue #16, kept only as the oracle
 * of the differential test (reach-classes.test.ts): every (principal, role) pair a trust admits
 * is decided and listed, so a `*` trust lists every capable principal of the organisation.
 * Quadratic on such organisations; never used in production.
 */


interface PrincipalIndex {
  /** Built on first use: only trusts that name a principal by ARN need it. */
  names: () => NameIndex<ReachPrincipal>;
  /** Per account, the principals that may assume roles (all of them without a pre-filter). */
  byAccount: Map<string, ReachPrincipal[]>;
  /** Every principal that may assume roles: the candidates of a public trust. */
  capable: ReachPrincipal[];
}

function indexPrincipals(principals: ReachPrincipal[], canAssumeAnyRole: ((principalArn: string) => boolean) | undefined): PrincipalIndex {
  let names: NameIndex<ReachPrincipal> | null = null;
  const index: PrincipalIndex = { names: () => (names ??= indexNames(principals)), byAccount: new Map(), capable: [] };
  for (const principal of principals) {
    if (canAssumeAnyRole && !canAssumeAnyRole(principal.arn)) continue;
    index.capable.push(principal);
    const accountPrincipals = index.byAccount.get(principal.accountId);
    if (accountPrincipals) accountPrincipals.push(principal);
    else index.byAccount.set(principal.accountId, [principal]);
  }
  return index;
}

// Shared by the many roles nobody can assume through IAM (SSO and service roles): never mutated.
const NO_ASSUMERS: string[] = [];
const NOT_ASSUMABLE: Omit<RoleReach, 'directAssumers' | 'assumers'> = { paths: [], isTruncated: false };

function findDirectAssumers(role: ReachRole, input: ReachInput, index: PrincipalIndex): string[] {
  if (!role.trusts.some((entry) => IAM_PRINCIPAL_KINDS.has(entry.kind))) return NO_ASSUMERS;
  const assumers: string[] = [];
  const decided = new Set<string>([role.arn]); // a role assuming itself adds no reach
  let answerByKey: Map<unknown, boolean> | null = null;
  const admitWithIdentityPolicy = (candidates: Iterable<ReachPrincipal>) => {
    for (const candidate of candidates) {
      if (decided.has(candidate.arn)) continue;
      decided.add(candidate.arn);
      const key = candidate.decisionKey;
      let isAllowed = key === undefined ? undefined : answerByKey?.get(key);
      if (isAllowed === undefined) {
        isAllowed = input.canAssumeByIdentityPolicy(candidate.arn, role.arn);
        if (key !== undefined) (answerByKey ??= new Map()).set(key, isAllowed);
      }
      if (isAllowed) assumers.push(candidate.arn);
    }
  };
  for (const entry of role.trusts) {
    if (entry.kind === 'public') {
      admitWithIdentityPolicy(index.capable);
      continue;
    }
    if (entry.kind !== 'same-account' && entry.kind !== 'organization-account' && entry.kind !== 'external-account') continue;
    const rootMatch = ROOT_PRINCIPAL.exec(entry.principal);
    if (rootMatch) {
      // Trusting an account delegates the decision to that account's identity policies.
      admitWithIdentityPolicy(index.byAccount.get(rootMatch[1]) ?? []);
      continue;
    }
    const named = resolveNamedPrincipal(entry.principal, index.names());
    if (!named || named.arn === role.arn) continue;
    if (named.accountId === role.accountId) {
      // Same account, named by ARN: the trust policy alone is enough, even when an earlier `*`
      // or account-root entry found no identity Allow (issue #16 fixed that case in both engines).
      if (!assumers.includes(named.arn)) assumers.push(named.arn);
      decided.add(named.arn);
    } else if (!decided.has(named.arn)) {
      admitWithIdentityPolicy([named]);
    }
  }
  return assumers;
}

function collectPaths(roleArn: string, directAssumers: Map<string, string[]>, maxDepth: number, maxPaths: number): Omit<RoleReach, 'directAssumers' | 'assumers'> {
  const paths: ReachPath[] = [];
  // Chains are built backwards (role first) and reversed when recorded.
  const queue: string[][] = [[roleArn]];
  for (let next = 0; next < queue.length; next += 1) {
    const chain = queue[next];
    for (const assumer of directAssumers.get(chain[chain.length - 1]) ?? []) {
      if (chain.includes(assumer)) continue;
      if (paths.length >= maxPaths) return { paths, isTruncated: true };
      const extended = [...chain, assumer];
      paths.push({ chain: [...extended].reverse() });
      // Only roles can be assumed, so only chains that start with a role can grow.
      if (directAssumers.has(assumer) && extended.length - 1 < maxDepth) queue.push(extended);
    }
  }
  return { paths, isTruncated: false };
}

/**
 * Who can become each role, transitively (role chaining), breadth first.
 *
 * A principal P can assume role R when R's trust policy
 * - names P by ARN and P is in R's account (the trust policy alone suffices), or
 * - names P by ARN in another account, and P's identity policy allows it, or
 * - names P's account (root ARN or bare account id), and P's identity policy allows it, or
 * - trusts `*`, and P's identity policy allows it.
 * Trust conditions are not evaluated (a conditional trust still counts as a path); service,
 * SAML and OIDC trusts have no IAM principal to start from and add no chain.
 *
 * The callback is only called for pairs a trust entry admits, so the cost follows the trust
 * policies (account-root and public trusts scan that account or every principal once).
 */
export function computeAssumableByPairwise(input: ReachInput): Map<string, RoleReach> {
  const maxDepth = input.maxDepth ?? DEFAULT_MAX_REACH_DEPTH;
  const maxPaths = input.maxPathsPerRole ?? DEFAULT_MAX_PATHS_PER_ROLE;
  const index = indexPrincipals(input.principals, input.canAssumeAnyRole);
  const directAssumers = new Map<string, string[]>();
  for (const role of input.roles) directAssumers.set(role.arn, findDirectAssumers(role, input, index));
  const result = new Map<string, RoleReach>();
  for (const role of input.roles) {
    const assumers = directAssumers.get(role.arn) ?? NO_ASSUMERS;
    result.set(role.arn, { ...(assumers.length === 0 ? NOT_ASSUMABLE : collectPaths(role.arn, directAssumers, maxDepth, maxPaths)), directAssumers: assumers });
  }
  return result;
}
