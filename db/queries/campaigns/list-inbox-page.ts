import { and, eq } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { campaignItems, campaigns } from '../../schema';
import type { InboxSearchParams } from '../../../lib/campaigns/search-params';
import { itemFilterConditions, selectItemPage, type PagedItems } from './inbox';
import { itemOrderBy } from './item-order';

/**
 * One page of the reviewer's items in active campaigns, filtered and sorted as the URL says
 * (riskiest first by default). Scoping to the reviewer is in the WHERE, on the reviewer indexes.
 */
export function listInboxPage(database: AppDatabase, reviewerEmail: string, query: InboxSearchParams, pageSize: number): PagedItems {
  const where = and(
    eq(campaignItems.reviewerEmail, reviewerEmail.toLowerCase()),
    eq(campaigns.status, 'active'),
    ...itemFilterConditions({ campaignId: query.campaign, status: query.status, accountId: query.account, tier: query.tier, search: query.q }),
  );
  return selectItemPage(database, where, query.page, pageSize, itemOrderBy(query.sort, query.direction));
}
