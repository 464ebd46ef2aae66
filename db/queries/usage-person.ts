import type { AppDatabase } from '../client';
import { summarizeUsage, windowStartDay, type UsageRow } from '../../lib/usage/summarize-usage';
import type { PrincipalUsage } from './usage-principal';
import { getUsageAsOf, VISIBLE_USAGE_SCANS_SQL } from './usage-visible-scans';

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
      `SELECT action, model_id AS modelId, region, day, caller_kind AS callerKind, caller_name AS callerName, caller_user_id AS callerUserId, unattributed_reason AS unattributedReason,
        is_standing_credential AS isStandingCredential, sum(calls) AS calls, sum(denied_calls) AS deniedCalls, max(last_call_at) AS lastCallAt, max(last_denied_at) AS lastDeniedAt
       FROM usage_daily WHERE caller_kind = 'person' AND day >= ? AND scan_id IN ${VISIBLE_USAGE_SCANS_SQL}
        AND (caller_user_id = ? OR (caller_user_id = '' AND caller_basis = 'identity-center-session'
          AND caller_name = (SELECT user_name FROM identity_center_users WHERE scan_id = ? AND user_id = ?)))
       GROUP BY action, model_id, region, day, caller_name, unattributed_reason, is_standing_credential`,
    )
    .all(windowStartDay(asOf, windowDays), scanId, scanId, userId, scanId, userId) as Array<Omit<UsageRow, 'isStandingCredential'> & { isStandingCredential: number }>;
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
