import type { ReachPath, TrustEntry } from '../types';
import { IAM_PRINCIPAL_KINDS, ROOT_PRINCIPAL, indexNames, resolveNamedPrincipal, type NameIndex } from './trust-principal-names';

/** A role as reach computation needs it: its ARN, account and analysed trust entries. */
export interface ReachRole {
  arn: string;
  accountId: string;
  trusts: TrustEntry[];
}

/** Any user or role of the snapshot that might assume a role. */
export interface ReachPrincipal {
  arn: string;
  accountId: string;
  /**
   * Optional: principals with the same key get the same identity-policy answer for every role
   * (for example, they share one computed access or one assume-role class). The callback is then
   * asked once per key and role instead of once per principal, and the principals sharing a key
   * are admitted as one class: a `*` trust never lists the organisation member by member.
   */
  decisionKey?: unknown;
}

export interface ReachInput {
  roles: ReachRole[];
  /** All users and roles of the snapshot (roles included: they can chain). */
  principals: ReachPrincipal[];
  /**
   * Whether the principal's identity policies (after boundary and SCPs) allow sts:AssumeRole on
   * the role. Called only for pairs the trust policy admits, at most once per pair (and once per
   * decision key and role for principals that have one).
   */
  canAssumeByIdentityPolicy: (principalArn: string, roleArn: string) => boolean;
  /**
   * Optional pre-filter: false when the principal cannot assume any role at all (no
   * sts:AssumeRole in its effective access). Account-root and public trusts then scan only the
   * principals that can, instead of every principal of the account or the organisation.
   */
  canAssumeAnyRole?: (principalArn: string) => boolean;
  /** Longest chain in hops (principal -> role is one hop). Default 4. */
  maxDepth?: number;
  /** Most paths kept per role. Default 50. */
  maxPathsPerRole?: number;
}

/**
 * Principals a trust admits together: the candidates of one `*` trust (scope: the organisation)
 * or one account-root trust (scope: that account) that share a decision key. Admitting the class
 * admits every member; the graph holds one edge for it, not one per member.
 */
export interface AssumerClass {
  /** Dense id, for graph indexes. */
  id: number;
  /** In input order. */
  members: readonly string[];
  /** Input position of each member (parallel to `members`): merges keep discovery order. */
  positions: readonly number[];
}

/** The principals that can assume a role in one hop, as the graph holds them. */
export interface DirectAssumers {
  /** Admitted one by one (named in the trust policy, or without a decision key). */
  principals: readonly string[];
  /** Admitted whole. Members may repeat principals above and the role itself: readers skip those. */
  classes: readonly AssumerClass[];
}

export interface RoleReach {
  /** Shortest chains first; each chain starts with the assuming principal and ends with the role. */
  paths: ReachPath[];
  /** True when more paths existed than `maxPathsPerRole`. */
  isTruncated: boolean;
  /**
   * Principals that can assume the role in one hop, in discovery order. Listed when read: with a
   * `*` trust this is every capable principal of the organisation, so the engine reads `assumers`.
   */
  readonly directAssumers: string[];
  /** The same assumers with classes unexpanded (absent on hand-built reach: read `directAssumers`). */
  readonly assumers?: DirectAssumers;
}

export const DEFAULT_MAX_REACH_DEPTH = 4;
export const DEFAULT_MAX_PATHS_PER_ROLE = 50;


/** Candidates grouped by decision key; a principal without a key is a class of its own. */
interface CandidateClass extends AssumerClass {
  key: unknown;
  members: string[];
  positions: number[];
}

interface PrincipalIndex {
  /** Built on first use: only trusts that name a principal by ARN need it. */
  names: () => NameIndex<ReachPrincipal>;
  /** Candidates of a `*` trust: every principal that may assume roles, by class. */
  organizationClasses: () => CandidateClass[];
  /** Candidates of an account-root trust, by class. */
  accountClasses: (accountId: string) => CandidateClass[];
}

