import type { AppDatabase } from '../client';
import { summarizeUsage, toExportedUsage, windowStartDay, type UsageRow, type UsageSummary } from '../../lib/usage/summarize-usage';
import { getUsageAsOf, VISIBLE_USAGE_SCANS_SQL } from './usage-visible-scans';

/**
 * The `usage` of every Identity Center person for the export of `scanId`, keyed by identity store
 * UserId: the calls CloudTrail attributed to that person (`onBehalfOf.userId`), over `windowDays`.
 * Calls tied to a person by session name only carry no UserId and are not joined: a user name is
 * not a stable key. Same shape as the per-principal `usage`.
 */
export function getExportedPersonUsage(database: AppDatabase, scanId: number, windowDays = 90): Map<string, UsageSummary> {
  const asOf = getUsageAsOf(database, scanId);
  const statement = database.$client.prepare(
    `SELECT caller_user_id AS userId, action, model_id AS modelId, day, caller_kind AS callerKind, caller_name AS callerName, caller_user_id AS callerUserId, unattributed_reason AS unattributedReason,
      is_standing_credential AS isStandingCredential, sum(calls) AS calls, sum(denied_calls) AS deniedCalls, max(last_call_at) AS lastCallAt, max(last_denied_at) AS lastDeniedAt
     FROM usage_daily WHERE caller_kind = 'person' AND caller_user_id <> '' AND day >= ? AND scan_id IN ${VISIBLE_USAGE_SCANS_SQL}
     GROUP BY caller_user_id, action, model_id, day, caller_name, unattributed_reason, is_standing_credential ORDER BY caller_user_id`,
  );
  const byPerson = new Map<string, UsageSummary>();
  let current: string | null = null;
  let rows: UsageRow[] = [];
  const close = () => {
    if (current !== null) byPerson.set(current, toExportedUsage(summarizeUsage(rows, asOf, windowDays)));
  };
  for (const row of statement.iterate(windowStartDay(asOf, windowDays), scanId, scanId) as Iterable<Omit<UsageRow, 'isStandingCredential'> & { userId: string; isStandingCredential: number }>) {
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
