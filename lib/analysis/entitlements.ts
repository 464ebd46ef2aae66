import type { Grant, GrantPath, Tier } from './types';
import { TIERS } from './types';

/** A grant path without its statement: the unit an owner certifies and a revocation removes. */
export type EntitlementPath = Omit<GrantPath, 'statementId' | 'statementIndex'>;

export interface StatementGrants {
  statementId: string | null;
  statementIndex: number;
  /** The grants of one statement share resources, regions and conditions in almost every real policy. */
  grants: Grant[];
}

export interface EntitlementGroup {
  key: string;
  path: EntitlementPath;
  tiers: Tier[];
  actions: string[];
  isConditional: boolean;
  statements: StatementGrants[];
}

/**
 * Stable across snapshots: the same principal holding the same policy through the same
 * attachment gets the same key, so drift and micro-certification can match entitlements.
 */
export function entitlementKey(principalArn: string, path: EntitlementPath): string {
  const policy = path.policyKind === 'managed' ? (path.policyArn ?? path.policyName) : `inline:${path.policyName}`;
  const via = path.attachedVia === 'group' ? `group:${path.groupName ?? ''}` : 'direct';
  return `${principalArn}|${policy}|${via}`;
}

/** Groups a principal's grants by entitlement, then by statement, keeping a stable order. */
export function groupGrantsIntoEntitlements(principalArn: string, grants: readonly Grant[]): EntitlementGroup[] {
  const groups = new Map<string, EntitlementGroup & { statementMap: Map<number, StatementGrants> }>();
  // The grants of one statement share one path object and arrive together: an AdministratorAccess
  // holder has hundreds of them, so the group and statement of the previous grant are reused.
  let previousPath: GrantPath | null = null;
  let previousGroup: (EntitlementGroup & { statementMap: Map<number, StatementGrants> }) | null = null;
  let previousStatement: StatementGrants | null = null;
  for (const grant of grants) {
    if (grant.path === previousPath && previousGroup && previousStatement) {
      previousStatement.grants.push(grant);
      previousGroup.isConditional ||= grant.isConditional;
      continue;
    }
    const { statementId, statementIndex, ...path } = grant.path;
    const key = entitlementKey(principalArn, path);
    let group = groups.get(key);
    if (!group) {
      group = { key, path, tiers: [], actions: [], isConditional: false, statements: [], statementMap: new Map() };
      groups.set(key, group);
    }
    let statement = group.statementMap.get(statementIndex);
    if (!statement) {
      statement = { statementId, statementIndex, grants: [] };
      group.statementMap.set(statementIndex, statement);
      group.statements.push(statement);
    }
    statement.grants.push(grant);
    group.isConditional ||= grant.isConditional;
    previousPath = grant.path;
    previousGroup = group;
    previousStatement = statement;
  }
  return [...groups.values()].map(({ statementMap: _statementMap, ...group }) => {
    const tiers = new Set<Tier>();
    const actions = new Set<string>();
    for (const statement of group.statements) {
      for (const grant of statement.grants) {
        tiers.add(grant.tier);
        actions.add(grant.action);
      }
    }
    return { ...group, tiers: TIERS.filter((tier) => tiers.has(tier)), actions: [...actions].sort() };
  });
}
