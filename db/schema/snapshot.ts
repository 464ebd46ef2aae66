import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { idColumn, cascadingReference, principalReference, tiersMaskColumn } from './columns';
import { scanIdColumn } from './scans';

export const PRINCIPAL_TYPES = ['user', 'role'] as const;
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

/** How bad an SoD conflict is: a rule sets it, and its conflicts and exception requests carry it. */
export function severityColumn() {
  return text('severity', { enum: SEVERITIES }).notNull();
}

/**
 * Every principal of a snapshot, with the engine's precomputed results so pages never
 * re-run the analysis. `tiersMask` is a bit per tier (see lib/analysis/tier-mask.ts) so the
 * table can filter by tier with one indexed scan.
 */
export const principals = sqliteTable(
  'principals',
  {
    id: idColumn(),
    scanId: scanIdColumn(),
    accountId: text('account_id').notNull(),
    arn: text('arn').notNull(),
    type: text('type', { enum: PRINCIPAL_TYPES }).notNull(),
    name: text('name').notNull(),
    path: text('path').notNull(),
    ownerEmail: text('owner_email'),
    permissionSetName: text('permission_set_name'),
    hasBedrock: integer('has_bedrock', { mode: 'boolean' }).notNull(),
    tiersMask: tiersMaskColumn().default(0),
    actionCount: integer('action_count').notNull().default(0),
    score: integer('score').notNull().default(0),
    conflictCount: integer('conflict_count').notNull().default(0),
    maxConflictSeverity: text('max_conflict_severity', { enum: SEVERITIES }),
    lastUsedAt: text('last_used_at'),
    isExposedOutsideOrg: integer('is_exposed_outside_org', { mode: 'boolean' }).notNull().default(false),
    hasUnpinnedOidc: integer('has_unpinned_oidc', { mode: 'boolean' }).notNull().default(false),
    hasPublicTrust: integer('has_public_trust', { mode: 'boolean' }).notNull().default(false),
    /** JSON: the principal's facts (policies attached, groups, trust policy, credentials) for plans and display. */
    facts: text('facts').notNull(),
    /** JSON: blast radius factors, exposure, denied actions, recommendations, evaluation errors. */
    analysis: text('analysis').notNull(),
    /** The principal's effective Bedrock actions: the key of a JSON string array in `action_lists`. */
    actionsHash: text('actions_hash').notNull(),
  },
  (table) => [
    uniqueIndex('principals_scan_arn_idx').on(table.scanId, table.arn),
    // Covers the list's filters, so filtering and counting 100,000 rows never reads the wide rows
    // (their facts and analysis JSON); the page's own 25 rows are read afterwards by id.
    index('principals_scan_list_idx').on(table.scanId, table.hasBedrock, table.score, table.tiersMask, table.conflictCount, table.accountId, table.isExposedOutsideOrg, table.hasUnpinnedOidc, table.hasPublicTrust, table.ownerEmail, table.name),
    index('principals_scan_account_idx').on(table.scanId, table.accountId),
    // An owner's principals: counted and ordered by score without reading other owners' rows.
    index('principals_scan_owner_idx').on(table.scanId, table.ownerEmail, table.hasBedrock, table.score),
    index('principals_scan_name_idx').on(table.scanId, table.name),
    index('principals_scan_last_used_idx').on(table.scanId, table.lastUsedAt),
    index('principals_scan_conflicts_idx').on(table.scanId, table.conflictCount),
  ],
);

export type Principal = typeof principals.$inferSelect;
export type NewPrincipal = typeof principals.$inferInsert;

/**
 * Action lists, stored once per distinct text: the key is the sha256 (hex) of `list` exactly as
 * stored. Principals with the same policies hold the same lists, so a snapshot of 10,000 principals
 * has ~60,000 references to ~6,500 texts (some of them tens of kilobytes), and a rescan adds only
 * the texts no earlier snapshot stored. The referencing columns (`principals.actions_hash`,
 * `entitlements.actions_hash`, `grants.actions_hash`) declare no foreign key: pruning deletes the
 * lists no row references (scanners/pipeline/persist-snapshot.ts pruneOrphanDocuments), and a
 * foreign key would make each such delete search the three tables, which have no index on the hash.
 */
export const actionLists = sqliteTable('action_lists', {
  hash: text('hash').primaryKey(),
  list: text('list').notNull(),
});

/** Policy texts, stored once per distinct document (AWS managed policies repeat in every account). */
export const policyDocuments = sqliteTable('policy_documents', {
  hash: text('hash').primaryKey(),
  document: text('document').notNull(),
});

export const POLICY_KINDS = ['managed', 'inline'] as const;

