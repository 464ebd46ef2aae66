import { sql } from 'drizzle-orm';
import { sqliteTable, sqliteView, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { idColumn, tiersMaskColumn } from './columns';
import { scanIdColumn, scanKeyColumn } from './scans';
import { SEVERITIES } from './snapshot';

/**
 * IAM Identity Center as read by a scan (people, groups, permission sets, assignments) and what
 * the scan derived from it (who is behind each `AWSReservedSSO_*` role). Rows belong to their scan
 * like principals do: written before the scan is published, deleted with it.
 * Usage evidence (#18) joins its attributed Identity Center user ids on `user_id`.
 */

export const ASSIGNMENT_PRINCIPAL_TYPE_VALUES = ['USER', 'GROUP'] as const;

/**
 * The group through which an assignment reaches a person; both null for a direct assignment.
 * Expanded by `person_assignments` and frozen with an assignment's campaign item.
 */
export function viaGroupColumns() {
  return { viaGroupId: text('via_group_id'), viaGroupName: text('via_group_name') };
}

/** The instance a scan read; at most one per scan. */
export const identityCenterInstances = sqliteTable('identity_center_instances', {
  scanId: scanKeyColumn(),
  instanceArn: text('instance_arn').notNull(),
  identityStoreId: text('identity_store_id').notNull(),
  /** JSON string[], sorted: the action names the people's stored analyses index by bit (lib/people/stored-person-analysis). */
  personActionNames: text('person_action_names').notNull().default('[]'),
});

/** A person: an identity store user. `userId` is the stable key; user names can change. */
export const identityCenterUsers = sqliteTable(
  'identity_center_users',
  {
    id: idColumn(),
    scanId: scanIdColumn(),
    userId: text('user_id').notNull(),
    userName: text('user_name').notNull(),
    displayName: text('display_name'),
    email: text('email'),
    externalId: text('external_id'),
    /** Distinct accounts reached through assignments. */
    accountCount: integer('account_count').notNull().default(0),
    assignmentCount: integer('assignment_count').notNull().default(0),
    /** The person's effective Bedrock access (lib/people/analyze-person): union over their roles. */
    tiersMask: tiersMaskColumn().default(0),
    score: integer('score').notNull().default(0),
    bedrockAccountCount: integer('bedrock_account_count').notNull().default(0),
    conflictCount: integer('conflict_count').notNull().default(0),
    maxConflictSeverity: text('max_conflict_severity', { enum: SEVERITIES }),
    /** JSON StoredPersonAnalysis (lib/people/stored-person-analysis): actions, per-account access, blast radius factors, SoD conflicts with their roles; older scans hold a full PersonAnalysis. */
    analysis: text('analysis').notNull().default('{}'),
  },
  (table) => [
    uniqueIndex('identity_center_users_scan_user_idx').on(table.scanId, table.userId),
    index('identity_center_users_scan_name_idx').on(table.scanId, table.userName),
    index('identity_center_users_scan_accounts_idx').on(table.scanId, table.accountCount),
    index('identity_center_users_scan_score_idx').on(table.scanId, table.score, table.tiersMask),
    index('identity_center_users_scan_bedrock_accounts_idx').on(table.scanId, table.bedrockAccountCount),
  ],
);

export const identityCenterGroups = sqliteTable(
  'identity_center_groups',
  {
    id: idColumn(),
    scanId: scanIdColumn(),
    groupId: text('group_id').notNull(),
    displayName: text('display_name').notNull(),
    description: text('description'),
    memberCount: integer('member_count').notNull().default(0),
  },
  (table) => [uniqueIndex('identity_center_groups_scan_group_idx').on(table.scanId, table.groupId), index('identity_center_groups_scan_name_idx').on(table.scanId, table.displayName)],
);

export const identityCenterMemberships = sqliteTable(
  'identity_center_memberships',
  {
    id: idColumn(),
    scanId: scanIdColumn(),
    membershipId: text('membership_id').notNull(),
    groupId: text('group_id').notNull(),
    userId: text('user_id').notNull(),
    /**
     * True for the membership that gives the user the group's assignments (person_assignments
     * below): the first listing of this user in this group, of a user the identity store lists.
     */
    isEffective: integer('is_effective', { mode: 'boolean' }).notNull().default(true),
  },
  (table) => [index('identity_center_memberships_scan_group_idx').on(table.scanId, table.groupId), index('identity_center_memberships_scan_user_idx').on(table.scanId, table.userId)],
);

export const identityCenterPermissionSets = sqliteTable(
  'identity_center_permission_sets',
  {
    id: idColumn(),
    scanId: scanIdColumn(),
    arn: text('arn').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    sessionDuration: text('session_duration'),
    /** JSON: `{inlinePolicy, managedPolicies, customerManagedPolicies, permissionsBoundary}` as lib/people/types PermissionSet holds them. */
    policies: text('policies').notNull(),
  },
  (table) => [uniqueIndex('identity_center_permission_sets_scan_arn_idx').on(table.scanId, table.arn), index('identity_center_permission_sets_scan_name_idx').on(table.scanId, table.name)],
);

/** Account assignments as Identity Center lists them (a user or a group, a permission set, an account). */
export const identityCenterAssignments = sqliteTable(
  'identity_center_assignments',
  {
    id: idColumn(),
    scanId: scanIdColumn(),
    accountId: text('account_id').notNull(),
    permissionSetArn: text('permission_set_arn').notNull(),
    principalType: text('principal_type', { enum: ASSIGNMENT_PRINCIPAL_TYPE_VALUES }).notNull(),
    principalId: text('principal_id').notNull(),
    /** A group assignment whose group has no members: reaches nobody today. */
    isToEmptyGroup: integer('is_to_empty_group', { mode: 'boolean' }).notNull().default(false),
    /**
     * True when the assignment reaches people (person_assignments below): the first listing of
     * this principal, account and permission set, naming a permission set, user or group the
     * instance lists (lib/people/link-roles decides).
     */
    isEffective: integer('is_effective', { mode: 'boolean' }).notNull().default(true),
    /** The `AWSReservedSSO_*` role the assignment becomes in the account; null when the account has none (not provisioned, or not scanned). */
    roleArn: text('role_arn'),
  },
  (table) => [
    index('identity_center_assignments_scan_account_idx').on(table.scanId, table.accountId),
    index('identity_center_assignments_scan_principal_idx').on(table.scanId, table.principalId),
    index('identity_center_assignments_scan_set_idx').on(table.scanId, table.permissionSetArn),
  ],
);

/**
 * One person x one permission set x one account x one way (direct, or a group): the unit an
 * assignment certification item covers. `roleArn` is the `AWSReservedSSO_*` role it becomes.
 *
 * A view, not a table: at #14's scale the 200,000 assignments and 40,000 memberships expand to
 * 1.15 million rows, and writing them with the indexes pages need cost about 16 s of a 57 s
 * import. Expanded at read time instead, through the indexes of the tables below: a person's
 * rows by their memberships and user id, a role's by its account, a permission set's by its ARN.
 * `id` is the assignment's id (shared by a group assignment's members): listing order only.
 */
export const personAssignments = sqliteView('person_assignments', {
  id: integer('id').notNull(),
  scanId: integer('scan_id').notNull(),
  userId: text('user_id').notNull(),
  accountId: text('account_id').notNull(),
  permissionSetArn: text('permission_set_arn').notNull(),
  permissionSetName: text('permission_set_name').notNull(),
  ...viaGroupColumns(),
  roleArn: text('role_arn'),
}).as(sql`
  SELECT a.id AS id, a.scan_id AS scan_id, a.principal_id AS user_id, a.account_id AS account_id, a.permission_set_arn AS permission_set_arn,
    s.name AS permission_set_name, NULL AS via_group_id, NULL AS via_group_name, a.role_arn AS role_arn
  FROM identity_center_assignments a
  JOIN identity_center_permission_sets s ON s.scan_id = a.scan_id AND s.arn = a.permission_set_arn
  WHERE a.principal_type = 'USER' AND a.is_effective = 1
  UNION ALL
  SELECT a.id, a.scan_id, m.user_id, a.account_id, a.permission_set_arn, s.name, a.principal_id, g.display_name, a.role_arn
  FROM identity_center_assignments a
  JOIN identity_center_permission_sets s ON s.scan_id = a.scan_id AND s.arn = a.permission_set_arn
  JOIN identity_center_groups g ON g.scan_id = a.scan_id AND g.group_id = a.principal_id
  JOIN identity_center_memberships m ON m.scan_id = a.scan_id AND m.group_id = a.principal_id
  WHERE a.principal_type = 'GROUP' AND a.is_effective = 1 AND m.is_effective = 1
`);

/** Each `AWSReservedSSO_*` role of a scan and its permission set; `permissionSetArn` null = unlinked. */
export const ssoRoleLinks = sqliteTable(
  'sso_role_links',
  {
    id: idColumn(),
    scanId: scanIdColumn(),
    roleArn: text('role_arn').notNull(),
    accountId: text('account_id').notNull(),
    permissionSetName: text('permission_set_name').notNull(),
    permissionSetArn: text('permission_set_arn'),
    /** JSON string[]: each difference between the permission set and the role's IAM policies. */
    drift: text('drift').notNull().default('[]'),
    /** False when nobody is assigned the set in this account any more (directly or through a non-empty group). */
    isAssigned: integer('is_assigned', { mode: 'boolean' }).notNull().default(true),
  },
  (table) => [uniqueIndex('sso_role_links_scan_role_idx').on(table.scanId, table.roleArn), index('sso_role_links_scan_set_idx').on(table.scanId, table.permissionSetArn)],
);

export type IdentityCenterUserRow = typeof identityCenterUsers.$inferSelect;
export type PersonAssignmentRow = typeof personAssignments.$inferSelect;
export type SsoRoleLinkRow = typeof ssoRoleLinks.$inferSelect;
