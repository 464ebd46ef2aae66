import type { AppDatabase } from '../client';

/** The latest LookupEvents high-water mark per `account\u001fregion` over the published scans. */
export function listUsageCursors(database: AppDatabase): Map<string, string> {
  const rows = database.$client
    .prepare(`SELECT account_id AS accountId, region, max(high_water_mark) AS mark FROM usage_cursors WHERE scan_id IN (SELECT id FROM scans WHERE is_published = 1) GROUP BY account_id, region`)
    .all() as Array<{ accountId: string; region: string; mark: string }>;
  return new Map(rows.map((row) => [`${row.accountId}\u001f${row.region}`, row.mark]));
}
