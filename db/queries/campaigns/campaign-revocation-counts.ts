import { count, eq } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { campaignItems, revocations, type RevocationStatus } from '../../schema';

/** How many revocations the campaign's revoke decisions created, by status. */
export function countCampaignRevocationsByStatus(database: AppDatabase, campaignId: number): { status: RevocationStatus; count: number }[] {
  return database
    .select({ status: revocations.status, count: count() })
    .from(campaignItems)
    .innerJoin(revocations, eq(revocations.campaignItemId, campaignItems.id))
    .where(eq(campaignItems.campaignId, campaignId))
    .groupBy(revocations.status)
    .all();
}
