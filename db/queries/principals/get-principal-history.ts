import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { principals, scans } from '../../schema';
import { ownerScope, type Viewer } from '../viewer';

export interface PrincipalHistoryPoint {
  scanId: number;
  principalId: number;
  finishedAt: string | null;
  score: number;
  tiersMask: number;
  actionCount: number;
}

/**
 * The same ARN across the last published scans, oldest first. The IN list of scan ids lets
 * SQLite use the (scan_id, arn) unique index once per scan.
 */
export function getPrincipalHistory(database: AppDatabase, viewer: Viewer, arn: string, scanLimit = 10): PrincipalHistoryPoint[] {
  const recentScans = database.select({ id: scans.id }).from(scans).where(eq(scans.isPublished, true)).orderBy(desc(scans.finishedAt), desc(scans.id)).limit(scanLimit);
  return database
    .select({ scanId: principals.scanId, principalId: principals.id, finishedAt: scans.finishedAt, score: principals.score, tiersMask: principals.tiersMask, actionCount: principals.actionCount })
    .from(principals)
    .innerJoin(scans, eq(scans.id, principals.scanId))
    .where(and(inArray(principals.scanId, recentScans), eq(principals.arn, arn), ownerScope(viewer, principals.ownerEmail)))
    .orderBy(asc(scans.finishedAt), asc(scans.id))
    .all();
}
