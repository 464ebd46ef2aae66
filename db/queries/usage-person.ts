import type { AppDatabase } from '../client';
import { summarizeUsage, windowStartDay, type UsageRow } from '../../lib/usage/summarize-usage';
import type { PrincipalUsage } from './usage-principal';
import { getUsageAsOf, VISIBLE_USAGE_SCANS_SQL } from './usage-visible-scans';

/**
 * Usage evidence of one Identity Center person as snapshot `scanId` sees it, over `windowDays`:
 * the calls CloudTrail attributed to the person's UserId (`onBehalfOf.userId`), through whichever
 * roles. The same shape as a principal's, so the usage panel shows both; Access Advisor and
 * standing-credential sources belong to IAM principals and stay empty here.
 */
export function getPersonUsage(database: AppDatabase, scanId: number, userId: string, windowDays = 90): PrincipalUsage {
  const asOf = getUsageAsOf(database, scanId);
  const rows = database.$client
    .prepare(
      `SELECT action, model_id AS modelId, region, day, caller_kind AS callerKind, caller_name AS callerName, caller_user_id AS callerUserId, unattributed_reason AS unattributedReason,
        is_standing_credential AS isStandingCredential, sum(calls) AS calls, sum(denied_calls) AS deniedCalls, max(last_call_at) AS lastCallAt, max(last_denied_at) AS lastDeniedAt
       FROM usage_daily WHERE caller_kind = 'person' AND caller_user_id = ? AND day >= ? AND scan_id IN ${VISIBLE_USAGE_SCANS_SQL}
       GROUP BY action, model_id, region, day, caller_name, unattributed_reason, is_standing_credential`,
    )
    .all(userId, windowStartDay(asOf, windowDays), scanId, scanId) as Array<Omit<UsageRow, 'isStandingCredential'> & { isStandingCredential: number }>;
  const imports = database.$client.prepare(`SELECT count(*) AS n FROM usage_imports WHERE (source <> 'offline' OR files_read + files_skipped > 0) AND scan_id IN ${VISIBLE_USAGE_SCANS_SQL}`).get(scanId, scanId) as { n: number };
  return {
    asOf: asOf.toISOString(),
    standingSourceCount: 0,
    hasCloudTrail: imports.n > 0,
    detail: summarizeUsage(
      rows.map((row) => ({ ...row, isStandingCredential: row.isStandingCredential === 1 })),
      asOf,
      windowDays,
    ),
    accessAdvisor: [],
  };
}
