import type { ConditionEntry, DecidedCondition, DenialSource, Grant, GrantPath, PrincipalAccess } from '../types';

/**
 * Moving a computed access to another account whose policies are the same up to the account id
 * (see `portableText` in resolve-policies.ts): the ARNs of the account's own customer
 * managed policies and boundary, and every occurrence of the account id in the documents
 * (resource ARNs, condition values, statement ids), are the only differences. Actions, tiers,
 * regions and decisions are equal, because the evaluation never compares an account id with
 * anything but itself when the documents pass that check.
 */
export function rebaseArn(arn: string | null, fromAccountId: string, toAccountId: string): string | null {
  if (arn === null) return null;
  const marker = `:iam::${fromAccountId}:`;
  const at = arn.indexOf(marker);
  return at < 0 ? arn : `${arn.slice(0, at)}:iam::${toAccountId}:${arn.slice(at + marker.length)}`;
}

const accountRuns = new Map<string, RegExp>();

/** Occurrences of the account id as a whole number: never the middle of a longer digit run. */
export function accountIdPattern(accountId: string): RegExp {
  let pattern = accountRuns.get(accountId);
  if (!pattern) {
    pattern = new RegExp(`(?<!\\d)${accountId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\d)`, 'g');
    if (accountRuns.size > 10_000) accountRuns.clear();
    accountRuns.set(accountId, pattern);
  }
  return pattern;
}

/** `text` with every whole occurrence of one account id replaced by another. */
export function substituteAccountId(text: string, fromAccountId: string, toAccountId: string): string {
  return text.includes(fromAccountId) ? text.replace(accountIdPattern(fromAccountId), toAccountId) : text;
}

function mentionsAccountId(text: string | null, accountId: string): boolean {
  return text !== null && text.includes(accountId);
}

function grantMentions(grant: Grant, accountId: string): boolean {
  const path = grant.path;
  return (
    mentionsAccountId(path.policyArn, accountId) ||
    mentionsAccountId(path.statementId, accountId) ||
    grant.resources.some((pattern) => pattern.includes(accountId)) ||
    grant.notResources.some((pattern) => pattern.includes(accountId)) ||
    grant.conditions.some((condition) => condition.values.some((value) => value.includes(accountId))) ||
    decidedMentions(grant.decided, accountId)
  );
}

function decidedMentions(decided: DecidedCondition[] | undefined, accountId: string): boolean {
  return decided !== undefined && decided.some((condition) => condition.values.some((value) => value.includes(accountId)));
}

function denialMentions(source: DenialSource, accountId: string): boolean {
  return mentionsAccountId(source.policyArn, accountId) || mentionsAccountId(source.statementId, accountId) || decidedMentions(source.decided, accountId);
}

/** True when some grant, supporting grant or denial names `accountId`: the result must be rebased to be reused elsewhere. */
export function mentionsAccount(result: { grants: Grant[]; supportingGrants: Grant[] }, denials: Iterable<DenialSource>, accountId: string): boolean {
  if (result.grants.some((grant) => grantMentions(grant, accountId)) || result.supportingGrants.some((grant) => grantMentions(grant, accountId))) return true;
  for (const source of denials) if (denialMentions(source, accountId)) return true;
  return false;
}

/**
 * Maps grants, paths and denials of one account to another. Objects that do not change are
 * returned as they are, grants of one statement keep sharing one path object, and inputs shared
 * between principals are never mutated. Policy and group names are not touched: they are part
 * of the cache keys as written, so a shared result never had them differ.
 */
export class AccountRebaser {
  private readonly paths = new Map<GrantPath, GrantPath>();
  private readonly conditionLists = new Map<ConditionEntry[], ConditionEntry[]>();
  private readonly decidedLists = new Map<DecidedCondition[], DecidedCondition[]>();

  constructor(
    readonly fromAccountId: string,
    readonly toAccountId: string,
  ) {}

  text(value: string): string {
    return substituteAccountId(value, this.fromAccountId, this.toAccountId);
  }

  private optionalText(value: string | null): string | null {
    return value === null ? null : this.text(value);
  }

  private texts(values: string[]): string[] {
    let changed: string[] | null = null;
    values.forEach((value, index) => {
      const rebased = this.text(value);
      if (rebased !== value) (changed ??= [...values])[index] = rebased;
    });
    return changed ?? values;
  }

  private conditions(list: ConditionEntry[]): ConditionEntry[] {
    return this.valueLists(list, this.conditionLists);
  }

  private decided(list: DecidedCondition[] | undefined): DecidedCondition[] | undefined {
    return list === undefined ? undefined : this.valueLists(list, this.decidedLists);
  }

  /** A list of conditions with their values rebased, memoised per list; the same list when nothing changes. */
  private valueLists<Condition extends { values: string[] }>(list: Condition[], memo: Map<Condition[], Condition[]>): Condition[] {
    let rebased = memo.get(list);
    if (!rebased) {
      let changed = false;
      const mapped = list.map((condition) => {
        const values = this.texts(condition.values);
        if (values === condition.values) return condition;
        changed = true;
        return { ...condition, values };
      });
      rebased = changed ? mapped : list;
      memo.set(list, rebased);
    }
    return rebased;
  }

  path(path: GrantPath): GrantPath {
    let rebased = this.paths.get(path);
    if (!rebased) {
      const policyArn = rebaseArn(path.policyArn, this.fromAccountId, this.toAccountId);
      const statementId = this.optionalText(path.statementId);
      rebased = policyArn === path.policyArn && statementId === path.statementId ? path : { ...path, policyArn, statementId };
      this.paths.set(path, rebased);
    }
    return rebased;
  }

