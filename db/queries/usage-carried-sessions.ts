import type { AppDatabase } from '../client';
import type { SessionOrigin } from '../../lib/usage/types';
import { readSessionOrigin } from '../stored-json/session-origin';

/**
 * Role sessions recorded by published scans (and by `currentScanId`) that had not expired at
 * `time` (ISO): the origins a new import starts with, so a chained session whose AssumeRole was
 * in an earlier import is still tied to its caller.
 */
export function listCarriedSessions(database: AppDatabase, currentScanId: number, time: string): SessionOrigin[] {
  const rows = database.$client
    .prepare(`SELECT scan_id AS scanId, access_key_id AS accessKeyId, origin FROM usage_sessions WHERE expires_at >= ? AND (scan_id = ? OR scan_id IN (SELECT id FROM scans WHERE is_published = 1)) ORDER BY scan_id DESC`)
    .all(time, currentScanId) as Array<{ scanId: number; accessKeyId: string; origin: string }>;
  return rows.map((row) => readSessionOrigin(row.origin, row));
}

/** The latest event time of the published usage imports (ISO), or null before the first. */
export function getLatestUsageMark(database: AppDatabase): string | null {
  const row = database.$client.prepare(`SELECT max(high_water_mark) AS mark FROM usage_imports WHERE scan_id IN (SELECT id FROM scans WHERE is_published = 1)`).get() as { mark: string | null };
  return row.mark;
}
