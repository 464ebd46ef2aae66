import { globToRegExp, hasWildcard } from '../catalogue/wildcard';
import type { ParsedCondition } from '../policy/parse-policy';
import { COMMERCIAL_REGIONS } from '../regions';

/**
 * What the engine can read out of conditions without a request: the regions a statement leaves
 * open (`aws:RequestedRegion`) and whether an invoke needs a guardrail. Everything else stays an
 * opaque condition that marks a grant as conditional.
 *
 * A region set is `null` for "no limit" and a sorted list of region codes otherwise.
 */
export type RegionSet = string[] | null;

const REQUESTED_REGION = 'aws:requestedregion';
const GUARDRAIL_IDENTIFIER = 'bedrock:guardrailidentifier';

/** `ForAnyValue:StringEqualsIfExists` -> `StringEquals`: the set and IfExists forms mean the same for a single-valued key that is always present. */
export function baseOperator(operator: string): string {
  const withoutSet = operator.includes(':') ? operator.slice(operator.indexOf(':') + 1) : operator;
  return withoutSet.endsWith('IfExists') ? withoutSet.slice(0, -'IfExists'.length) : withoutSet;
}

type RegionOperatorMeaning = 'in' | 'not-in';

function regionOperatorMeaning(operator: string): RegionOperatorMeaning | null {
  switch (baseOperator(operator)) {
    case 'StringEquals':
    case 'StringLike':
    case 'StringEqualsIgnoreCase':
      return 'in';
    case 'StringNotEquals':
    case 'StringNotLike':
    case 'StringNotEqualsIgnoreCase':
      return 'not-in';
    default:
      return null;
  }
}

export function isRegionCondition(condition: ParsedCondition): boolean {
  return condition.key.toLowerCase() === REQUESTED_REGION && regionOperatorMeaning(condition.operator) !== null;
}

function matchesRegionValue(value: string, region: string): boolean {
  return hasWildcard(value) ? globToRegExp(value, true).test(region) : value.toLowerCase() === region.toLowerCase();
}

/** The listed regions, with `StringLike` patterns expanded over the known commercial regions. */
function expandRegions(values: string[]): string[] {
  const regions = new Set<string>();
  for (const value of values) {
    if (!hasWildcard(value)) regions.add(value.toLowerCase());
    else for (const region of COMMERCIAL_REGIONS) if (matchesRegionValue(value, region)) regions.add(region);
  }
  return [...regions].sort();
}

function complementRegions(values: string[]): string[] {
  return COMMERCIAL_REGIONS.filter((region) => !values.some((value) => matchesRegionValue(value, region)));
}

/** Intersection of two region sets (`null` = all). */
export function intersectRegions(left: RegionSet, right: RegionSet): RegionSet {
  if (left === null) return right;
  if (right === null) return left;
  const kept = new Set(right);
  return left.filter((region) => kept.has(region));
}

/** Union of two region sets (`null` = all). */
export function unionRegions(left: RegionSet, right: RegionSet): RegionSet {
  if (left === null || right === null) return null;
  return [...new Set([...left, ...right])].sort();
}

/** Regions where the region conditions hold (conjunction); `null` when there is none. */
function regionsWhereConditionsHold(conditions: ParsedCondition[]): RegionSet {
  let regions: RegionSet = null;
  for (const condition of conditions) {
    if (!isRegionCondition(condition)) continue;
    const held = regionOperatorMeaning(condition.operator) === 'in' ? expandRegions(condition.values) : complementRegions(condition.values);
    regions = intersectRegions(regions, held);
  }
  return regions;
}

/**
 * Regions an Allow statement grants in: where its region conditions hold (`StringEquals` ->
 * the values, `StringNotEquals` -> all others). `null` when it has no region condition.
 */
export function regionsOfAllow(conditions: ParsedCondition[]): RegionSet {
  return regionsWhereConditionsHold(conditions);
}

/**
 * Regions a conditional Deny leaves open: the complement of where it applies. The region-lock
 * SCP (`Deny ... StringNotEquals aws:RequestedRegion [eu-west-1]`) leaves exactly the listed
 * regions. Only a Deny whose every condition is a region condition narrows: if it also needs
 * another condition it may not apply at all, so it narrows nothing (it is shown as a condition).
 */
export function regionsLeftByDeny(conditions: ParsedCondition[]): RegionSet {
  if (conditions.length === 0 || !conditions.every(isRegionCondition)) return null;
  const denied = regionsWhereConditionsHold(conditions);
  if (denied === null) return null;
  return COMMERCIAL_REGIONS.filter((region) => !denied.includes(region));
}

/**
 * True when the statement ties an invoke to a guardrail: an Allow conditioned on
 * `bedrock:GuardrailIdentifier`, or a Deny that fires when it is absent or different.
 */
export function requiresGuardrail(conditions: ParsedCondition[], effect: 'Allow' | 'Deny'): boolean {
  return conditions.some((condition) => {
    if (condition.key.toLowerCase() !== GUARDRAIL_IDENTIFIER) return false;
    const operator = baseOperator(condition.operator);
    if (effect === 'Allow') return !(operator === 'Null' && condition.values.includes('true'));
    return (operator === 'Null' && condition.values.includes('true')) || operator.startsWith('StringNot');
  });
}

export type StaticTruth = 'true' | 'false' | 'unknown';

/**
 * Decides a statement's conditions for a concrete request when that is possible without a
 * request context: only `aws:RequestedRegion` with a known region. Anything else is 'unknown'.
 */
export function decideConditions(conditions: ParsedCondition[], region: string | null): StaticTruth {
  if (conditions.length === 0) return 'true';
  if (region === null || !conditions.every(isRegionCondition)) return 'unknown';
  const holds = conditions.every((condition) => {
    const isListed = condition.values.some((value) => matchesRegionValue(value, region));
    return regionOperatorMeaning(condition.operator) === 'in' ? isListed : !isListed;
  });
  return holds ? 'true' : 'false';
}
