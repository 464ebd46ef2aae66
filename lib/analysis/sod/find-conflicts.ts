import type { Grant, SodConflict, SodRule } from '../types';
import { matchesWildcard } from './wildcard-pattern';

/** An admin's acceptance of one rule for one principal, until `expiresAt`. */
export interface SodException {
  ruleId: string;
  principalArn: string;
  /** ISO 8601 or a Date; an unparseable date counts as expired. */
  expiresAt: string | Date;
}

export interface SodFindings {
  open: SodConflict[];
  /** Conflicts covered by an exception still in force at `now`. */
  excepted: SodConflict[];
}

const PASSED_TO_SERVICE = 'iam:passedtoservice';

/**
 * `iam:PassRole` counts for SoD only when it can pass roles to Bedrock: a grant whose
 * `iam:PassedToService` condition names only other services (e.g. `lambda.amazonaws.com`) is
 * not an IAM-escalation path into Bedrock.
 */
function canPassToBedrock(grant: Grant): boolean {
  const serviceConditions = grant.conditions.filter(
    (condition) => condition.source === 'allow' && condition.key.toLowerCase() === PASSED_TO_SERVICE && /^string(equals|like)/i.test(condition.operator),
  );
  return serviceConditions.every((condition) => condition.values.some((value) => matchesWildcard(value, 'bedrock.amazonaws.com')));
}

// Rules are few and actions a catalogue's worth: remember each (side, action) answer.
const sideActionMatches = new WeakMap<SodRule['sideA'], Map<string, boolean>>();

function sideMatchesAction(side: SodRule['sideA'], action: string): boolean {
  let matches = sideActionMatches.get(side);
  if (!matches) {
    matches = new Map();
    sideActionMatches.set(side, matches);
  }
  let isMatch = matches.get(action);
  if (isMatch === undefined) {
    isMatch = side.actions.some((pattern) => matchesWildcard(pattern, action));
    matches.set(action, isMatch);
  }
  return isMatch;
}

function sideGrants(side: SodRule['sideA'], bedrockGrants: Grant[], supportingGrants: Grant[]): Grant[] {
  // Tiers classify Bedrock actions only; supporting (IAM) grants match by action pattern.
  const byTier = side.tiers.length === 0 ? [] : bedrockGrants.filter((grant) => side.tiers.includes(grant.tier));
  if (side.actions.length === 0) return byTier;
  const byAction = [...bedrockGrants, ...supportingGrants].filter(
    (grant) => sideMatchesAction(side, grant.action) && (grant.action.toLowerCase() !== 'iam:passrole' || canPassToBedrock(grant)),
  );
  return [...new Set([...byTier, ...byAction])];
}

/** The grants on each side of one rule (either side empty: no conflict). */
export function findSodSides(grants: Grant[], supportingGrants: Grant[], rule: SodRule): { sideA: Grant[]; sideB: Grant[] } {
  return { sideA: sideGrants(rule.sideA, grants, supportingGrants), sideB: sideGrants(rule.sideB, grants, supportingGrants) };
}

function isInForce(exception: SodException, now: Date): boolean {
  const expiresAt = exception.expiresAt instanceof Date ? exception.expiresAt.getTime() : Date.parse(exception.expiresAt);
  return !Number.isNaN(expiresAt) && expiresAt >= now.getTime();
}

/**
 * Finds the separation-of-duties conflicts of one principal: a rule conflicts when both of its
 * sides match some grant. Each conflict lists the grants on both sides. A conflict with an
 * exception in force (same rule and principal, `expiresAt` not before `now`) is 'excepted';
 * once the exception has expired it is open again.
 */
export function findSodConflicts(
  grants: Grant[],
  supportingGrants: Grant[],
  rules: readonly SodRule[],
  exceptions: readonly SodException[],
  principalArn: string,
  now: Date,
): SodFindings {
  const findings: SodFindings = { open: [], excepted: [] };
  for (const rule of rules) {
    const { sideA, sideB } = findSodSides(grants, supportingGrants, rule);
    if (sideA.length === 0 || sideB.length === 0) continue;
    const conflict: SodConflict = { ruleId: rule.id, severity: rule.severity, title: rule.title, sideA, sideB };
    const isExcepted = exceptions.some(
      (exception) => exception.ruleId === rule.id && exception.principalArn === principalArn && isInForce(exception, now),
    );
    (isExcepted ? findings.excepted : findings.open).push(conflict);
  }
  return findings;
}
