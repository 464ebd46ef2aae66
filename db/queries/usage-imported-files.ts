import type { AppDatabase } from '../client';

/**
 * The trail files already imported by published scans (and by `currentScanId`, still running):
 * their size by path key. What an incremental import skips.
 */
export function listImportedUsageFiles(database: AppDatabase, currentScanId: number): Map<string, number> {
  const rows = database.$client
    .prepare(`SELECT file_key AS fileKey, size_bytes AS sizeBytes FROM usage_files WHERE scan_id = ? OR scan_id IN (SELECT id FROM scans WHERE is_published = 1)`)
    .all(currentScanId) as Array<{ fileKey: string; sizeBytes: number }>;
  return new Map(rows.map((row) => [row.fileKey, row.sizeBytes]));
}
