import type { AppDatabase } from '../client';
import { summarizeProvenance, summarizeUsage, toExportedUsage, windowStartDay, type ProvenanceRow, type ProvenanceSummary, type UsageRow, type UsageSummary } from '../../lib/usage/summarize-usage';
import { getUsageAsOf, VISIBLE_USAGE_SCANS_SQL } from './usage-visible-scans';

export interface ExportedUsage {
  /** Per principal ARN; a principal without rows has no entry (callers use `emptyUsage`). */
  byPrincipal: Map<string, UsageSummary>;
  provenance: ProvenanceSummary;
  emptyUsage: UsageSummary;
}

/**
 * The `usage` of every principal and the top-level `provenance` for the export of `scanId`,
 * over `windowDays`. Reads rows grouped per principal in principal order, one principal at a time.
 */
export function getExportedUsage(database: AppDatabase, scanId: number, windowDays = 90): ExportedUsage {
  const asOf = getUsageAsOf(database, scanId);
  const start = windowStartDay(asOf, windowDays);
  const statement = database.$client.prepare(
    `SELECT principal_arn AS principalArn, action, model_id AS modelId, day, caller_kind AS callerKind, caller_name AS callerName, caller_user_id AS callerUserId, unattributed_reason AS unattributedReason,
      is_standing_credential AS isStandingCredential, sum(calls) AS calls, sum(denied_calls) AS deniedCalls, max(last_call_at) AS lastCallAt, max(last_denied_at) AS lastDeniedAt
     FROM usage_daily WHERE principal_arn <> '' AND day >= ? AND scan_id IN ${VISIBLE_USAGE_SCANS_SQL}
     GROUP BY principal_arn, action, model_id, day, caller_kind, caller_name, caller_user_id, unattributed_reason, is_standing_credential ORDER BY principal_arn`,
  );
  const byPrincipal = new Map<string, UsageSummary>();
  let current: string | null = null;
  let rows: UsageRow[] = [];
  const close = () => {
    if (current !== null) byPrincipal.set(current, toExportedUsage(summarizeUsage(rows, asOf, windowDays)));
  };
  for (const row of statement.iterate(start, scanId, scanId) as Iterable<Omit<UsageRow, 'isStandingCredential'> & { principalArn: string; isStandingCredential: number }>) {
    if (row.principalArn !== current) {
      close();
      current = row.principalArn;
      rows = [];
    }
    rows.push({ ...row, isStandingCredential: row.isStandingCredential === 1 });
  }
  close();
  const provenanceRows = database.$client
    .prepare(`SELECT caller_kind AS callerKind, unattributed_reason AS unattributedReason, sum(calls + denied_calls) AS events FROM usage_daily WHERE day >= ? AND scan_id IN ${VISIBLE_USAGE_SCANS_SQL} GROUP BY caller_kind, unattributed_reason`)
    .all(start, scanId, scanId) as ProvenanceRow[];
  return { byPrincipal, provenance: summarizeProvenance(provenanceRows), emptyUsage: toExportedUsage(summarizeUsage([], asOf, windowDays)) };
}