function indexPrincipals(principals: ReachPrincipal[], canAssumeAnyRole: ((principalArn: string) => boolean) | undefined, nextClassId: () => number): PrincipalIndex {
  let names: NameIndex<ReachPrincipal> | null = null;
  const capable: Array<{ principal: ReachPrincipal; position: number }> = [];
  principals.forEach((principal, position) => {
    if (!canAssumeAnyRole || canAssumeAnyRole(principal.arn)) capable.push({ principal, position });
  });
  const group = (candidates: Iterable<{ principal: ReachPrincipal; position: number }>): CandidateClass[] => {
    const byKey = new Map<unknown, CandidateClass>();
    const classes: CandidateClass[] = [];
    for (const { principal, position } of candidates) {
      const key = principal.decisionKey;
      let candidateClass = key === undefined ? undefined : byKey.get(key);
      if (!candidateClass) {
        candidateClass = { id: nextClassId(), key, members: [], positions: [] };
        classes.push(candidateClass);
        if (key !== undefined) byKey.set(key, candidateClass);
      }
      candidateClass.members.push(principal.arn);
      candidateClass.positions.push(position);
    }
    return classes;
  };
  let organization: CandidateClass[] | null = null;
  let byAccount: Map<string, Array<{ principal: ReachPrincipal; position: number }>> | null = null;
  const accountClasses = new Map<string, CandidateClass[]>();
  return {
    names: () => (names ??= indexNames(principals)),
    organizationClasses: () => (organization ??= group(capable)),
    accountClasses: (accountId) => {
      let classes = accountClasses.get(accountId);
      if (!classes) {
        if (!byAccount) {
          byAccount = new Map();
          for (const candidate of capable) {
            const list = byAccount.get(candidate.principal.accountId);
            if (list) list.push(candidate);
            else byAccount.set(candidate.principal.accountId, [candidate]);
          }
        }
        classes = group(byAccount.get(accountId) ?? []);
        accountClasses.set(accountId, classes);
      }
      return classes;
    },
  };
}

/** What one trust entry admitted, in the order the entries are written. */
type Admission = { principal: string } | { classes: CandidateClass[] };

const NO_ADMISSIONS: Admission[] = [];

/**
 * What the role's trust entries admit. A principal named by ARN in the role's own account needs
 * no identity policy; one named in another account, and the candidates of account-root and `*`
 * trusts, need their identity policy to allow sts:AssumeRole on the role: asked once per
 * decision key (its first candidate other than the role itself answers for the class).
 */
function admitAssumers(role: ReachRole, input: ReachInput, index: PrincipalIndex): Admission[] {
  if (!role.trusts.some((entry) => IAM_PRINCIPAL_KINDS.has(entry.kind))) return NO_ADMISSIONS;
  const admissions: Admission[] = [];
  const answerByKey = new Map<unknown, boolean>();
  const answerByPrincipal = new Map<string, boolean>();
  const isAllowed = (key: unknown, principalArn: string): boolean => {
    let answer = key === undefined ? answerByPrincipal.get(principalArn) : answerByKey.get(key);
    if (answer === undefined) {
      answer = input.canAssumeByIdentityPolicy(principalArn, role.arn);
      if (key === undefined) answerByPrincipal.set(principalArn, answer);
      else answerByKey.set(key, answer);
    }
    return answer;
  };
  const admitClasses = (classes: CandidateClass[]) => {
    const admitted: CandidateClass[] = [];
    for (const candidateClass of classes) {
      // A role assuming itself adds no reach: the role never answers for its class.
      const representative = candidateClass.members[0] === role.arn ? candidateClass.members[1] : candidateClass.members[0];
      if (representative !== undefined && isAllowed(candidateClass.key, representative)) admitted.push(candidateClass);
    }
    if (admitted.length > 0) admissions.push({ classes: admitted });
  };
  for (const entry of role.trusts) {
    if (entry.kind === 'public') {
      admitClasses(index.organizationClasses());
      continue;
    }
    if (entry.kind !== 'same-account' && entry.kind !== 'organization-account' && entry.kind !== 'external-account') continue;
    const rootMatch = ROOT_PRINCIPAL.exec(entry.principal);
    if (rootMatch) {
      // Trusting an account delegates the decision to that account's identity policies.
      admitClasses(index.accountClasses(rootMatch[1]));
      continue;
    }
    const named = resolveNamedPrincipal(entry.principal, index.names());
    if (!named || named.arn === role.arn) continue;
    // Same account, named by ARN: the trust policy alone is enough.
    if (named.accountId === role.accountId || isAllowed(named.decisionKey, named.arn)) admissions.push({ principal: named.arn });
  }
  return admissions;
}

/**
 * The assumers in discovery order: entry by entry, and within one entry's classes in input order
 * (a merge of the classes' member lists), each principal once, never the role itself. Lazy:
 * path collection stops after a few dozen.
 */
function* assumersInOrder(roleArn: string, admissions: readonly Admission[]): Generator<string> {
  const seen = new Set<string>([roleArn]);
  for (const admission of admissions) {
    if ('principal' in admission) {
      if (!seen.has(admission.principal)) {
        seen.add(admission.principal);
        yield admission.principal;
      }
      continue;
    }
    for (const member of mergeByPosition(admission.classes)) {
      if (!seen.has(member)) {
        seen.add(member);
        yield member;
      }
    }
  }
}

