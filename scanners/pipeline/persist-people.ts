import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../../db/client';
import {
  identityCenterAssignments,
  identityCenterGroups,
  identityCenterInstances,
  identityCenterMemberships,
  identityCenterPermissionSets,
  identityCenterUsers,
  ssoRoleLinks,
} from '../../db/schema';
import { resolveWeights } from '../../lib/analysis/blast-radius/weights';
import type { RetainedPrincipal } from '../../lib/analysis/snapshot-analysis-types';
import { tiersToMask } from '../../lib/analysis/tier-mask';
import type { Severity, SnapshotInput, SodRule } from '../../lib/analysis/types';
import type { RoleAccess } from '../../lib/people/analyze-person';
import { linkPeopleToRoles, type LinkedPeopleModel, type PeopleModel, type SsoRoleInput } from '../../lib/people/link-roles';
import { createPersonAnalyzer } from '../../lib/people/person-analyzer';
import type { StoredPersonAnalysis } from '../../lib/people/stored-person-analysis';
import type { IdentityCenterDirectory } from '../../lib/people/types';
import { inWriteTransaction } from '../../db/write-transaction';

/** The SSO roles of a snapshot in the shape the linker reads. */
export function ssoRolesOf(snapshot: SnapshotInput): SsoRoleInput[] {
  return snapshot.accounts.flatMap((account) =>
    account.roles
      .filter((role) => role.permissionSetName !== null)
      .map((role) => ({
        arn: role.arn,
        accountId: role.accountId,
        name: role.name,
        permissionSetName: role.permissionSetName,
        attachedManagedPolicyArns: role.attachedManagedPolicyArns,
        inlinePolicies: role.inlinePolicies,
        permissionsBoundaryArn: role.permissionsBoundaryArn,
      })),
  );
}

/** Links the directory to the snapshot's roles (pure, see lib/people/link-roles). */
export function buildPeopleModel(directory: IdentityCenterDirectory, snapshot: SnapshotInput): LinkedPeopleModel {
  return linkPeopleToRoles(directory, ssoRolesOf(snapshot));
}

export interface AnalyzePeopleOptions {
  sodRules: SodRule[];
  weightOverrides?: Record<string, unknown>;
  now: Date;
}

/** The people's analyses of one scan, in the stored form, and the action names their bitsets index. */
export interface PeopleAnalyses {
  actionNames: readonly string[];
  byUser: Map<string, StoredPersonAnalysis>;
  /** Distinct sets of roles analysed: people holding the same set share one analysis. */
  distinctRoleSetCount: number;
  /** Per person with assignments: how many (person assignments), and in how many distinct accounts. */
  assignmentsByUser: Map<string, { assignmentCount: number; accountCount: number }>;
}

/**
 * One pass over the person assignments (1.15 million at #14's scale): each person's roles in
 * assignment order, how many assignments and how many distinct accounts. Accounts are interned
 * as numbers and counted with a generation mark instead of a set of strings per person.
 */
function tallyAssignmentsByUser(assignments: PeopleModel['personAssignments']): { roleArnsByUser: Map<string, Array<string | null>>; assignmentsByUser: PeopleAnalyses['assignmentsByUser'] } {
  const accountIndex = new Map<string, number>();
  const byUser = new Map<string, { roleArns: Array<string | null>; accounts: number[] }>();
  for (const assignment of assignments) {
    let entry = byUser.get(assignment.userId);
    if (!entry) {
      entry = { roleArns: [], accounts: [] };
      byUser.set(assignment.userId, entry);
    }
    entry.roleArns.push(assignment.roleArn);
    let account = accountIndex.get(assignment.accountId);
    if (account === undefined) {
      account = accountIndex.size;
      accountIndex.set(assignment.accountId, account);
    }
    entry.accounts.push(account);
  }
  const mark = new Uint32Array(accountIndex.size);
  let generation = 0;
  const roleArnsByUser = new Map<string, Array<string | null>>();
  const assignmentsByUser: PeopleAnalyses['assignmentsByUser'] = new Map();
  for (const [userId, entry] of byUser) {
    generation += 1;
    let accountCount = 0;
    for (const account of entry.accounts) {
      if (mark[account] === generation) continue;
      mark[account] = generation;
      accountCount += 1;
    }
    roleArnsByUser.set(userId, entry.roleArns);
    assignmentsByUser.set(userId, { assignmentCount: entry.roleArns.length, accountCount });
  }
  return { roleArnsByUser, assignmentsByUser };
}