/** Managed policies of each account in a snapshot (the default version's document). */
export const policies = sqliteTable(
  'policies',
  {
    id: idColumn(),
    scanId: scanIdColumn(),
    accountId: text('account_id').notNull(),
    arn: text('arn').notNull(),
    name: text('name').notNull(),
    isAwsManaged: integer('is_aws_managed', { mode: 'boolean' }).notNull(),
    defaultVersionId: text('default_version_id').notNull(),
    documentHash: text('document_hash')
      .notNull()
      .references(() => policyDocuments.hash),
  },
  (table) => [uniqueIndex('policies_scan_account_arn_idx').on(table.scanId, table.accountId, table.arn)],
);

/**
 * One principal x one grant path: what a campaign asks an owner to certify and a revocation removes.
 * `entitlementKey` is stable across snapshots, so drift and micro-certification can match them.
 */
export const entitlements = sqliteTable(
  'entitlements',
  {
    id: idColumn(),
    scanId: scanIdColumn(),
    principalId: cascadingReference('principal_id', () => principals.id),
    entitlementKey: text('entitlement_key').notNull(),
    policyKind: text('policy_kind', { enum: POLICY_KINDS }).notNull(),
    policyArn: text('policy_arn'),
    policyName: text('policy_name').notNull(),
    isAwsManaged: integer('is_aws_managed', { mode: 'boolean' }).notNull(),
    attachedVia: text('attached_via', { enum: ['direct', 'group'] }).notNull(),
    groupName: text('group_name'),
    tiersMask: tiersMaskColumn(),
    /** The `service:Action`s the entitlement gives: the key of a JSON string array in `action_lists`. */
    actionsHash: text('actions_hash').notNull(),
    actionCount: integer('action_count').notNull(),
    isConditional: integer('is_conditional', { mode: 'boolean' }).notNull(),
  },
  (table) => [
    index('entitlements_scan_principal_idx').on(table.scanId, table.principalId),
    index('entitlements_scan_key_idx').on(table.scanId, table.entitlementKey),
  ],
);

export type Entitlement = typeof entitlements.$inferSelect;

/**
 * Grants, grouped by granting statement: one row holds every action that one statement of one
 * entitlement allows, with the resources, regions and conditions they share. Storing one row per
 * action would mean hundreds of rows for every AdministratorAccess holder.
 */
export const grants = sqliteTable(
  'grants',
  {
    id: idColumn(),
    scanId: scanIdColumn(),
    entitlementId: cascadingReference('entitlement_id', () => entitlements.id),
    principalId: integer('principal_id').notNull(),
    statementId: text('statement_id'),
    statementIndex: integer('statement_index').notNull(),
    /** The statement's per-action detail (db/queries/grant-actions.ts): the key of its JSON text in `action_lists`. */
    actionsHash: text('actions_hash').notNull(),
    tiersMask: tiersMaskColumn(),
    resources: text('resources').notNull(),
    notResources: text('not_resources').notNull(),
    regions: text('regions').notNull(),
    conditions: text('conditions').notNull(),
    isConditional: integer('is_conditional', { mode: 'boolean' }).notNull(),
    requiresGuardrail: integer('requires_guardrail', { mode: 'boolean' }).notNull(),
  },
  (table) => [index('grants_entitlement_idx').on(table.entitlementId), index('grants_scan_principal_idx').on(table.scanId, table.principalId)],
);

export type GrantRow = typeof grants.$inferSelect;

/** SoD conflicts found in a snapshot. Exceptions live apart so they survive the next scan. */
export const sodConflicts = sqliteTable(
  'sod_conflicts',
  {
    id: idColumn(),
    scanId: scanIdColumn(),
    principalId: cascadingReference('principal_id', () => principals.id),
    ...principalReference(),
    ruleId: text('rule_id').notNull(),
    severity: severityColumn(),
    title: text('title').notNull(),
    /** JSON: grants on each side (action + grant path). */
    sideA: text('side_a').notNull(),
    sideB: text('side_b').notNull(),
  },
  (table) => [
    // Covering for the overview's counts by rule and severity (100,000 conflicts in one scan).
    index('sod_conflicts_scan_rule_severity_idx').on(table.scanId, table.ruleId, table.severity),
    // Finds the conflicts an exception covers without scanning the scan's conflicts.
    index('sod_conflicts_scan_principal_arn_idx').on(table.scanId, table.principalArn),
    index('sod_conflicts_scan_severity_idx').on(table.scanId, table.severity),
    index('sod_conflicts_principal_idx').on(table.principalId),
  ],
);

export type SodConflictRow = typeof sodConflicts.$inferSelect;
