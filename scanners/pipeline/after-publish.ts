import { and, desc, eq, lt } from 'drizzle-orm';
import type { AppDatabase } from '../../db/client';
import { launchAssignmentMicroCertification, launchMicroCertification } from '../../db/queries/campaigns/micro';
import { verifyOfflineRevocations } from '../../db/queries/revocations/verify-offline';
import { scans } from '../../db/schema';

/**
 * What follows a newly published snapshot: new or widened entitlements, and new or widened
 * Identity Center assignments, go to their reviewers at once (micro-certification, one campaign
 * per subject). A failure here is reported but never unpublishes the snapshot.
 */
export async function afterPublish(database: AppDatabase, scanId: number, now: Date): Promise<string[]> {
  const problems: string[] = [];
  const previous = database
    .select({ id: scans.id })
    .from(scans)
    .where(and(eq(scans.isPublished, true), lt(scans.id, scanId)))
    .orderBy(desc(scans.id))
    .limit(1)
    .get();
  try {
    verifyOfflineRevocations(database, scanId, now);
  } catch (error) {
    problems.push(`verifying offline revocations failed: ${(error as Error).message}`);
  }
  try {
    const micro = await launchMicroCertification(database, { previousScanId: previous?.id ?? null, newScanId: scanId, now });
    if (micro) problems.push(`micro-certification campaign ${micro.campaignId} launched for changed entitlements`);
  } catch (error) {
    problems.push(`micro-certification failed: ${(error as Error).message}`);
  }
  try {
    const micro = await launchAssignmentMicroCertification(database, { previousScanId: previous?.id ?? null, newScanId: scanId, now });
    if (micro) problems.push(`micro-certification campaign ${micro.campaignId} launched for changed Identity Center assignments`);
  } catch (error) {
    problems.push(`micro-certification of assignments failed: ${(error as Error).message}`);
  }
  return problems;
}
