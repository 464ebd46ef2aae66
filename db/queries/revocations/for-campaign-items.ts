import { desc, inArray } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { revocations, type RevocationStatus } from '../../schema';

/** The latest revocation each campaign item's revoke decision created, by item id. */
export function listRevocationsOfCampaignItems(database: AppDatabase, itemIds: readonly number[]): Map<number, { id: number; status: RevocationStatus }> {
  const byItem = new Map<number, { id: number; status: RevocationStatus }>();
  if (itemIds.length === 0) return byItem;
  const rows = database
    .select({ id: revocations.id, status: revocations.status, campaignItemId: revocations.campaignItemId })
    .from(revocations)
    .where(inArray(revocations.campaignItemId, [...itemIds]))
    .orderBy(desc(revocations.id))
    .all();
  for (const row of rows) if (row.campaignItemId !== null && !byItem.has(row.campaignItemId)) byItem.set(row.campaignItemId, { id: row.id, status: row.status });
  return byItem;
}
