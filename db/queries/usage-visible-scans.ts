import type { AppDatabase } from '../client';

/**
 * SQL fragment for the scans whose usage rows snapshot `?` sees: every published scan up to it
 * (imports are incremental, so each event belongs to exactly one scan), plus itself.
 */
export const VISIBLE_USAGE_SCANS_SQL = '(SELECT id FROM scans WHERE (is_published = 1 AND id <= ?) OR id = ?)';

/** The time usage windows of snapshot `scanId` end at: when its scan finished (or started). */
export function getUsageAsOf(database: AppDatabase, scanId: number): Date {
  const row = database.$client.prepare('SELECT coalesce(finished_at, started_at, queued_at) AS at FROM scans WHERE id = ?').get(scanId) as { at: string } | undefined;
  return row === undefined ? new Date() : new Date(row.at);
}

/**
 * Whether snapshot `scanId` sees any CloudTrail read (a live or S3 import, or an offline import
 * that found files): without one, no calls means "no evidence", not "unused".
 */
export function hasVisibleCloudTrail(database: AppDatabase, scanId: number): boolean {
  const imports = database.$client.prepare(`SELECT count(*) AS n FROM usage_imports WHERE (source <> 'offline' OR files_read + files_skipped > 0) AND scan_id IN ${VISIBLE_USAGE_SCANS_SQL}`).get(scanId, scanId) as { n: number };
  return imports.n > 0;
}