  grant(grant: Grant): Grant {
    const path = this.path(grant.path);
    const resources = this.texts(grant.resources);
    const notResources = this.texts(grant.notResources);
    const conditions = this.conditions(grant.conditions);
    const decided = this.decided(grant.decided);
    if (path === grant.path && resources === grant.resources && notResources === grant.notResources && conditions === grant.conditions && decided === grant.decided) return grant;
    const rebased: Grant = { ...grant, path, resources, notResources, conditions };
    if (decided !== undefined) rebased.decided = decided;
    return rebased;
  }

  denial(source: DenialSource): DenialSource {
    const policyArn = rebaseArn(source.policyArn, this.fromAccountId, this.toAccountId);
    const statementId = this.optionalText(source.statementId);
    const decided = this.decided(source.decided);
    if (policyArn === source.policyArn && statementId === source.statementId && decided === source.decided) return source;
    const rebased: DenialSource = { ...source, policyArn, statementId };
    if (decided !== undefined) rebased.decided = decided;
    return rebased;
  }
}

/**
 * How a rebased access relates to the access it was copied from. What depends only on actions,
 * tiers, and on resources and regions up to the account id (scores, tiers, SoD matches) can be
 * computed once on the source and carried over; grants in the result are mapped with `grantOf`.
 */
export interface RebaseLink {
  source: PrincipalAccess;
  /** The rebased grant (or supporting grant) standing for a grant of the source. */
  grantOf(grant: Grant): Grant;
  /** The renaming itself, for texts and paths derived from the source's grants. */
  rebaser: AccountRebaser;
}

const links = new WeakMap<PrincipalAccess, RebaseLink>();

/** The link of an access made by `rebaseAccess`; undefined for an access computed directly. */
export function rebaseLinkOf(access: PrincipalAccess): RebaseLink | undefined {
  return links.get(access);
}

/** Which grants, supporting grants and denials of an access name an account: only those change when it is renamed. */
interface AccountSpecificParts {
  accountId: string;
  grants: number[];
  supportingGrants: number[];
  denied: number[];
}
const specificParts = new WeakMap<PrincipalAccess, AccountSpecificParts>();

function indexesWhere<T>(items: T[], test: (item: T) => boolean): number[] {
  const indexes: number[] = [];
  items.forEach((item, index) => {
    if (test(item)) indexes.push(index);
  });
  return indexes;
}

function accountSpecificParts(access: PrincipalAccess, accountId: string): AccountSpecificParts {
  let parts = specificParts.get(access);
  if (!parts || parts.accountId !== accountId) {
    parts = {
      accountId,
      grants: indexesWhere(access.grants, (grant) => grantMentions(grant, accountId)),
      supportingGrants: indexesWhere(access.supportingGrants, (grant) => grantMentions(grant, accountId)),
      denied: indexesWhere(access.denied, (denied) => denialMentions(denied.deniedBy, accountId)),
    };
    specificParts.set(access, parts);
  }
  return parts;
}

/**
 * True when some grant, supporting grant or denial of the access names `accountId`. The entries
 * found are kept for the access's first rebase, which copies only those.
 */
export function mentionsAccountPolicies(access: PrincipalAccess, accountId: string): boolean {
  const parts = accountSpecificParts(access, accountId);
  return parts.grants.length > 0 || parts.supportingGrants.length > 0 || parts.denied.length > 0;
}

/**
 * The same access with `fromAccountId` rewritten to `toAccountId` (see AccountRebaser). Only the
 * entries that name the account are copied (found once per source access, however many accounts
 * it is renamed to); the rest are the source's own objects.
 */
export function rebaseAccess(access: PrincipalAccess, fromAccountId: string, toAccountId: string): PrincipalAccess {
  const rebaser = new AccountRebaser(fromAccountId, toAccountId);
  const parts = accountSpecificParts(access, fromAccountId);
  const rebaseGrants = (grants: Grant[], indexes: number[]): Grant[] => {
    if (indexes.length === 0) return grants;
    const copy = grants.slice();
    for (const index of indexes) copy[index] = rebaser.grant(grants[index]);
    return copy;
  };
  let denied = access.denied;
  if (parts.denied.length > 0) {
    denied = denied.slice();
    for (const index of parts.denied) {
      const deniedBy = rebaser.denial(denied[index].deniedBy);
      if (deniedBy !== denied[index].deniedBy) denied[index] = { ...denied[index], deniedBy };
    }
  }
  const rebased: PrincipalAccess = {
    grants: rebaseGrants(access.grants, parts.grants),
    supportingGrants: rebaseGrants(access.supportingGrants, parts.supportingGrants),
    denied,
    errors: access.errors,
  };
  // Built on first use: most rebased accesses never need a grant mapped back.
  let changed: Map<Grant, Grant> | null = null;
  const grantOf = (grant: Grant): Grant => {
    if (!changed) {
      const map = new Map<Grant, Grant>();
      for (const index of parts.grants) map.set(access.grants[index], rebased.grants[index]);
      for (const index of parts.supportingGrants) map.set(access.supportingGrants[index], rebased.supportingGrants[index]);
      changed = map;
    }
    return changed.get(grant) ?? grant;
  };
  links.set(rebased, { source: access, grantOf, rebaser });
  return rebased;
}
