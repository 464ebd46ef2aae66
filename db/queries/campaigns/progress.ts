import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { campaignItems, campaigns, scans } from '../../schema';
import { NotFoundError } from '../../../lib/http/errors';
import { parseStoredScope, type CampaignScope } from '../../../lib/campaigns/scope';
import { itemFilterConditions, selectItemPage, type InboxFilters, type PagedItems } from './inbox';

export interface StatusCounts {
  total: number;
  pending: number;
  attested: number;
  revoked: number;
  notCertified: number;
}

export const statusCountColumns = {
  total: count(),
  pending: sql<number>`sum(case when ${campaignItems.status} = 'pending' then 1 else 0 end)`,
  attested: sql<number>`sum(case when ${campaignItems.status} = 'attested' then 1 else 0 end)`,
  revoked: sql<number>`sum(case when ${campaignItems.status} = 'revoked' then 1 else 0 end)`,
  notCertified: sql<number>`sum(case when ${campaignItems.status} = 'not-certified' then 1 else 0 end)`,
};

export function toCounts(row: { total: number; pending: number | null; attested: number | null; revoked: number | null; notCertified: number | null } | undefined): StatusCounts {
  return {
    total: row?.total ?? 0,
    pending: Number(row?.pending ?? 0),
    attested: Number(row?.attested ?? 0),
    revoked: Number(row?.revoked ?? 0),
    notCertified: Number(row?.notCertified ?? 0),
  };
}

/** Share of items with a decision (attested, revoked or closed as not certified), 0..100. */
export function completionPercent(counts: StatusCounts): number {
  return counts.total === 0 ? 100 : Math.round(((counts.total - counts.pending) / counts.total) * 1000) / 10;
}

export interface CampaignSummary {
  id: number;
  name: string;
  kind: string;
  status: string;
  scope: CampaignScope;
  closeBehaviour: 'report' | 'revoke';
  scanId: number;
  scanStatus: string;
  isPartialSnapshot: boolean;
  launchedAt: string;
  launchedBy: string;
  dueAt: string;
  closedAt: string | null;
  counts: StatusCounts;
}

export function getCampaignSummary(database: AppDatabase, campaignId: number): CampaignSummary {
  const campaign = database
    .select({
      id: campaigns.id,
      name: campaigns.name,
      kind: campaigns.kind,
      status: campaigns.status,
      scope: campaigns.scope,
      closeBehaviour: campaigns.closeBehaviour,
      scanId: campaigns.scanId,
      scanStatus: scans.status,
      isPartialSnapshot: campaigns.isPartialSnapshot,
      launchedAt: campaigns.launchedAt,
      launchedBy: campaigns.launchedBy,
      dueAt: campaigns.dueAt,
      closedAt: campaigns.closedAt,
    })
    .from(campaigns)
    .innerJoin(scans, eq(scans.id, campaigns.scanId))
    .where(eq(campaigns.id, campaignId))
    .get();
  if (!campaign) throw new NotFoundError('No such campaign.');
  const counts = toCounts(database.select(statusCountColumns).from(campaignItems).where(eq(campaignItems.campaignId, campaignId)).get());
  return { ...campaign, scope: parseStoredScope(campaign.scope), counts };
}

export interface CampaignListRow {
  id: number;
  name: string;
  kind: string;
  status: string;
  isPartialSnapshot: boolean;
  launchedAt: string;
  dueAt: string;
  closedAt: string | null;
  counts: StatusCounts;
}

export interface GroupProgress extends StatusCounts {
  key: string;
  completion: number;
}

/** Completion per reviewer or per account, most undecided first. */
export function campaignProgressBy(database: AppDatabase, campaignId: number, dimension: 'reviewer' | 'account'): GroupProgress[] {
  const column = dimension === 'reviewer' ? campaignItems.reviewerEmail : campaignItems.accountId;
  return database
    .select({ key: column, ...statusCountColumns })
    .from(campaignItems)
    .where(eq(campaignItems.campaignId, campaignId))
    .groupBy(column)
    .orderBy(asc(column))
    .all()
    .map(({ key, ...row }) => {
      const counts = toCounts(row);
      return { key, ...counts, completion: completionPercent(counts) };
    })
    .sort((a, b) => b.pending - a.pending || a.key.localeCompare(b.key));
}

export interface CampaignItemFilters extends Omit<InboxFilters, 'campaignId' | 'status'> {
  status?: 'pending' | 'decided' | 'all' | 'attested' | 'revoked' | 'not-certified';
  reviewerEmail?: string;
}

/** One page of a campaign's items for admins and auditors (server-side paging). */
export function listCampaignItems(database: AppDatabase, campaignId: number, filters: CampaignItemFilters, page = 1, pageSize = 50): PagedItems {
  const { status, reviewerEmail, ...rest } = filters;
  const conditions = [eq(campaignItems.campaignId, campaignId), ...itemFilterConditions({ ...rest, status: status === 'pending' || status === 'decided' ? status : undefined })];
  if (status === 'attested' || status === 'revoked' || status === 'not-certified') conditions.push(eq(campaignItems.status, status));
  if (reviewerEmail) conditions.push(eq(campaignItems.reviewerEmail, reviewerEmail.toLowerCase()));
  return selectItemPage(database, and(...conditions), page, pageSize);
}
