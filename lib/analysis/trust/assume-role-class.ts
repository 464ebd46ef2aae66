import type { ActionCatalogue } from '../catalogue/load-catalogue';
import { hasBit } from '../policy/bitset';
import type { CompiledStatement } from '../policy/compile-policy';
import type { ResolvedPrincipal } from '../evaluation/resolve-policies';

const ASSUME_ROLE = 'sts:AssumeRole';

/**
 * Classifies a principal by what decides its sts:AssumeRole requests (the key of its class), and
 * answers for a class.
 */
export interface AssumeRoleClassifier {
  (resolved: ResolvedPrincipal): string;
  /**
   * The decision for sts:AssumeRole on `roleArn` without a request region, as decideRequest
   * gives it for every member of the class `key` (its `decision`; reasons name each member's own
   * policies): what reach asks, answered from the statements alone instead of a whole request
   * evaluation. Only for keys this classifier returned.
   */
  allows(key: string, roleArn: string): boolean;
}

/** The statements that decide sts:AssumeRole for a class, from its first member. */
interface DecidingStatements {
  identityAllows: CompiledStatement[];
  denies: CompiledStatement[];
  /** Null without a boundary. */
  boundaryAllows: CompiledStatement[] | null;
  /** One list per SCP level on the account's path (none when SCPs do not apply). */
  scpLevelAllows: CompiledStatement[][];
}

const matchesAny = (statements: CompiledStatement[], roleArn: string) => statements.some((statement) => statement.matchesResource(roleArn));

function decide(deciding: DecidingStatements, roleArn: string): boolean {
  return (
    !matchesAny(deciding.denies, roleArn) &&
    matchesAny(deciding.identityAllows, roleArn) &&
    (deciding.boundaryAllows === null || matchesAny(deciding.boundaryAllows, roleArn)) &&
    deciding.scpLevelAllows.every((level) => matchesAny(level, roleArn))
  );
}

/**
 * The class of principals that get the same sts:AssumeRole decision for every role ARN when the
 * request has no region (reach asks none): those whose identity policies, boundary and SCP path
 * hold statements that can match sts:AssumeRole with the same resource patterns, in the same
 * places. A request decision reads only statements whose action matches (every other statement
 * answers "does not apply"), and one applies exactly when its Resource/NotResource covers the
 * ARN and its conditions hold. Without a region, a remaining condition is undecided (the
 * principal's own facts were decided when its policies were specialised): an undecided Allow
 * still allows and an undecided Deny does not deny (decideRequest). So conditional Allows count
 * by their patterns, conditional Denies not at all, and equal sets give equal decisions.
 *
 * This is what turns "any principal of the organisation" (a `*` trust) and "any principal of
 * account A" (a root trust) into a handful of classes instead of one decision per principal:
 * thousands of principals with AdministratorAccess plus different Bedrock policies are one class.
 */
export function createAssumeRoleClassifier(catalogue: ActionCatalogue): AssumeRoleClassifier {
  const entry = catalogue.lookup(ASSUME_ROLE);
  const idByStatement = new WeakMap<CompiledStatement, string>();
  const decidingByKey = new Map<string, DecidingStatements>();
  let nextId = 0;
  const matches = (statement: CompiledStatement) => (entry ? hasBit(statement.actionBits, entry.index) : statement.matchesAction(ASSUME_ROLE));
  /**
   * What decides a statement's answer for sts:AssumeRole on any ARN: its Resource or NotResource
   * patterns. Patterns with a policy variable are read per policy, so those statements are
   * known by identity instead.
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
  /** The matching statements that can decide, and their contents; a conditional Deny never does. */
  const collect = (statements: CompiledStatement[], contents: Set<string>, into: CompiledStatement[]) => {
    for (const statement of statements) {
      if (!matches(statement) || (statement.effect === 'Deny' && statement.conditions.length > 0)) continue;
      contents.add(contentOf(statement));
      into.push(statement);
    }
  };
  const sorted = (set: Set<string>) => [...set].sort().join(',');
  // A Deny anywhere denies, any identity Allow allows, and the boundary and each SCP level each
  // need one of their Allows: the decision reads these sets, not which policy holds a statement.
  const classify = (resolved: ResolvedPrincipal): string => {
    const deciding: DecidingStatements = { identityAllows: [], denies: [], boundaryAllows: null, scpLevelAllows: [] };
    const denies = new Set<string>();
    const allows = new Set<string>();
    for (const ref of resolved.identity) {
      collect(ref.policy.allowStatements, allows, deciding.identityAllows);
      collect(ref.policy.denyStatements, denies, deciding.denies);
    }
    let boundary = 'none';
    if (resolved.boundary) {
      const boundaryAllows = new Set<string>();
      deciding.boundaryAllows = [];
      collect(resolved.boundary.policy.allowStatements, boundaryAllows, deciding.boundaryAllows);
      collect(resolved.boundary.policy.denyStatements, denies, deciding.denies);
      boundary = sorted(boundaryAllows);
    }
    let scp = 'none';
    if (resolved.account.scpLevels !== null) {
      const levels: string[] = [];
      for (const level of resolved.account.scpLevels) {
        const levelAllows = new Set<string>();
        const levelStatements: CompiledStatement[] = [];
        for (const owner of level.policies) {
          collect(owner.policy.allowStatements, levelAllows, levelStatements);
          collect(owner.policy.denyStatements, denies, deciding.denies);
        }
        deciding.scpLevelAllows.push(levelStatements);
        levels.push(sorted(levelAllows));
      }
      scp = levels.join('][');
    }
    const key = `allow:${sorted(allows)}|deny:${sorted(denies)}|boundary:${boundary}|scp:[${scp}]`;
    if (!decidingByKey.has(key)) decidingByKey.set(key, deciding);
    return key;
  };
  return Object.assign(classify, {
    allows(key: string, roleArn: string): boolean {
      const deciding = decidingByKey.get(key);
      if (!deciding) throw new Error(`unknown assume-role class ${key}`);
      return decide(deciding, roleArn);
    },
  });
}
