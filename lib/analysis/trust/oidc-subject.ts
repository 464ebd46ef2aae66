import type { ConditionEntry } from '../types';
import { hasWildcard } from '../sod/wildcard-pattern';

/** Operators that restrict a key to the listed values when the key is present and must be present. */
const PINNING_OPERATORS = new Set(['stringequals', 'stringequalsignorecase', 'stringlike']);

/**
 * True when an allow condition restricts `<provider>:sub` to concrete values.
 *
 * - `StringEquals` / `StringEqualsIgnoreCase` / `StringLike` with values that contain no `*` or
 *   `?`: pinned. A wildcard under `StringEquals` is literal in IAM, but such a value is a typo
 *   for `StringLike` far more often than a pin, so it is reported as not pinned.
 * - `...IfExists` and `ForAllValues:` operators pass when the claim is missing: not pinned.
 * - No condition on `sub` (e.g. only `aud`): not pinned; any repository or workload of the
 *   provider could assume the role.
 */
export function isOidcSubjectPinned(oidcProvider: string, conditions: readonly ConditionEntry[]): boolean {
  const subjectKey = `${oidcProvider}:sub`.toLowerCase();
  return conditions.some((condition) => {
    if (condition.source !== 'allow' || condition.key.toLowerCase() !== subjectKey) return false;
    const operator = condition.operator.toLowerCase().replace(/^foranyvalue:/, '');
    if (!PINNING_OPERATORS.has(operator)) return false;
    return condition.values.length > 0 && condition.values.every((value) => value.length > 0 && !hasWildcard(value));
  });
}
