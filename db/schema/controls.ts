import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { idColumn } from './columns';
import { CONTROL_KINDS, GUARDRAIL_ENFORCEMENTS, LOGGING_STATES } from '../../lib/controls/types';
import { scanIdColumn } from './scans';

/**
 * The controls posture of a snapshot (issue #20): one row per account and region in scope, what
 * the account's SCPs leave of Bedrock, and who can switch each control off. Written by the scan
 * pipeline with the principals, read by the controls page, the overview and the export.
 * JSON columns hold string arrays (and `SwitchGrant[]` for `grants`).
 */
export const controlCells = sqliteTable(
  'control_cells',
  {
    id: idColumn(),
    scanId: scanIdColumn(),
    accountId: text('account_id').notNull(),
    region: text('region').notNull(),
    guardrailEnforced: text('guardrail_enforced', { enum: GUARDRAIL_ENFORCEMENTS }).notNull(),
    guardrailArn: text('guardrail_arn'),
    guardrailVersion: text('guardrail_version'),
    guardrailName: text('guardrail_name'),
    guardrailFilters: text('guardrail_filters').notNull().default('[]'),
    guardrailSource: text('guardrail_source'),
    guardrailShareable: integer('guardrail_shareable', { mode: 'boolean' }),
    guardrailNote: text('guardrail_note'),
    loggingState: text('logging_state', { enum: LOGGING_STATES }).notNull(),
    loggingDestinations: text('logging_destinations').notNull().default('[]'),
    loggingDataTypes: text('logging_data_types').notNull().default('[]'),
    loggingNote: text('logging_note'),
  },
  (table) => [uniqueIndex('control_cells_scan_account_region_idx').on(table.scanId, table.accountId, table.region), index('control_cells_scan_state_idx').on(table.scanId, table.guardrailEnforced, table.loggingState)],
);

export type ControlCell = typeof controlCells.$inferSelect;

export const controlAccounts = sqliteTable(
  'control_accounts',
  {
    id: idColumn(),
    scanId: scanIdColumn(),
    accountId: text('account_id').notNull(),
    isManagementAccount: integer('is_management_account', { mode: 'boolean' }).notNull(),
    /** JSON string array; null: no region restriction. */
    approvedRegions: text('approved_regions'),
    /** JSON string array; null: no model allow-list. */
    modelAllowList: text('model_allow_list'),
    deniedTiers: text('denied_tiers').notNull().default('[]'),
    policyNames: text('policy_names').notNull().default('[]'),
  },
  (table) => [uniqueIndex('control_accounts_scan_account_idx').on(table.scanId, table.accountId)],
);

export type ControlAccount = typeof controlAccounts.$inferSelect;

export const controlSwitchers = sqliteTable(
  'control_switchers',
  {
    id: idColumn(),
    scanId: scanIdColumn(),
    accountId: text('account_id').notNull(),
    region: text('region').notNull(),
    control: text('control', { enum: CONTROL_KINDS }).notNull(),
    principalArn: text('principal_arn').notNull(),
    principalAccountId: text('principal_account_id').notNull(),
    actions: text('actions').notNull(),
    grants: text('grants').notNull(),
  },
  (table) => [index('control_switchers_scan_account_idx').on(table.scanId, table.accountId, table.region, table.control), index('control_switchers_scan_principal_idx').on(table.scanId, table.principalArn)],
);

export type ControlSwitcherRow = typeof controlSwitchers.$inferSelect;

/** Per scan: production invoke holders and how many an enforced guardrail / logging covers in every invoke region. */
export const controlCoverage = sqliteTable(
  'control_coverage',
  {
    id: idColumn(),
    scanId: scanIdColumn(),
    productionInvokeHolders: integer('production_invoke_holders').notNull(),
    guardrailCovered: integer('guardrail_covered').notNull(),
    loggingCovered: integer('logging_covered').notNull(),
  },
  (table) => [uniqueIndex('control_coverage_scan_idx').on(table.scanId)],
);