/** Every person's effective access, from the engine's analysis of the roles behind their assignments. */
export function analyzePeople(directory: IdentityCenterDirectory, model: PeopleModel, principals: readonly RetainedPrincipal[], options: AnalyzePeopleOptions): PeopleAnalyses {
  const weights = resolveWeights(options.weightOverrides ?? {});
  const linkedArns = new Set(model.roleLinks.map((link) => link.roleArn));
  const roleByArn = new Map<string, RoleAccess>();
  for (const principal of principals) {
    if (!linkedArns.has(principal.facts.arn)) continue;
    roleByArn.set(principal.facts.arn, {
      arn: principal.facts.arn,
      accountId: principal.facts.accountId,
      environment: principal.account.environment,
      grants: principal.grants,
      supportingGrants: principal.supportingGrants,
      exposure: principal.exposure,
      reachAccountIds: principal.reachAccountIds,
    });
  }
  const { roleArnsByUser, assignmentsByUser } = tallyAssignmentsByUser(model.personAssignments);
  const analyzer = createPersonAnalyzer(roleByArn.values(), options.sodRules, weights);
  const byUser = new Map<string, StoredPersonAnalysis>();
  for (const user of directory.users) byUser.set(user.userId, analyzer.analyze(roleArnsByUser.get(user.userId) ?? []));
  return { actionNames: analyzer.actionNames, byUser, distinctRoleSetCount: analyzer.distinctRoleSetCount, assignmentsByUser };
}

const SEVERITY_RANK: Record<Severity, number> = { low: 1, medium: 2, high: 3, critical: 4 };

/**
 * SQLite's page cache while a scan's people are written: the scan's slice of each
 * identity_center_assignments index (200,000 entries at #14's scale) is filled in random key
 * order, and with the default 2 MB cache every insert re-reads index pages from the file. Memory
 * is taken only as pages are used, and given back when the cache is set back.
 */
const BULK_CACHE_KIB = 256 * 1024;

function withBulkCache<Result>(database: AppDatabase, work: () => Result): Result {
  const previous = database.$client.pragma('cache_size', { simple: true }) as number;
  database.$client.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  try {
    return work();
  } finally {
    database.$client.pragma(`cache_size = ${previous}`);
  }
}

/**
 * Writes a scan's Identity Center data and the derived links in ONE synchronous transaction
 * (prepared statements: a large organisation has hundreds of thousands of assignments). The rows
 * are invisible to pages until the scan is published, like the principals.
 */
