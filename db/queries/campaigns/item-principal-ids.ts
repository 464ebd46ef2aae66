import { and, eq, inArray } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { campaignItems, campaigns, principals } from '../../schema';

/** The principal page of each item: its principal in the snapshot the campaign was launched on, by item id. */
export function listPrincipalIdsOfItems(database: AppDatabase, itemIds: readonly number[]): Map<number, number> {
  if (itemIds.length === 0) return new Map();
  const rows = database
    .select({ itemId: campaignItems.id, principalId: principals.id })
    .from(campaignItems)
    .innerJoin(campaigns, eq(campaigns.id, campaignItems.campaignId))
    .innerJoin(principals, and(eq(principals.scanId, campaigns.scanId), eq(principals.arn, campaignItems.principalArn)))
    .where(inArray(campaignItems.id, [...itemIds]))
    .all();
  return new Map(rows.map((row) => [row.itemId, row.principalId]));
}
