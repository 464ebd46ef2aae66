import type { Weights } from '../analysis/blast-radius/weights';
import type { BlastRadius, Environment, Exposure, Grant, Severity, SodRule, Tier } from '../analysis/types';
import type { PersonAssignment } from './link-roles';
import { createPersonAnalyzer } from './person-analyzer';
import { expandPersonAnalysis } from './stored-person-analysis';

/** What the person analysis reads of one role (a subset of the engine's AnalyzedPrincipal). */
export interface RoleAccess {
  arn: string;
  accountId: string;
  environment: Environment;
  grants: Grant[];
  supportingGrants: Grant[];
  exposure: Exposure;
  /** Accounts where the role holds Bedrock access directly or through assumption. */
  reachAccountIds: string[];
}

/** One SoD conflict of a person, with the roles (so the accounts) on each side. */
export interface PersonConflict {
  ruleId: string;
  severity: Severity;
  title: string;
  sideA: { roles: Array<{ roleArn: string; accountId: string }>; actions: string[] };
  sideB: { roles: Array<{ roleArn: string; accountId: string }>; actions: string[] };
  /** True when no single role holds both sides: only the person, across assignments, does. */
  isAcrossRoles: boolean;
}

export interface PersonAccount {
  accountId: string;
  roleArns: string[];
  tiers: Tier[];
  /** Distinct Bedrock actions the person holds in the account (the list is the roles'; a count keeps the stored analysis small). */
  actionCount: number;
}

export interface PersonAnalysis {
  userId: string;
  tiers: Tier[];
  /** Distinct Bedrock actions allowed through any of their roles. */
  actions: string[];
  /** Accounts where one of their roles holds Bedrock access, with what it holds there. */
  accounts: PersonAccount[];
  blastRadius: BlastRadius;
  conflicts: PersonConflict[];
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
 * One person; a scan analyses everyone through one createPersonAnalyzer (lib/people/person-analyzer.ts),
 * which computes each role's part once and each distinct set of roles once.
 */
export function analyzePerson(userId: string, assignments: PersonAssignment[], roleByArn: ReadonlyMap<string, RoleAccess>, rules: readonly SodRule[], weights: Weights): PersonAnalysis {
  const roles = assignments.map((assignment) => (assignment.roleArn === null ? undefined : roleByArn.get(assignment.roleArn))).filter((role): role is RoleAccess => role !== undefined);
  const analyzer = createPersonAnalyzer(roles, rules, weights);
  return expandPersonAnalysis(userId, analyzer.analyze(roles.map((role) => role.arn)), analyzer.actionNames);
}
