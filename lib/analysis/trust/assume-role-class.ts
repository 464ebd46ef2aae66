import type { ActionCatalogue } from '../catalogue/load-catalogue';
import { hasBit } from '../policy/bitset';
import type { CompiledStatement } from '../policy/compile-policy';
import type { ResolvedPrincipal } from '../evaluation/resolve-policies';

const ASSUME_ROLE = 'sts:AssumeRole';

/**
 * The class of principals that get the same sts:AssumeRole answer for every role ARN: those
 * whose identity policies, boundary and SCP path hold the very same compiled statements that
 * can match sts:AssumeRole. A request decision reads only statements whose action matches
 * (every other statement answers "does not apply"), so equal statement sets give equal
 * decisions for any resource. Only when none of those statements has a condition: a condition
 * may read the request or the principal (aws:PrincipalArn, tags), which this key does not see;
 * then null, and the caller keeps the principal's own access as its key.
 *
 * This is what turns "any principal of the organisation" (a `*` trust) and "any principal of
 * account A" (a root trust) into a handful of classes instead of one decision per principal:
 * thousands of principals with AdministratorAccess plus different Bedrock policies are one class.
 */
export function createAssumeRoleClassifier(catalogue: ActionCatalogue): (resolved: ResolvedPrincipal) => string | null {
  const entry = catalogue.lookup(ASSUME_ROLE);
  const idByStatement = new WeakMap<CompiledStatement, number>();
  let nextId = 0;
  const matches = (statement: CompiledStatement) => (entry ? hasBit(statement.actionBits, entry.index) : statement.matchesAction(ASSUME_ROLE));
  /** Ids of the matching statements, or null when one of them is conditional. */
  const idsOf = (statements: CompiledStatement[]): string | null => {
    let ids = '';
    for (const statement of statements) {
      if (!matches(statement)) continue;
      if (statement.conditions.length > 0) return null;
      let id = idByStatement.get(statement);
      if (id === undefined) {
        id = nextId++;
        idByStatement.set(statement, id);
      }
      ids += `${id},`;
    }
    return ids;
  };
  return (resolved) => {
    const parts: string[] = [];
    for (const ref of resolved.identity) {
      const allow = idsOf(ref.policy.allowStatements);
      const deny = idsOf(ref.policy.denyStatements);
      if (allow === null || deny === null) return null;
      parts.push(allow, deny);
    }
    parts.push('|boundary:');
    if (resolved.boundary) {
      const allow = idsOf(resolved.boundary.policy.allowStatements);
      const deny = idsOf(resolved.boundary.policy.denyStatements);
      if (allow === null || deny === null) return null;
      parts.push(allow, '/', deny);
    } else {
      parts.push('none');
    }
    parts.push('|scp:');
    if (resolved.account.scpLevels === null) {
      parts.push('none');
    } else {
      for (const level of resolved.account.scpLevels) {
        parts.push('[');
        for (const owner of level.policies) {
          const allow = idsOf(owner.policy.allowStatements);
          const deny = idsOf(owner.policy.denyStatements);
          if (allow === null || deny === null) return null;
          parts.push(allow, '/', deny, ';');
        }
        parts.push(']');
      }
    }
    return parts.join('');
  };
}
