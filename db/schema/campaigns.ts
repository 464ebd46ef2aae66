import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { idColumn, cascadingReference, createdStamp, tiersMaskColumn } from './columns';
import { scans } from './scans';
import { viaGroupColumns } from './people';
import { CLOSE_BEHAVIOURS } from '../../lib/campaigns/close-behaviour';
import { ITEM_STATUSES } from '../../lib/campaigns/item-statuses';

// The close behaviours live in lib/ (pure); the schema takes them from there.
export { CLOSE_BEHAVIOURS } from '../../lib/campaigns/close-behaviour';
export { ITEM_STATUSES } from '../../lib/campaigns/item-statuses';

import { CAMPAIGN_KINDS, CAMPAIGN_STATUSES } from '../../lib/campaigns/campaign-states';
export { CAMPAIGN_KINDS, CAMPAIGN_STATUSES } from '../../lib/campaigns/campaign-states';
export const DECISION_KINDS = ['attest', 'revoke', 'delegate'] as const;
/** What an item certifies: an IAM entitlement, or an Identity Center assignment (#14). */
export const ITEM_KINDS = ['entitlement', 'assignment'] as const;

/** What an admin defines: scope, schedule and rules. Each launch creates a campaign from it. */
export const campaignDefinitions = sqliteTable('campaign_definitions', {
  id: idColumn(),
  name: text('name').notNull(),
  /** JSON: {accountIds, tiers, minScore, principalTypes, onlyWithConflicts}. */
  scope: text('scope').notNull(),
  dueInDays: integer('due_in_days').notNull(),
  closeBehaviour: text('close_behaviour', { enum: CLOSE_BEHAVIOURS }).notNull(),
  /** Null for one-off; otherwise a cron expression (croner). */
  schedule: text('schedule'),
  isEnabled: integer('is_enabled', { mode: 'boolean' }).notNull().default(true),
  lastLaunchedAt: text('last_launched_at'),
  ...createdStamp(),
});

/** A launched campaign: its items are frozen from one snapshot. */
export const campaigns = sqliteTable(
  'campaigns',
  {
    id: idColumn(),
    definitionId: integer('definition_id').references(() => campaignDefinitions.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: CAMPAIGN_KINDS }).notNull(),
    scope: text('scope').notNull(),
    closeBehaviour: text('close_behaviour', { enum: CLOSE_BEHAVIOURS }).notNull(),
    status: text('status', { enum: CAMPAIGN_STATUSES }).notNull(),
    scanId: integer('scan_id')
      .notNull()
      .references(() => scans.id),
    isPartialSnapshot: integer('is_partial_snapshot', { mode: 'boolean' }).notNull(),
    launchedAt: text('launched_at').notNull(),
    dueAt: text('due_at').notNull(),
    closedAt: text('closed_at'),
    launchedBy: text('launched_by').notNull(),
    lastReminderAt: text('last_reminder_at'),
    escalatedAt: text('escalated_at'),
  },
  (table) => [index('campaigns_status_idx').on(table.status, table.dueAt)],
);

export type Campaign = typeof campaigns.$inferSelect;

/**
 * One entitlement to certify. `version` increases with each decision so two concurrent
 * decisions cannot silently overwrite each other (compare-and-set on version).
 */
