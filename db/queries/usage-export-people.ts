import type { AppDatabase } from '../client';
import { summarizeUsage, toExportedUsage, windowStartDay, type UsageRow, type UsageSummary } from '../../lib/usage/summarize-usage';
import { getUsageAsOf, VISIBLE_USAGE_SCANS_SQL } from './usage-visible-scans';

/**
 * The `usage` of every Identity Center person for the export of `scanId`, keyed by identity store
 * UserId: the calls CloudTrail attributed to that person (`onBehalfOf.userId`), and the Identity
 * Center role sessions named after the person's UserName in this snapshot (AWS names them so; a
 * user name is unique in the identity store at a time), over `windowDays`. Same shape as the
 * per-principal `usage`, and the same calls as the person's page (`getPersonUsage`).
 */
export function getExportedPersonUsage(database: AppDatabase, scanId: number, windowDays = 90): Map<string, UsageSummary> {
  const asOf = getUsageAsOf(database, scanId);
  const statement = database.$client.prepare(
    `SELECT userId, action, modelId, day, callerKind, callerName, callerUserId, unattributedReason, isStandingCredential,
      sum(calls) AS calls, sum(deniedCalls) AS deniedCalls, max(lastCallAt) AS lastCallAt, max(lastDeniedAt) AS lastDeniedAt
     FROM (
       SELECT coalesce(nullif(d.caller_user_id, ''), u.user_id) AS userId, d.action AS action, d.model_id AS modelId, d.day AS day, d.caller_kind AS callerKind, d.caller_name AS callerName,
         d.caller_user_id AS callerUserId, d.unattributed_reason AS unattributedReason, d.is_standing_credential AS isStandingCredential, d.calls AS calls, d.denied_calls AS deniedCalls,
         d.last_call_at AS lastCallAt, d.last_denied_at AS lastDeniedAt
       FROM usage_daily d
       LEFT JOIN identity_center_users u ON d.caller_user_id = '' AND d.caller_basis = 'identity-center-session' AND u.scan_id = ? AND u.user_name = d.caller_name
       WHERE d.caller_kind = 'person' AND d.day >= ? AND d.scan_id IN ${VISIBLE_USAGE_SCANS_SQL}
     )
     WHERE userId IS NOT NULL
     GROUP BY userId, action, modelId, day, callerName, unattributedReason, isStandingCredential ORDER BY userId`,
  );
  const byPerson = new Map<string, UsageSummary>();
  let current: string | null = null;
  let rows: UsageRow[] = [];
  const close = () => {
    if (current !== null) byPerson.set(current, toExportedUsage(summarizeUsage(rows, asOf, windowDays)));
  };
  for (const row of statement.iterate(scanId, windowStartDay(asOf, windowDays), scanId, scanId) as Iterable<Omit<UsageRow, 'isStandingCredential'> & { userId: string; isStandingCredential: number }>) {
    if (row.userId !== current) {
      close();
      current = row.userId;
      rows = [];
    }
    const { userId: _userId, ...usageRow } = row;
    rows.push({ ...usageRow, isStandingCredential: row.isStandingCredential === 1 });
  }
  close();
  return byPerson;
}
