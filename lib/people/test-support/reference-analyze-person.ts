/**
 * The person analysis as first written (#14): every person analysed from their roles' grants,
 * one person at a time, with plain sets and strings. Kept as the oracle of the differential tests
 * of lib/people/person-analyzer.ts (bitsets, memo by role set, compact storage), which must give
 * the same PersonAnalysis.
 */
import { deriveBlastRadiusFacts } from '../../analysis/blast-radius/derive-facts';
import { scoreBlastRadius } from '../../analysis/blast-radius/score-blast-radius';
import type { Weights } from '../../analysis/blast-radius/weights';
import { findSodSides } from '../../analysis/sod/find-conflicts';
import { TIERS, type Environment, type Exposure, type Grant, type SodRule, type Tier } from '../../analysis/types';
import type { PersonAccount, PersonAnalysis, PersonConflict, RoleAccess } from '../analyze-person';
import type { PersonAssignment } from '../link-roles';

const ENVIRONMENT_ORDER: readonly Environment[] = ['prod', 'unknown', 'nonprod', 'sandbox'];

/**
 * What a role contributes to every person assigned it, computed once per role however many people
 * share it (a role reached by thousands of people through one group is analysed once, #14 scale).
 * Keyed by the role object, which the caller builds once per scan.
 */
interface RoleSummary {
  actions: ReadonlySet<string>;
  tiers: ReadonlySet<Tier>;
  /** Per SoD rule: the role's own grants on each side (empty when the role holds none). */
  sides: Map<SodRule, { sideA: Grant[]; sideB: Grant[] }>;
}
const summaryByRole = new WeakMap<RoleAccess, RoleSummary>();

function summaryOf(role: RoleAccess): RoleSummary {
  let summary = summaryByRole.get(role);
  if (!summary) {
    summary = { actions: new Set(role.grants.map((grant) => grant.action)), tiers: new Set(role.grants.map((grant) => grant.tier)), sides: new Map() };
    summaryByRole.set(role, summary);
  }
  return summary;
}

/** The role's grants on both sides of `rule` (the engine's own side matching, run on this role alone). */
function sidesOf(role: RoleAccess, rule: SodRule): { sideA: Grant[]; sideB: Grant[] } {
  const summary = summaryOf(role);
  let sides = summary.sides.get(rule);
  if (!sides) {
    sides = findSodSides(role.grants, role.supportingGrants, rule);
    summary.sides.set(rule, sides);
  }
  return sides;
}

function sortedTiersOf(held: ReadonlySet<Tier>): Tier[] {
  return TIERS.filter((tier) => held.has(tier));
}

function unionOf<T>(sets: Iterable<ReadonlySet<T>>): Set<T> {
  const union = new Set<T>();
  for (const set of sets) for (const value of set) union.add(value);
  return union;
}

function sortedActions(grants: Grant[]): string[] {
  return [...new Set(grants.map((grant) => grant.action))].sort();
}

/** The environment that weighs most under the weights in force (production by default). */
function weightiestEnvironment(environments: Environment[], weights: Weights): Environment {
  const candidates = environments.length > 0 ? environments : (['unknown'] as Environment[]);
  return [...candidates].sort((left, right) => weights.environment.points[right] - weights.environment.points[left] || ENVIRONMENT_ORDER.indexOf(left) - ENVIRONMENT_ORDER.indexOf(right))[0];
}

/**
 * A person's effective Bedrock access: the union over the roles their assignments become. Tiers
 * and actions are the union; the blast radius is scored with the engine's own factors on the
 * union of the roles' grants (models, regions), the union of the roles' exposure (how sessions
 * reach them: the Identity Center SAML federation), the accounts any of the roles reaches, and
 * the weightiest environment among those accounts; credentials are a role's (short-lived). SoD
 * rules run on the union, so a person who can customise in one account and invoke in another
 * conflicts even when no single role does (`isAcrossRoles`). Pure and deterministic: the same
 * roles give the same result whatever their order.
 *
 * A rule's side over the union of roles is the union of each role's side (side matching looks at
 * one grant at a time), so sides, tiers and actions are computed per role once and merged.
 */