export const campaignItems = sqliteTable(
  'campaign_items',
  {
    id: idColumn(),
    campaignId: cascadingReference('campaign_id', () => campaigns.id),
    principalArn: text('principal_arn').notNull(),
    principalName: text('principal_name').notNull(),
    principalType: text('principal_type').notNull(),
    accountId: text('account_id').notNull(),
    entitlementKey: text('entitlement_key').notNull(),
    reviewerEmail: text('reviewer_email').notNull(),
    /** Why this reviewer: 'owner-tag', 'owner-mapping', 'account-owner', 'fallback', 'delegated'. */
    reviewerReason: text('reviewer_reason').notNull(),
    status: text('status', { enum: ITEM_STATUSES }).notNull(),
    tiersMask: tiersMaskColumn(),
    score: integer('score').notNull(),
    /** JSON: the facts frozen at launch (tiers, actions, grant path, conflicts, last use, peers, recommendation). */
    context: text('context').notNull(),
    lastDecisionId: integer('last_decision_id'),
    keepUntil: text('keep_until'),
    version: integer('version').notNull().default(0),
    itemKind: text('item_kind', { enum: ITEM_KINDS }).notNull().default('entitlement'),
    /** Assignment items: the person (Identity Center user) and how they reach the permission set. */
    personUserId: text('person_user_id'),
    personUserName: text('person_user_name'),
    personEmail: text('person_email'),
    permissionSetArn: text('permission_set_arn'),
    permissionSetName: text('permission_set_name'),
    ...viaGroupColumns(),
  },
  (table) => [
    // A reviewer's page in inbox order is read straight off this index (no sort of wide rows), and
    // the inbox's campaign and account facets are counted from it alone.
    index('campaign_items_reviewer_page_idx').on(table.reviewerEmail, table.status, sql`${table.campaignId} desc`, table.principalName, table.entitlementKey, table.accountId),
    index('campaign_items_campaign_idx').on(table.campaignId, table.status),
    // The campaign page: progress per reviewer and per account counted from an index alone, and
    // its item table read in order without sorting 10,000 rows.
    index('campaign_items_campaign_reviewer_idx').on(table.campaignId, table.reviewerEmail, table.status),
    index('campaign_items_campaign_account_idx').on(table.campaignId, table.accountId, table.status),
    index('campaign_items_campaign_order_idx').on(table.campaignId, table.principalName, table.entitlementKey),
    // Riskiest first: the inbox's and the campaign page's default order walks these (score ties
    // are sorted by recommendation in small groups), never sorting a reviewer's whole list.
    index('campaign_items_reviewer_risk_idx').on(table.reviewerEmail, table.status, sql`${table.score} desc`),
    index('campaign_items_campaign_risk_idx').on(table.campaignId, sql`${table.score} desc`),
    uniqueIndex('campaign_items_campaign_entitlement_idx').on(table.campaignId, table.entitlementKey),
  ],
);

export type CampaignItem = typeof campaignItems.$inferSelect;

/** Every decision ever made, including the ones later changed: the evidence trail. */
export const decisions = sqliteTable(
  'decisions',
  {
    id: idColumn(),
    itemId: cascadingReference('item_id', () => campaignItems.id),
    campaignId: integer('campaign_id').notNull(),
    kind: text('kind', { enum: DECISION_KINDS }).notNull(),
    justification: text('justification').notNull(),
    keepUntil: text('keep_until'),
    delegateTo: text('delegate_to'),
    decidedBy: text('decided_by').notNull(),
    decidedAt: text('decided_at').notNull(),
    /** The snapshot the decision was made on. */
    scanId: integer('scan_id').notNull(),
  },
  (table) => [index('decisions_item_idx').on(table.itemId), index('decisions_campaign_idx').on(table.campaignId)],
);

export type Decision = typeof decisions.$inferSelect;

/** Owner-mapping rules: who reviews principals that carry no `owner` tag. First match by priority wins. */
export const ownerMappings = sqliteTable('owner_mappings', {
  id: idColumn(),
  priority: integer('priority').notNull(),
  accountId: text('account_id'),
  pathPrefix: text('path_prefix'),
  namePattern: text('name_pattern'),
  /** Identity Center: the owner of a group (assignments through it) or of a permission set (its assignments and roles). */
  groupName: text('group_name'),
  permissionSetName: text('permission_set_name'),
  ownerEmail: text('owner_email').notNull(),
});

/** In-app notifications (reminders, escalations, delegations). Email is sent too when SMTP is configured. */
export const notifications = sqliteTable(
  'notifications',
  {
    id: idColumn(),
    userEmail: text('user_email').notNull(),
    kind: text('kind').notNull(),
    message: text('message').notNull(),
    link: text('link'),
    createdAt: text('created_at').notNull(),
    readAt: text('read_at'),
  },
  (table) => [index('notifications_user_idx').on(table.userEmail, table.readAt)],
);
