import type { AppDatabase } from '../client';
import type { UsageEvidenceForScoring } from '../../lib/analysis/blast-radius/usage-fact';
import { windowStartDay } from '../../lib/usage/summarize-usage';
import { getLatestPublishedScanId } from './scans';
import { hasVisibleCloudTrail, VISIBLE_USAGE_SCANS_SQL } from './usage-visible-scans';

/**
 * Successful Bedrock calls per principal over the `windowDays` ending at `asOf`, from the usage
 * the published snapshots already hold; null when no CloudTrail was ever read (unknown, not unused).
 */
export function getUsageForScoring(database: AppDatabase, asOf: Date, windowDays: number): UsageEvidenceForScoring | null {
  const scanId = getLatestPublishedScanId(database);
  if (scanId === null) return null;
  if (!hasVisibleCloudTrail(database, scanId)) return null;
  const rows = database.$client
    .prepare(
      `SELECT principal_arn AS principalArn, sum(calls) AS calls, max(last_call_at) AS lastUsed
       FROM usage_daily WHERE principal_arn <> '' AND calls > 0 AND day >= ? AND scan_id IN ${VISIBLE_USAGE_SCANS_SQL}
       GROUP BY principal_arn`,
    )
    .all(windowStartDay(asOf, windowDays), scanId, scanId) as Array<{ principalArn: string; calls: number; lastUsed: string | null }>;
  return { windowDays, byPrincipal: new Map(rows.map((row) => [row.principalArn, { calls: row.calls, lastUsed: row.lastUsed }])) };
}
