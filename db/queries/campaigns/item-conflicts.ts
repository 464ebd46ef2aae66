import { and, eq, inArray } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { campaignItems, campaigns, sodConflicts } from '../../schema';
import type { AttributableConflict } from '../../../lib/analysis/sod/attribute-conflict';
import { parseConflictSide } from '../principals';

/**
 * The SoD conflicts of each item's principal in the snapshot its campaign was launched on, with
 * the actions of both sides, by item id: what `attributeConflicts` needs to tell which of the
 * principal's conflicts an entitlement takes part in. Read off `sod_conflicts_scan_principal_arn_idx`.
 */
export function listConflictSidesOfItems(database: AppDatabase, itemIds: readonly number[]): Map<number, AttributableConflict[]> {
  const byItem = new Map<number, AttributableConflict[]>();
  if (itemIds.length === 0) return byItem;
  const rows = database
    .select({ itemId: campaignItems.id, conflictId: sodConflicts.id, ruleId: sodConflicts.ruleId, severity: sodConflicts.severity, title: sodConflicts.title, sideA: sodConflicts.sideA, sideB: sodConflicts.sideB })
    .from(campaignItems)
    .innerJoin(campaigns, eq(campaigns.id, campaignItems.campaignId))
    .innerJoin(sodConflicts, and(eq(sodConflicts.scanId, campaigns.scanId), eq(sodConflicts.principalArn, campaignItems.principalArn)))
    .where(inArray(campaignItems.id, [...itemIds]))
    .all();
  for (const row of rows) {
    const list = byItem.get(row.itemId) ?? [];
    list.push({ ruleId: row.ruleId, severity: row.severity, title: row.title, sideA: parseConflictSide(row.sideA, { side: 'side_a', conflictId: row.conflictId }), sideB: parseConflictSide(row.sideB, { side: 'side_b', conflictId: row.conflictId }) });
    byItem.set(row.itemId, list);
  }
  return byItem;
}
