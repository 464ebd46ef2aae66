import { summarizeUsage, type UsageDetail, type UsageRow } from '../../lib/usage/summarize-usage';

/**
 * The `usage_daily` columns a usage detail reads, summed over the rows a query groups (a
 * principal's calls, or a person's through whichever roles): `SELECT ${USAGE_DETAIL_COLUMNS} FROM usage_daily ...`.
 */
export const USAGE_DETAIL_COLUMNS = `action, model_id AS modelId, region, day, caller_kind AS callerKind, caller_name AS callerName, caller_user_id AS callerUserId, unattributed_reason AS unattributedReason,
  is_standing_credential AS isStandingCredential, sum(calls) AS calls, sum(denied_calls) AS deniedCalls, max(last_call_at) AS lastCallAt, max(last_denied_at) AS lastDeniedAt`;

/** A row of USAGE_DETAIL_COLUMNS as SQLite returns it (its boolean as 0 or 1). */
export type StoredUsageDetailRow = Omit<UsageRow, 'isStandingCredential'> & { isStandingCredential: number };

/** The usage detail of the rows over the window ending at `asOf`. */
export function summarizeStoredUsage(rows: readonly StoredUsageDetailRow[], asOf: Date, windowDays: number): UsageDetail {
  return summarizeUsage(
    rows.map((row) => ({ ...row, isStandingCredential: row.isStandingCredential === 1 })),
    asOf,
    windowDays,
  );
}