export function persistPeople(database: AppDatabase, scanId: number, directory: IdentityCenterDirectory, model: LinkedPeopleModel, analyses: PeopleAnalyses): void {
  const client = database.$client;
  const insertUser = client.prepare(
    `INSERT INTO identity_center_users (scan_id, user_id, user_name, display_name, email, external_id, account_count, assignment_count, tiers_mask, score, bedrock_account_count, conflict_count, max_conflict_severity, analysis)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertGroup = client.prepare('INSERT INTO identity_center_groups (scan_id, group_id, display_name, description, member_count) VALUES (?, ?, ?, ?, ?)');
  const insertMembership = client.prepare('INSERT INTO identity_center_memberships (scan_id, membership_id, group_id, user_id, is_effective) VALUES (?, ?, ?, ?, ?)');
  const insertSet = client.prepare('INSERT INTO identity_center_permission_sets (scan_id, arn, name, description, session_duration, policies) VALUES (?, ?, ?, ?, ?, ?)');
  const insertAssignment = client.prepare(
    'INSERT INTO identity_center_assignments (scan_id, account_id, permission_set_arn, principal_type, principal_id, is_to_empty_group, is_effective, role_arn) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertLink = client.prepare('INSERT INTO sso_role_links (scan_id, role_arn, account_id, permission_set_name, permission_set_arn, drift, is_assigned) VALUES (?, ?, ?, ?, ?, ?, ?)');

  const memberCount = new Map<string, number>();
  for (const membership of directory.memberships) memberCount.set(membership.groupId, (memberCount.get(membership.groupId) ?? 0) + 1);
  const emptyGroupKeys = new Set(model.emptyGroupAssignments.map((assignment) => `${assignment.accountId}|${assignment.permissionSetArn}|${assignment.principalId}`));
  const unassignedRoles = new Set(model.unassignedProvisionedRoles.map((role) => role.roleArn));

  // People holding the same set of roles share one analysis object: serialise it once.
  const jsonByAnalysis = new Map<StoredPersonAnalysis, string>();
  const jsonOf = (analysis: StoredPersonAnalysis | undefined) => {
    if (!analysis) return '{}';
    let json = jsonByAnalysis.get(analysis);
    if (json === undefined) {
      json = JSON.stringify(analysis);
      jsonByAnalysis.set(analysis, json);
    }
    return json;
  };

  withBulkCache(database, () => inWriteTransaction(database, () => {
    database.insert(identityCenterInstances).values({ scanId, instanceArn: directory.instanceArn, identityStoreId: directory.identityStoreId, personActionNames: JSON.stringify(analyses.actionNames) }).run();
    for (const group of directory.groups) insertGroup.run(scanId, group.groupId, group.displayName, group.description, memberCount.get(group.groupId) ?? 0);
    directory.memberships.forEach((membership, index) => insertMembership.run(scanId, membership.membershipId, membership.groupId, membership.userId, model.membershipIsEffective[index] ? 1 : 0));
    for (const set of directory.permissionSets) {
      const policies = { inlinePolicy: set.inlinePolicy, managedPolicies: set.managedPolicies, customerManagedPolicies: set.customerManagedPolicies, permissionsBoundary: set.permissionsBoundary };
      insertSet.run(scanId, set.arn, set.name, set.description, set.sessionDuration, JSON.stringify(policies));
    }
    // The person assignments (1.15 million at #14's scale) are not written: the person_assignments
    // view expands these rows through the memberships, as model.personAssignments did.
    directory.assignments.forEach((assignment, index) => {
      const isEmpty = assignment.principalType === 'GROUP' && emptyGroupKeys.has(`${assignment.accountId}|${assignment.permissionSetArn}|${assignment.principalId}`);
      const outcome = model.assignmentOutcomes[index];
      insertAssignment.run(scanId, assignment.accountId, assignment.permissionSetArn, assignment.principalType, assignment.principalId, isEmpty ? 1 : 0, outcome.isEffective ? 1 : 0, outcome.roleArn);
    });
    // The people last: their analyses are most of the bytes (400 MB at #14's scale), and the
    // assignments' index pages are filled in random key order while the page cache still holds them.
    for (const user of directory.users) {
      const analysis = analyses.byUser.get(user.userId);
      const worst = analysis?.conflicts.reduce<Severity | null>((current, conflict) => (current === null || SEVERITY_RANK[conflict.severity] > SEVERITY_RANK[current] ? conflict.severity : current), null) ?? null;
      insertUser.run(
        scanId,
        user.userId,
        user.userName,
        user.displayName,
        user.email,
        user.externalId,
        analyses.assignmentsByUser.get(user.userId)?.accountCount ?? 0,
        analyses.assignmentsByUser.get(user.userId)?.assignmentCount ?? 0,
        tiersToMask(analysis?.tiers ?? []),
        analysis?.blastRadius.score ?? 0,
        analysis?.accounts.length ?? 0,
        analysis?.conflicts.length ?? 0,
        worst,
        jsonOf(analysis),
      );
    }
    for (const link of model.roleLinks) {
      insertLink.run(scanId, link.roleArn, link.accountId, link.permissionSetName, link.permissionSetArn, JSON.stringify(link.drift), link.permissionSetArn !== null && unassignedRoles.has(link.roleArn) ? 0 : 1);
    }
  }));
  refreshPeoplePlannerStatistics(database);
}

/** The tables the person_assignments view reads (db/schema/people.ts). */
const VIEW_TABLES = ['identity_center_assignments', 'identity_center_memberships', 'identity_center_groups', 'identity_center_permission_sets'] as const;

/**
 * Planner statistics for the tables behind the person_assignments view. Without them SQLite
 * guesses that "scan_id = ?" picks about ten rows, and expands a person's group assignments by
 * walking every assignment of the scan (200,000 at #14's scale) instead of starting from the
 * person's memberships. A sample of each index is enough (analysis_limit): milliseconds.
 */
export function refreshPeoplePlannerStatistics(database: AppDatabase): void {
  const client = database.$client;
  const previous = client.pragma('analysis_limit', { simple: true }) as number;
  client.pragma('analysis_limit = 1000');
  try {
    for (const table of VIEW_TABLES) client.exec(`ANALYZE ${table}`);
  } finally {
    client.pragma(`analysis_limit = ${previous}`);
  }
}

/** Removes a scan's Identity Center rows (a scan that failed before publishing). */
export function discardPeopleRows(database: AppDatabase, scanId: number): void {
  inWriteTransaction(database, () => {
    for (const table of [identityCenterUsers, identityCenterGroups, identityCenterMemberships, identityCenterPermissionSets, identityCenterAssignments, ssoRoleLinks]) {
      database.delete(table).where(eq(table.scanId, scanId)).run();
    }
    database.delete(identityCenterInstances).where(eq(identityCenterInstances.scanId, scanId)).run();
  });
}
