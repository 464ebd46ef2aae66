import type { AppDatabase } from '../client';
import { windowStartDay } from '../../lib/usage/summarize-usage';
import { summarizeStoredUsage, USAGE_DETAIL_COLUMNS, type StoredUsageDetailRow } from './usage-detail-rows';
import type { PrincipalUsage } from './usage-principal';
import { getUsageAsOf, hasVisibleCloudTrail, VISIBLE_USAGE_SCANS_SQL } from './usage-visible-scans';

/**
 * Usage evidence of one Identity Center person as snapshot `scanId` sees it, over `windowDays`:
 * the calls CloudTrail attributed to the person's UserId (`onBehalfOf.userId`), and the calls of
 * Identity Center role sessions named after the person's UserName in this snapshot (AWS names an
 * SSO role session after the user name, unique in the identity store), through whichever roles. The same shape as a principal's, so the usage panel shows both; Access Advisor and
 * standing-credential sources belong to IAM principals and stay empty here.
 */
export function getPersonUsage(database: AppDatabase, scanId: number, userId: string, windowDays = 90): PrincipalUsage {
  const asOf = getUsageAsOf(database, scanId);
  const rows = database.$client
    .prepare(
      `SELECT ${USAGE_DETAIL_COLUMNS}
       FROM usage_daily WHERE caller_kind = 'person' AND day >= ? AND scan_id IN ${VISIBLE_USAGE_SCANS_SQL}
        AND (caller_user_id = ? OR (caller_user_id = '' AND caller_basis = 'identity-center-session'
          AND caller_name = (SELECT user_name FROM identity_center_users WHERE scan_id = ? AND user_id = ?)))
       GROUP BY action, model_id, region, day, caller_name, unattributed_reason, is_standing_credential`,
    )
    .all(windowStartDay(asOf, windowDays), scanId, scanId, userId, scanId, userId) as StoredUsageDetailRow[];
  return {
    asOf: asOf.toISOString(),
    standingSourceCount: 0,
    hasCloudTrail: hasVisibleCloudTrail(database, scanId),
    detail: summarizeStoredUsage(rows, asOf, windowDays),
    accessAdvisor: [],
  };
}
