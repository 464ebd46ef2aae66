import { ObjectKeyedMemo } from './object-keyed-memo';
import { createBitset, orInto } from '../policy/bitset';
import type { CompiledPolicy, CompiledStatement, DecidedConditionFact } from '../policy/compile-policy';
import { isPrincipalFactKey } from '../policy/principal-fact-keys';
import { decideCondition, type PrincipalContext, type Truth } from './principal-facts';

/**
 * A compiled policy as it applies to one principal: conditions on facts of the principal are
 * decided (see principal-facts.ts). Per statement, a decided-false condition means the
 * statement does not apply (it moves to `exemptStatements`); decided-true conditions drop out
 * and the rest stay, so a Deny on `aws:PrincipalArn` and `aws:RequestedRegion` becomes a plain
 * region Deny. Undecidable conditions stay as they are.
 *
 * Principals whose decisions are the same share one specialised policy (keyed by the policy
 * and the vector of decisions), so the evaluator's caches keep working per distinct outcome,
 * not per principal. A policy without decidable conditions for the principal is returned as is.
 */

interface FactCondition {
  statementPosition: number;
  conditionPosition: number;
}

const factConditions = new WeakMap<CompiledPolicy, FactCondition[]>();
const specialised = new ObjectKeyedMemo<CompiledPolicy, string, CompiledPolicy>();

function factConditionsOf(policy: CompiledPolicy): FactCondition[] {
  let found = factConditions.get(policy);
  if (!found) {
    found = [];
    policy.statements.forEach((statement, statementPosition) => {
      statement.conditions.forEach((condition, conditionPosition) => {
        if (isPrincipalFactKey(condition.key)) found?.push({ statementPosition, conditionPosition });
      });
    });
    factConditions.set(policy, found);
  }
  return found;
}

const TRUTH_LETTER: Record<Truth, string> = { true: 't', false: 'f', unknown: 'u' };

/** The policy for this principal and the decisions that made it ('' when nothing was decided). */
export function specializePolicy(policy: CompiledPolicy, context: PrincipalContext): { policy: CompiledPolicy; vector: string } {
  if (policy.principalFactConditionCount === 0) return { policy, vector: '' };
  const conditions = factConditionsOf(policy);
  const reasons: Array<string | null> = [];
  const truths = conditions.map(({ statementPosition, conditionPosition }) => {
    const condition = policy.statements[statementPosition].conditions[conditionPosition];
    const fact = context.factFor(condition.key);
    reasons.push(fact?.kind === 'unknown' ? fact.reason : null);
    return fact === undefined ? 'unknown' : decideCondition(condition, fact);
  });
  // Undecided for a reason of the principal (session tags, no organisation data): the reason
  // joins the vector, so principals undecided for different reasons get different copies.
  if (truths.every((truth) => truth === 'unknown') && reasons.every((reason) => reason === null)) return { policy, vector: '' };
  const vector = truths.map((truth, index) => (truth === 'unknown' && reasons[index] !== null ? `u${reasonCode(reasons[index])}` : TRUTH_LETTER[truth])).join('');
  const result = specialised.get(policy, vector, () => buildSpecialised(policy, conditions, truths, reasons, vector));
  return { policy: result, vector };
}

/** Reasons by position in the original conditions -> by position in the remaining ones; undefined when none. */
function remapReasons(original: CompiledStatement['conditions'], remaining: CompiledStatement['conditions'], reasons: Map<number, string>): Map<number, string> | undefined {
  if (reasons.size === 0) return undefined;
  const remapped = new Map<number, string>();
  for (const [position, reason] of reasons) remapped.set(remaining.indexOf(original[position]), reason);
  return remapped;
}

const reasonCodes = new Map<string, number>();

/** A short stable code per distinct reason text (a few kinds exist: session tags, no organisation, ...). */
function reasonCode(reason: string | null): number {
  const text = reason ?? '';
  let code = reasonCodes.get(text);
  if (code === undefined) {
    code = reasonCodes.size;
    reasonCodes.set(text, code);
  }
  return code;
}

function buildSpecialised(policy: CompiledPolicy, conditions: FactCondition[], truths: Truth[], reasons: Array<string | null>, vector: string): CompiledPolicy {
  const decidedByStatement = new Map<number, Map<number, boolean>>();
  const reasonsByStatement = new Map<number, Map<number, string>>();
  conditions.forEach(({ statementPosition, conditionPosition }, index) => {
    const reason = reasons[index];
    if (truths[index] === 'unknown' && reason !== null) {
      let byCondition = reasonsByStatement.get(statementPosition);
      if (!byCondition) {
        byCondition = new Map();
        reasonsByStatement.set(statementPosition, byCondition);
      }
      byCondition.set(conditionPosition, reason);
    }
    if (truths[index] === 'unknown') return;
    let decided = decidedByStatement.get(statementPosition);
    if (!decided) {
      decided = new Map();
      decidedByStatement.set(statementPosition, decided);
    }
    decided.set(conditionPosition, truths[index] === 'true');
  });

  const statements: CompiledStatement[] = [];
  const exemptStatements: CompiledStatement[] = [];
  policy.statements.forEach((statement, position) => {
    const decided = decidedByStatement.get(position) ?? new Map<number, boolean>();
    const undecided = reasonsByStatement.get(position);
    if (decided.size === 0 && !undecided) {
      statements.push(statement);
      return;
    }
    const facts: DecidedConditionFact[] = [];
    const undecidedReasons = new Map<number, string>();
    const remaining = statement.conditions.filter((condition, conditionPosition) => {
      const holds = decided.get(conditionPosition);
      if (holds === undefined) {
        const reason = undecided?.get(conditionPosition);
        if (reason !== undefined) undecidedReasons.set(conditionPosition, reason);
        return true;
      }
      facts.push({ operator: condition.operator, key: condition.key, values: condition.values, holds });
      return false;
    });
    if (decided.size === 0) {
      statements.push({ ...statement, undecidedReasons: remapReasons(statement.conditions, remaining, undecidedReasons) });
      return;
    }
    const failed = facts.filter((fact) => !fact.holds);
    if (failed.length > 0) {
      // Only the conditions that failed explain why the statement does not apply.
      exemptStatements.push({ ...statement, decided: failed });
      return;
    }
    statements.push({ ...statement, conditions: remaining, isConditional: remaining.length > 0, decided: facts, undecidedReasons: remapReasons(statement.conditions, remaining, undecidedReasons) });
  });

  const length = policy.allowBits.length * 32;
  const allowBits = createBitset(length);
  const denyBits = createBitset(length);
  for (const statement of statements) orInto(statement.effect === 'Allow' ? allowBits : denyBits, statement.actionBits);
  return {
    key: `${policy.key}?${vector}`,
    statements,
    allowStatements: statements.filter((statement) => statement.effect === 'Allow'),
    denyStatements: statements.filter((statement) => statement.effect === 'Deny'),
    allowBits,
    denyBits,
    principalFactConditionCount: policy.principalFactConditionCount,
    exemptStatements,
  };
}