export function referenceAnalyzePerson(userId: string, assignments: PersonAssignment[], roleByArn: ReadonlyMap<string, RoleAccess>, rules: readonly SodRule[], weights: Weights): PersonAnalysis {
  const roleArns = [...new Set(assignments.map((assignment) => assignment.roleArn).filter((arn): arn is string => arn !== null))].sort();
  const roles = roleArns.map((arn) => roleByArn.get(arn)).filter((role): role is RoleAccess => role !== undefined);
  const grants = roles.flatMap((role) => role.grants);

  const bedrockRoles = roles.filter((role) => role.grants.length > 0);
  const accountIds = [...new Set(bedrockRoles.map((role) => role.accountId))].sort();
  const accounts: PersonAccount[] = accountIds.map((accountId) => {
    const inAccount = bedrockRoles.filter((role) => role.accountId === accountId);
    const summaries = inAccount.map(summaryOf);
    return { accountId, roleArns: inAccount.map((role) => role.arn), tiers: sortedTiersOf(unionOf(summaries.map((summary) => summary.tiers))), actionCount: unionOf(summaries.map((summary) => summary.actions)).size };
  });
  const reach = new Set<string>(accountIds);
  for (const role of bedrockRoles) for (const accountId of role.reachAccountIds) reach.add(accountId);

  const exposure: Exposure = {
    trusts: bedrockRoles.flatMap((role) => role.exposure.trusts),
    assumableBy: bedrockRoles.flatMap((role) => role.exposure.assumableBy),
    isReachableFromOutsideOrganization: bedrockRoles.some((role) => role.exposure.isReachableFromOutsideOrganization),
    hasUnpinnedOidcTrust: bedrockRoles.some((role) => role.exposure.hasUnpinnedOidcTrust),
    hasPublicTrust: bedrockRoles.some((role) => role.exposure.hasPublicTrust),
  };
  const facts = deriveBlastRadiusFacts({
    principalType: 'role',
    grants,
    exposure,
    credentials: { activeAccessKeyCount: 0, oldestActiveKeyAgeDays: null, lastKeyUseDaysAgo: null, hasBedrockApiKey: false, hasConsolePasswordWithoutMfa: false, roleLastUsedDaysAgo: null, lastBedrockUseDaysAgo: null },
    environment: weightiestEnvironment(bedrockRoles.map((role) => role.environment), weights),
    accountCount: reach.size,
  });
  // No usage fact for people: CloudTrail ties a call to a UserId only under trusted identity
  // propagation, so "no call seen for this UserId" is not evidence of no use. The usage factor says so.
  // Like a principal without Bedrock access: no score and nothing to explain.
  const blastRadius = grants.length === 0 ? { score: 0, factors: [] } : scoreBlastRadius(facts, weights);

  const conflicts: PersonConflict[] = [];
  for (const rule of rules) {
    const perRole = roles.map((role) => ({ role, ...sidesOf(role, rule) }));
    const rolesA = perRole.filter((entry) => entry.sideA.length > 0);
    const rolesB = perRole.filter((entry) => entry.sideB.length > 0);
    if (rolesA.length === 0 || rolesB.length === 0) continue;
    // A role holding both sides is a role-level conflict the principal pages already show.
    const isAcrossRoles = !rolesB.some((entry) => entry.sideA.length > 0);
    conflicts.push({
      ruleId: rule.id,
      severity: rule.severity,
      title: rule.title,
      sideA: { roles: rolesA.map(({ role }) => ({ roleArn: role.arn, accountId: role.accountId })), actions: sortedActions(rolesA.flatMap((entry) => entry.sideA)) },
      sideB: { roles: rolesB.map(({ role }) => ({ roleArn: role.arn, accountId: role.accountId })), actions: sortedActions(rolesB.flatMap((entry) => entry.sideB)) },
      isAcrossRoles,
    });
  }

  const summaries = roles.map(summaryOf);
  return { userId, tiers: sortedTiersOf(unionOf(summaries.map((summary) => summary.tiers))), actions: [...unionOf(summaries.map((summary) => summary.actions))].sort(), accounts, blastRadius, conflicts };
}