/** The members of several classes in input order: a k-way merge on a binary heap of cursors. */
function* mergeByPosition(classes: readonly CandidateClass[]): Generator<string> {
  if (classes.length === 1) {
    yield* classes[0].members;
    return;
  }
  // Heap of [class index, cursor], ordered by the position the cursor points at.
  const heap: Array<[number, number]> = classes.map((_candidateClass, which) => [which, 0]);
  const positionOf = (entry: [number, number]) => classes[entry[0]].positions[entry[1]];
  const siftDown = (from: number) => {
    for (let at = from; ; ) {
      const left = 2 * at + 1;
      const right = left + 1;
      let smallest = at;
      if (left < heap.length && positionOf(heap[left]) < positionOf(heap[smallest])) smallest = left;
      if (right < heap.length && positionOf(heap[right]) < positionOf(heap[smallest])) smallest = right;
      if (smallest === at) return;
      [heap[at], heap[smallest]] = [heap[smallest], heap[at]];
      at = smallest;
    }
  };
  for (let at = Math.floor(heap.length / 2) - 1; at >= 0; at -= 1) siftDown(at);
  while (heap.length > 0) {
    const top = heap[0];
    yield classes[top[0]].members[top[1]];
    top[1] += 1;
    if (top[1] >= classes[top[0]].members.length) {
      const last = heap.pop() as [number, number];
      if (heap.length === 0) return;
      heap[0] = last;
    }
    siftDown(0);
  }
}

function collectPaths(roleArn: string, admissionsOf: Map<string, Admission[]>, maxDepth: number, maxPaths: number): Pick<RoleReach, 'paths' | 'isTruncated'> {
  const paths: ReachPath[] = [];
  // Chains are built backwards (role first) and reversed when recorded.
  const queue: string[][] = [[roleArn]];
  for (let next = 0; next < queue.length; next += 1) {
    const chain = queue[next];
    const last = chain[chain.length - 1];
    for (const assumer of assumersInOrder(last, admissionsOf.get(last) ?? NO_ADMISSIONS)) {
      if (chain.includes(assumer)) continue;
      if (paths.length >= maxPaths) return { paths, isTruncated: true };
      const extended = [...chain, assumer];
      paths.push({ chain: [...extended].reverse() });
      // Only roles can be assumed, so only chains that start with a role can grow.
      if (admissionsOf.has(assumer) && extended.length - 1 < maxDepth) queue.push(extended);
    }
  }
  return { paths, isTruncated: false };
}

const NO_PATHS: Pick<RoleReach, 'paths' | 'isTruncated'> = { paths: [], isTruncated: false };
const NO_ASSUMERS: DirectAssumers = { principals: [], classes: [] };

function roleReachOf(roleArn: string, admissions: Admission[], paths: Pick<RoleReach, 'paths' | 'isTruncated'>): RoleReach {
  let listed: string[] | null = null;
  const assumers: DirectAssumers =
    admissions.length === 0
      ? NO_ASSUMERS
      : {
          principals: admissions.flatMap((admission) => ('principal' in admission ? [admission.principal] : [])),
          classes: admissions.flatMap((admission) => ('classes' in admission ? admission.classes : [])),
        };
  return {
    ...paths,
    assumers,
    get directAssumers() {
      return (listed ??= [...assumersInOrder(roleArn, admissions)]);
    },
  };
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
 * The cost follows the trust policies and the decision keys, not principals x roles: an
 * account-root or `*` trust is decided once per key among its candidates and admits whole
 * classes, which stay unexpanded (`assumers`); only the kept paths name members.
 */
export function computeAssumableBy(input: ReachInput): Map<string, RoleReach> {
  const maxDepth = input.maxDepth ?? DEFAULT_MAX_REACH_DEPTH;
  const maxPaths = input.maxPathsPerRole ?? DEFAULT_MAX_PATHS_PER_ROLE;
  let classCount = 0;
  const index = indexPrincipals(input.principals, input.canAssumeAnyRole, () => classCount++);
  const admissionsOf = new Map<string, Admission[]>();
  for (const role of input.roles) admissionsOf.set(role.arn, admitAssumers(role, input, index));
  const result = new Map<string, RoleReach>();
  for (const role of input.roles) {
    const admissions = admissionsOf.get(role.arn) ?? NO_ADMISSIONS;
    result.set(role.arn, roleReachOf(role.arn, admissions, admissions.length === 0 ? NO_PATHS : collectPaths(role.arn, admissionsOf, maxDepth, maxPaths)));
  }
  return result;
}
