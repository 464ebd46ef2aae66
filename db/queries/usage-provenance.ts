import type { AppDatabase } from '../client';
import { summarizeProvenance, windowStartDay, type ProvenanceRow, type ProvenanceSummary } from '../../lib/usage/summarize-usage';
import { getUsageAsOf, VISIBLE_USAGE_SCANS_SQL } from './usage-visible-scans';

export interface AccountProvenance extends ProvenanceSummary {
  accountId: string;
  accountName: string | null;
}

export interface ProvenanceOverview {
  windowDays: number;
  hasEvidence: boolean;
  total: ProvenanceSummary;
  byAccount: AccountProvenance[];
  /** Share of events attributed per ISO week (Monday), oldest first. */
  trend: Array<{ week: string; events: number; attributed: number }>;
  topUnattributed: Array<{ principalArn: string; reason: string; events: number }>;
  topCallers: Array<{ kind: 'person' | 'workload'; name: string; calls: number }>;
}

/** Provenance coverage of the Bedrock calls snapshot `scanId` sees over `windowDays`: overall, per account, per week, and its leaders. */
export function getProvenanceOverview(database: AppDatabase, scanId: number, windowDays = 90): ProvenanceOverview {
  const asOf = getUsageAsOf(database, scanId);
  const start = windowStartDay(asOf, windowDays);
  const client = database.$client;
  const rows = client
    .prepare(`SELECT account_id AS accountId, caller_kind AS callerKind, unattributed_reason AS unattributedReason, sum(calls + denied_calls) AS events FROM usage_daily WHERE day >= ? AND scan_id IN ${VISIBLE_USAGE_SCANS_SQL} GROUP BY account_id, caller_kind, unattributed_reason`)
    .all(start, scanId, scanId) as Array<ProvenanceRow & { accountId: string }>;
  const names = new Map((client.prepare('SELECT id, name FROM accounts').all() as Array<{ id: string; name: string }>).map((row) => [row.id, row.name]));
  const byAccountRows = new Map<string, ProvenanceRow[]>();
  for (const row of rows) byAccountRows.set(row.accountId, [...(byAccountRows.get(row.accountId) ?? []), row]);
  const byAccount = [...byAccountRows].map(([accountId, accountRows]) => ({ accountId, accountName: names.get(accountId) ?? null, ...summarizeProvenance(accountRows) })).sort((a, b) => b.events - a.events);
  const daily = client
    .prepare(`SELECT day, sum(calls + denied_calls) AS events, sum(CASE WHEN caller_kind IN ('person', 'workload') THEN calls + denied_calls ELSE 0 END) AS attributed FROM usage_daily WHERE day >= ? AND scan_id IN ${VISIBLE_USAGE_SCANS_SQL} GROUP BY day ORDER BY day`)
    .all(start, scanId, scanId) as Array<{ day: string; events: number; attributed: number }>;
  const weeks = new Map<string, { week: string; events: number; attributed: number }>();
  for (const day of daily) {
    const date = new Date(`${day.day}T00:00:00Z`);
    const monday = new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
    const week = weeks.get(monday) ?? { week: monday, events: 0, attributed: 0 };
    week.events += day.events;
    week.attributed += day.attributed;
    weeks.set(monday, week);
  }
  const topUnattributed = client
    .prepare(`SELECT principal_arn AS principalArn, unattributed_reason AS reason, sum(calls + denied_calls) AS events FROM usage_daily WHERE caller_kind = 'unattributed' AND day >= ? AND scan_id IN ${VISIBLE_USAGE_SCANS_SQL} GROUP BY principal_arn, unattributed_reason ORDER BY events DESC LIMIT 10`)
    .all(start, scanId, scanId) as ProvenanceOverview['topUnattributed'];
  const topCallers = client
    .prepare(`SELECT caller_kind AS kind, caller_name AS name, sum(calls) AS calls FROM usage_daily WHERE caller_kind IN ('person', 'workload') AND day >= ? AND scan_id IN ${VISIBLE_USAGE_SCANS_SQL} GROUP BY caller_kind, caller_name ORDER BY calls DESC LIMIT 10`)
    .all(start, scanId, scanId) as ProvenanceOverview['topCallers'];
  const total = summarizeProvenance(rows);
  return { windowDays, hasEvidence: total.events > 0, total, byAccount, trend: [...weeks.values()], topUnattributed, topCallers };
}
