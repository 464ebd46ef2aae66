import { and, asc, count, desc, eq, inArray, like, ne, sql, type SQL } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { campaignItems, campaigns, decisions, notifications } from '../../schema';
import { tierBit } from '../../../lib/analysis/tier-mask';
import type { Tier } from '../../../lib/analysis/types';
import { readItemContext, type StoredItemContext } from '../../stored-json/campaign-item-context';
import { rowsInIdOrder } from '../viewer';

import type { InboxStatusFilter } from '../../../lib/campaigns/search-params';

// The filter values live in lib/ (the URL schema reads them); re-exported for existing imports.
export { INBOX_STATUS_FILTERS, type InboxStatusFilter } from '../../../lib/campaigns/search-params';

export interface InboxFilters {
  campaignId?: number;
  status?: InboxStatusFilter;
  accountId?: string;
  tier?: Tier;
  /** Substring of the principal name. */
  search?: string;
}

export interface ItemRow {
  id: number;
  campaignId: number;
  campaignName: string;
  campaignDueAt: string;
  isPartialSnapshot: boolean;
  principalArn: string;
  principalName: string;
  principalType: string;
  accountId: string;
  entitlementKey: string;
  reviewerEmail: string;
  reviewerReason: string;
  status: string;
  score: number;
  keepUntil: string | null;
  version: number;
  context: StoredItemContext;
  lastDecision: { kind: string; justification: string; decidedBy: string; decidedAt: string } | null;
}

export interface PagedItems {
  rows: ItemRow[];
  total: number;
  page: number;
  pageSize: number;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Conditions shared by the inbox and the campaign page's item table. */
export function itemFilterConditions(filters: InboxFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.campaignId) conditions.push(eq(campaignItems.campaignId, filters.campaignId));
  if (filters.status === 'pending') conditions.push(eq(campaignItems.status, 'pending'));
  if (filters.status === 'decided') conditions.push(ne(campaignItems.status, 'pending'));
  if (filters.accountId) conditions.push(eq(campaignItems.accountId, filters.accountId));
  if (filters.tier) conditions.push(sql`(${campaignItems.tiersMask} & ${tierBit(filters.tier)}) != 0`);
  if (filters.search?.trim()) conditions.push(like(campaignItems.principalName, `%${escapeLike(filters.search.trim())}%`));
  return conditions;
}

const itemColumns = {
  id: campaignItems.id,
  campaignId: campaignItems.campaignId,
  campaignName: campaigns.name,
  campaignDueAt: campaigns.dueAt,
  isPartialSnapshot: campaigns.isPartialSnapshot,
  principalArn: campaignItems.principalArn,
  principalName: campaignItems.principalName,
  principalType: campaignItems.principalType,
  accountId: campaignItems.accountId,
  entitlementKey: campaignItems.entitlementKey,
  reviewerEmail: campaignItems.reviewerEmail,
  reviewerReason: campaignItems.reviewerReason,
  status: campaignItems.status,
  score: campaignItems.score,
  keepUntil: campaignItems.keepUntil,
  version: campaignItems.version,
  context: campaignItems.context,
  decisionKind: decisions.kind,
  decisionJustification: decisions.justification,
  decidedBy: decisions.decidedBy,
  decidedAt: decisions.decidedAt,
};

type RawItemRow = { [Key in keyof typeof itemColumns]: unknown };

/** Only the page's rows have their context JSON parsed. */
export function toItemRow(raw: RawItemRow): ItemRow {
  const row = raw as Record<keyof typeof itemColumns, never>;
  return {
    id: row.id,
    campaignId: row.campaignId,
    campaignName: row.campaignName,
    campaignDueAt: row.campaignDueAt,
    isPartialSnapshot: row.isPartialSnapshot,
    principalArn: row.principalArn,
    principalName: row.principalName,
    principalType: row.principalType,
    accountId: row.accountId,
    entitlementKey: row.entitlementKey,
    reviewerEmail: row.reviewerEmail,
    reviewerReason: row.reviewerReason,
    status: row.status,
    score: row.score,
    keepUntil: row.keepUntil,
    version: row.version,
    context: readItemContext(row.context as string, row.id),
    lastDecision: row.decisionKind
      ? { kind: row.decisionKind, justification: row.decisionJustification, decidedBy: row.decidedBy, decidedAt: row.decidedAt }
      : null,
  };
}

