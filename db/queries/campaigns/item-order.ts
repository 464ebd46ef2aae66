import { asc, desc, sql, type SQL } from 'drizzle-orm';
import { campaignItems } from '../../schema';
import type { ItemSort, SortDirection } from '../../../lib/campaigns/item-sort';

/** Revoke recommendations before "look closer" before "keep", read from the frozen context. */
const RECOMMENDATION_RANK = sql`CASE json_extract(${campaignItems.context}, '$.recommendation.decision') WHEN 'revoke' THEN 0 WHEN 'review' THEN 1 ELSE 2 END`;

/**
 * ORDER BY of an item list. 'risk' is the blast-radius score (highest first by default), then
 * the recommendation (revoke first) among equal scores, then the principal: the score leads so
 * the risk indexes give the order and only ties are sorted. 'principal' groups a principal's items.
 */
export function itemOrderBy(sort: ItemSort, direction: SortDirection): SQL[] {
  const by = direction === 'asc' ? asc : desc;
  if (sort === 'principal') return [by(campaignItems.principalName), asc(campaignItems.entitlementKey), asc(campaignItems.id)];
  return [by(campaignItems.score), RECOMMENDATION_RANK, asc(campaignItems.principalName), asc(campaignItems.id)];
}
