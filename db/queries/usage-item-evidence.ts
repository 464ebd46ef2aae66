import type { AppDatabase } from '../client';
import type { PrincipalActionUsageRow } from '../../lib/usage/item-usage-evidence';
import { windowStartDay } from '../../lib/usage/summarize-usage';
import { getLatestPublishedScanId } from './scans';
import { getUsageAsOf, hasVisibleCloudTrail, VISIBLE_USAGE_SCANS_SQL } from './usage-visible-scans';

export interface PrincipalsUsage {
  hasCloudTrail: boolean;
  windowDays: number;
  byPrincipal: Map<string, PrincipalActionUsageRow[]>;
}

/** Calls per action and caller of the given principals in the latest snapshot's window (one query for a page of items). */
export function listUsageOfPrincipals(database: AppDatabase, principalArns: readonly string[], windowDays = 90): PrincipalsUsage {
  const scanId = getLatestPublishedScanId(database);
  const byPrincipal = new Map<string, PrincipalActionUsageRow[]>();
  if (scanId === null || principalArns.length === 0) return { hasCloudTrail: false, windowDays, byPrincipal };
  const unique = [...new Set(principalArns)];
  const rows = database.$client
    .prepare(
      `SELECT principal_arn AS principalArn, action, caller_kind AS callerKind, caller_name AS callerName, caller_user_id AS callerUserId, sum(calls) AS calls, sum(denied_calls) AS deniedCalls, max(last_call_at) AS lastCallAt
       FROM usage_daily WHERE principal_arn IN (SELECT value FROM json_each(?)) AND day >= ? AND scan_id IN ${VISIBLE_USAGE_SCANS_SQL}
       GROUP BY principal_arn, action, caller_kind, caller_name, caller_user_id`,
    )
    .all(JSON.stringify(unique), windowStartDay(getUsageAsOf(database, scanId), windowDays), scanId, scanId) as Array<PrincipalActionUsageRow & { principalArn: string }>;
  for (const row of rows) {
    const list = byPrincipal.get(row.principalArn);
    if (list) list.push(row);
    else byPrincipal.set(row.principalArn, [row]);
  }
  return { hasCloudTrail: hasVisibleCloudTrail(database, scanId), windowDays, byPrincipal };
}