export function selectItemPage(database: AppDatabase, where: SQL | undefined, page: number, pageSize: number, orderBy?: SQL[]): PagedItems {
  const safePage = Math.max(1, Math.floor(page));
  // Deferred join: the page's ids first, in order (read off an index where one fits, and never
  // sorting rows that carry the wide context JSON), then only those rows.
  const ids = database
    .select({ id: campaignItems.id })
    .from(campaignItems)
    .innerJoin(campaigns, eq(campaigns.id, campaignItems.campaignId))
    .where(where)
    .orderBy(...(orderBy ?? [desc(campaignItems.campaignId), asc(campaignItems.principalName), asc(campaignItems.entitlementKey)]))
    .limit(pageSize)
    .offset((safePage - 1) * pageSize)
    .all()
    .map((row) => row.id);
  const rows = rowsInIdOrder(ids, (pageIds) =>
    database
      .select(itemColumns)
      .from(campaignItems)
      .innerJoin(campaigns, eq(campaigns.id, campaignItems.campaignId))
      .leftJoin(decisions, eq(decisions.id, campaignItems.lastDecisionId))
      .where(inArray(campaignItems.id, pageIds))
      .all(),
  ).map(toItemRow);
  const total =
    database
      .select({ total: count() })
      .from(campaignItems)
      .innerJoin(campaigns, eq(campaigns.id, campaignItems.campaignId))
      .where(where)
      .get()?.total ?? 0;
  return { rows, total, page: safePage, pageSize };
}

/**
 * The reviewer's own items across active campaigns, one page, ordered so the page groups by
 * campaign then principal. Scoping to the reviewer is in the WHERE (indexed on reviewer_email).
 */
export function listInboxItems(database: AppDatabase, reviewerEmail: string, filters: InboxFilters, page = 1, pageSize = 50): PagedItems {
  const where = and(eq(campaignItems.reviewerEmail, reviewerEmail.toLowerCase()), eq(campaigns.status, 'active'), ...itemFilterConditions(filters));
  return selectItemPage(database, where, page, pageSize);
}

export interface InboxCampaignFacet {
  id: number;
  name: string;
  dueAt: string;
  kind: string;
  isPartialSnapshot: boolean;
  total: number;
  pending: number;
}

/** Active campaigns where the reviewer has items, with their counts (for the filter and headings). */
export function listInboxCampaigns(database: AppDatabase, reviewerEmail: string): InboxCampaignFacet[] {
  // Counted per campaign inside the reviewer index first; only then joined to the few campaigns.
  const counts = database
    .select({
      campaignId: campaignItems.campaignId,
      total: count().as('total'),
      pending: sql<number>`sum(case when ${campaignItems.status} = 'pending' then 1 else 0 end)`.as('pending'),
    })
    .from(campaignItems)
    .where(eq(campaignItems.reviewerEmail, reviewerEmail.toLowerCase()))
    .groupBy(campaignItems.campaignId)
    .as('counts');
  return database
    .select({
      id: campaigns.id,
      name: campaigns.name,
      dueAt: campaigns.dueAt,
      kind: campaigns.kind,
      isPartialSnapshot: campaigns.isPartialSnapshot,
      total: counts.total,
      pending: counts.pending,
    })
    .from(counts)
    .innerJoin(campaigns, eq(campaigns.id, counts.campaignId))
    .where(eq(campaigns.status, 'active'))
    .orderBy(asc(campaigns.dueAt))
    .all()
    .map((row) => ({ ...row, total: Number(row.total), pending: Number(row.pending ?? 0) }));
}

/** Accounts among the reviewer's active items, for the account filter. */
export function listInboxAccounts(database: AppDatabase, reviewerEmail: string): string[] {
  // Read from the reviewer index alone: the active campaigns are a short list to test against.
  const activeCampaignIds = database.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.status, 'active'));
  return database
    .selectDistinct({ accountId: campaignItems.accountId })
    .from(campaignItems)
    .where(and(eq(campaignItems.reviewerEmail, reviewerEmail.toLowerCase()), inArray(campaignItems.campaignId, activeCampaignIds)))
    .orderBy(campaignItems.accountId)
    .all()
    .map((row) => row.accountId);
}

/** The caller's latest in-app notifications (reminders, escalations, delegations, launches). */
export function listRecentNotifications(database: AppDatabase, userEmail: string, limit = 5): { id: number; kind: string; message: string; createdAt: string }[] {
  return database
    .select({ id: notifications.id, kind: notifications.kind, message: notifications.message, createdAt: notifications.createdAt })
    .from(notifications)
    .where(eq(notifications.userEmail, userEmail.toLowerCase()))
    .orderBy(desc(notifications.id))
    .limit(limit)
    .all();
}
