import type { ActionCatalogue } from '../catalogue/load-catalogue';
import { hasBit } from '../policy/bitset';
import type { CompiledStatement } from '../policy/compile-policy';
import type { ResolvedPrincipal } from '../evaluation/resolve-policies';

const ASSUME_ROLE = 'sts:AssumeRole';

/**
 * The class of principals that get the same sts:AssumeRole answer for every role ARN: those
 * whose identity policies, boundary and SCP path hold statements that can match sts:AssumeRole
 * with the same resource patterns, in the same places. A request decision reads only
 * statements whose action matches (every other statement answers "does not apply"), and an
 * unconditional one applies exactly when its Resource/NotResource covers the ARN, so equal
 * sets give equal decisions for any resource. Only when none of those statements has a condition: a condition
 * may read the request or the principal (aws:PrincipalArn, tags), which this key does not see;
 * then null, and the caller keeps the principal's own access as its key.
 *
 * This is what turns "any principal of the organisation" (a `*` trust) and "any principal of
 * account A" (a root trust) into a handful of classes instead of one decision per principal:
 * thousands of principals with AdministratorAccess plus different Bedrock policies are one class.
 */
export function createAssumeRoleClassifier(catalogue: ActionCatalogue): (resolved: ResolvedPrincipal) => string | null {
  const entry = catalogue.lookup(ASSUME_ROLE);
  const idByStatement = new WeakMap<CompiledStatement, string>();
  let nextId = 0;
  const matches = (statement: CompiledStatement) => (entry ? hasBit(statement.actionBits, entry.index) : statement.matchesAction(ASSUME_ROLE));
  /**
   * What decides an unconditional statement's answer for sts:AssumeRole on any ARN: its
   * Resource or NotResource patterns. Patterns with a policy variable are read per policy, so
   * those statements are known by identity instead.
   */
  const contentOf = (statement: CompiledStatement): string => {
    const patterns = statement.resources ?? statement.notResources ?? [];
    if (patterns.some((pattern) => pattern.includes('${'))) {
      let id = idByStatement.get(statement);
      if (id === undefined) {
        id = `#${nextId++}`;
        idByStatement.set(statement, id);
      }
      return id;
    }
    return `${statement.resources ? 'R' : 'N'}${JSON.stringify(patterns)}`;
  };
  /** Adds the matching statements' contents to `into`; false when one of them is conditional. */
  const collect = (statements: CompiledStatement[], into: Set<string>): boolean => {
    for (const statement of statements) {
      if (!matches(statement)) continue;
      if (statement.conditions.length > 0) return false;
      into.add(contentOf(statement));
    }
    return true;
  };
  const sorted = (set: Set<string>) => [...set].sort().join(',');
  // A Deny anywhere denies, any identity Allow allows, and the boundary and each SCP level each
  // need one of their Allows: the decision reads these sets, not which policy holds a statement.
  return (resolved) => {
    const denies = new Set<string>();
    const allows = new Set<string>();
    for (const ref of resolved.identity) if (!collect(ref.policy.allowStatements, allows) || !collect(ref.policy.denyStatements, denies)) return null;
    let boundary = 'none';
    if (resolved.boundary) {
      const boundaryAllows = new Set<string>();
      if (!collect(resolved.boundary.policy.allowStatements, boundaryAllows) || !collect(resolved.boundary.policy.denyStatements, denies)) return null;
      boundary = sorted(boundaryAllows);
    }
    let scp = 'none';
    if (resolved.account.scpLevels !== null) {
      const levels: string[] = [];
      for (const level of resolved.account.scpLevels) {
        const levelAllows = new Set<string>();
        for (const owner of level.policies) if (!collect(owner.policy.allowStatements, levelAllows) || !collect(owner.policy.denyStatements, denies)) return null;
        levels.push(sorted(levelAllows));
      }
      scp = levels.join('][');
    }
    return `allow:${sorted(allows)}|deny:${sorted(denies)}|boundary:${boundary}|scp:[${scp}]`;
  };
}
