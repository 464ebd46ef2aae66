import type { AppDatabase } from '../client';

/**
 * The latest event time an organisation-trail (S3) import of a published scan has seen, or null:
 * where the next listing starts (by day, and a day earlier for late deliveries).
 */
export function getOrganizationTrailMark(database: AppDatabase): string | null {
  const row = database.$client.prepare(`SELECT max(high_water_mark) AS mark FROM usage_imports WHERE source = 's3' AND scan_id IN (SELECT id FROM scans WHERE is_published = 1)`).get() as { mark: string | null };
  return row.mark;
}
