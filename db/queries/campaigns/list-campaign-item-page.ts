import { and, eq } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { campaignItems } from '../../schema';
import type { CampaignItemSearchParams } from '../../../lib/campaigns/search-params';
import { itemFilterConditions, selectItemPage, type PagedItems } from './inbox';
import { itemOrderBy } from './item-order';

/** One page of a campaign's items for its admins and auditors, riskiest first by default. */
export function listCampaignItemPage(database: AppDatabase, campaignId: number, query: CampaignItemSearchParams, pageSize: number): PagedItems {
  const { status } = query;
  const conditions = [eq(campaignItems.campaignId, campaignId), ...itemFilterConditions({ status: status === 'pending' || status === 'decided' ? status : undefined, accountId: query.account, search: query.q })];
  if (status === 'attested' || status === 'revoked' || status === 'not-certified') conditions.push(eq(campaignItems.status, status));
  if (query.reviewer) conditions.push(eq(campaignItems.reviewerEmail, query.reviewer));
  return selectItemPage(database, and(...conditions), query.page, pageSize, itemOrderBy(query.sort, query.direction));
}
