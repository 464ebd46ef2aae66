import type { AppDatabase } from '../client';
import { windowStartDay, type UsageDetail } from '../../lib/usage/summarize-usage';
import { summarizeStoredUsage, USAGE_DETAIL_COLUMNS, type StoredUsageDetailRow } from './usage-detail-rows';
import { getUsageAsOf, hasVisibleCloudTrail, VISIBLE_USAGE_SCANS_SQL } from './usage-visible-scans';

export interface AccessAdvisorEvidence {
  serviceNamespace: string;
  actionName: string;
  lastAuthenticatedAt: string | null;
  lastAuthenticatedRegion: string | null;
  reportGeneratedAt: string | null;
}

export interface PrincipalUsage {
  asOf: string;
  /** Whether any CloudTrail import is visible to this snapshot: no import means "no evidence", not "unused". */
  hasCloudTrail: boolean;
  detail: UsageDetail;
  /** Access Advisor's dates from the latest scan up to this one that read them. */
  accessAdvisor: AccessAdvisorEvidence[];
  /** Distinct source addresses its standing credentials were used from in the window. */
  standingSourceCount: number;
}

/** Usage evidence of one principal as snapshot `scanId` sees it, over `windowDays` (90 by default). */
export function getPrincipalUsage(database: AppDatabase, scanId: number, principalArn: string, windowDays = 90): PrincipalUsage {
  const asOf = getUsageAsOf(database, scanId);
  const rows = database.$client
    .prepare(
      `SELECT ${USAGE_DETAIL_COLUMNS}
       FROM usage_daily WHERE principal_arn = ? AND day >= ? AND scan_id IN ${VISIBLE_USAGE_SCANS_SQL}
       GROUP BY action, model_id, region, day, caller_kind, caller_name, caller_user_id, unattributed_reason, is_standing_credential`,
    )
    .all(principalArn, windowStartDay(asOf, windowDays), scanId, scanId) as StoredUsageDetailRow[];
  const accessAdvisor = database.$client
    .prepare(
      `SELECT service_namespace AS serviceNamespace, action_name AS actionName, last_authenticated_at AS lastAuthenticatedAt, last_authenticated_region AS lastAuthenticatedRegion, report_generated_at AS reportGeneratedAt
       FROM usage_access_advisor WHERE principal_arn = ? AND scan_id = (SELECT max(scan_id) FROM usage_access_advisor WHERE principal_arn = ? AND scan_id IN ${VISIBLE_USAGE_SCANS_SQL})
       ORDER BY service_namespace, action_name`,
    )
    .all(principalArn, principalArn, scanId, scanId) as AccessAdvisorEvidence[];
  const sources = database.$client.prepare(`SELECT count(DISTINCT source_address) AS n FROM usage_standing_sources WHERE principal_arn = ? AND last_call_at >= ? AND scan_id IN ${VISIBLE_USAGE_SCANS_SQL}`).get(principalArn, windowStartDay(asOf, windowDays), scanId, scanId) as { n: number };
  return {
    asOf: asOf.toISOString(),
    standingSourceCount: sources.n,
    hasCloudTrail: hasVisibleCloudTrail(database, scanId),
    detail: summarizeStoredUsage(rows, asOf, windowDays),
    accessAdvisor,
  };
}
