import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { scans, type ScanStatus } from '../../schema';
import { getLatestPublishedScan } from '../scans';

/**
 * The snapshot a launch freezes: the scan asked for (a launch refuses it unless it is
 * published), else the latest published one; undefined when there is none.
 */
export function findLaunchScan(database: AppDatabase, scanId?: number): { id: number; status: ScanStatus; isPublished: boolean } | undefined {
  if (scanId) return database.select({ id: scans.id, status: scans.status, isPublished: scans.isPublished }).from(scans).where(eq(scans.id, scanId)).get();
  const latest = getLatestPublishedScan(database);
  return latest ? { id: latest.id, status: latest.status, isPublished: true } : undefined;
}
