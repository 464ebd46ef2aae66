import { and, asc, count, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { AppDatabase } from '../client';
import { accounts, principals, scans, sodConflicts, sodExceptions } from '../schema';
import type { StoredScanSummary } from '../schema/stored-json';
import { readScanSummary } from '../stored-json/scan-summary';
import { tierBit } from '../../lib/analysis/tier-mask';
import { TIERS, type Severity, type Tier } from '../../lib/analysis/types';

export interface OverviewCounts {
  bedrockPrincipalCount: number;
  principalCount: number;
  byTier: Record<Tier, number>;
  byAccount: Array<{ accountId: string; accountName: string | null; count: number }>;
  /** 10 buckets: 0-9, 10-19, ... 90-100. */
  scoreBuckets: number[];
  exposedOutsideOrgCount: number;
  unpinnedOidcCount: number;
  publicTrustCount: number;
}

/**
 * Counts of one published scan. The pipeline computed them once into `scans.summary`; reading
 * that beats scanning 100,000 wide principal rows. A scan without a summary (older pipeline)
 * falls back to GROUP BY queries.
 */
export function getOverviewCounts(database: AppDatabase, scanId: number): OverviewCounts {
  const scan = database.select({ summary: scans.summary }).from(scans).where(eq(scans.id, scanId)).get();
  const summary = scan?.summary ? readScanSummary(scan.summary, scanId) : null;
  const counts = summary ? countsFromSummary(summary) : countsFromRows(database, scanId);
  const names = new Map(database.select({ id: accounts.id, name: accounts.name }).from(accounts).all().map((account) => [account.id, account.name]));
  return {
    ...counts,
    byAccount: counts.byAccount.map((entry) => ({ ...entry, accountName: names.get(entry.accountId) ?? null })).sort((left, right) => right.count - left.count || left.accountId.localeCompare(right.accountId)),
  };
}

function countsFromSummary(summary: StoredScanSummary): OverviewCounts {
  const byTier = Object.fromEntries(TIERS.map((tier) => [tier, summary.byTier[tier] ?? 0])) as Record<Tier, number>;
  return {
    bedrockPrincipalCount: summary.bedrockPrincipalCount,
    principalCount: summary.principalCount,
    byTier,
    byAccount: Object.entries(summary.byAccount).map(([accountId, value]) => ({ accountId, accountName: null, count: value })),
    scoreBuckets: Array.from({ length: 10 }, (_, index) => summary.scoreBuckets[index] ?? 0),
    exposedOutsideOrgCount: summary.exposedOutsideOrgCount,
    unpinnedOidcCount: summary.unpinnedOidcCount,
    publicTrustCount: summary.publicTrustCount,
  };
}

/** SQL aggregates over the scan's rows; used only when the summary is missing. */
export function countsFromRows(database: AppDatabase, scanId: number): OverviewCounts {
  const tierColumns = Object.fromEntries(TIERS.map((tier) => [tier, sql<number>`COALESCE(SUM((${principals.tiersMask} & ${tierBit(tier)}) != 0), 0)`]));
  const totals = database
    .select({
      bedrockPrincipalCount: count(),
      exposedOutsideOrgCount: sql<number>`COALESCE(SUM(${principals.isExposedOutsideOrg}), 0)`,
      unpinnedOidcCount: sql<number>`COALESCE(SUM(${principals.hasUnpinnedOidc}), 0)`,
      publicTrustCount: sql<number>`COALESCE(SUM(${principals.hasPublicTrust}), 0)`,
      ...tierColumns,
    })
    .from(principals)
    .where(and(eq(principals.scanId, scanId), eq(principals.hasBedrock, true)))
    .get() as Record<string, number>;
  const principalCount = database.select({ total: count() }).from(principals).where(eq(principals.scanId, scanId)).get()?.total ?? 0;
  const byAccount = database
    .select({ accountId: principals.accountId, count: count() })
    .from(principals)
    .where(and(eq(principals.scanId, scanId), eq(principals.hasBedrock, true)))
    .groupBy(principals.accountId)
    .all();
  const bucket = sql<number>`MIN(9, ${principals.score} / 10)`;
  const buckets = database
    .select({ bucket, count: count() })
    .from(principals)
    .where(and(eq(principals.scanId, scanId), eq(principals.hasBedrock, true)))
    .groupBy(bucket)
    .all();
  const scoreBuckets = new Array<number>(10).fill(0);
  for (const row of buckets) scoreBuckets[row.bucket] = row.count;
  return {
    bedrockPrincipalCount: totals.bedrockPrincipalCount,
    principalCount,
    byTier: Object.fromEntries(TIERS.map((tier) => [tier, totals[tier] ?? 0])) as Record<Tier, number>,
    byAccount: byAccount.map((row) => ({ ...row, accountName: null })),
    scoreBuckets,
    exposedOutsideOrgCount: totals.exposedOutsideOrgCount,
    unpinnedOidcCount: totals.unpinnedOidcCount,
    publicTrustCount: totals.publicTrustCount,
  };
}

export interface OpenConflictCount {
  ruleId: string;
  severity: Severity;
  count: number;
}

/**
 * Conflicts of the scan not covered by an active exception, by rule and severity: every conflict
 * counted on the covering (scan, rule, severity) index, minus those an active exception covers,
 * found from the exceptions (few) rather than by testing each of 100,000 conflicts against them.
 */
export function countOpenConflicts(database: AppDatabase, scanId: number, now = new Date()): OpenConflictCount[] {
  const totals = database
    .select({ ruleId: sodConflicts.ruleId, severity: sodConflicts.severity, count: count() })
    .from(sodConflicts)
    .where(eq(sodConflicts.scanId, scanId))
    .groupBy(sodConflicts.ruleId, sodConflicts.severity)
    .orderBy(asc(sodConflicts.ruleId))
    .all();
  // Active exceptions are few: find the conflicts they cover through the (scan, principal ARN) index.
  const active = database
    .select({ ruleId: sodExceptions.ruleId, principalArn: sodExceptions.principalArn })
    .from(sodExceptions)
    .where(and(isNull(sodExceptions.withdrawnAt), gt(sodExceptions.expiresAt, now.toISOString())))
    .all();
  const activeKeys = new Set(active.map((exception) => `${exception.ruleId}\u0000${exception.principalArn}`));
  const exceptedCount = new Map<string, number>();
  const arns = [...new Set(active.map((exception) => exception.principalArn))];
  for (let start = 0; start < arns.length; start += 500) {
    const covered = database
      .select({ ruleId: sodConflicts.ruleId, severity: sodConflicts.severity, principalArn: sodConflicts.principalArn })
      .from(sodConflicts)
      .where(and(eq(sodConflicts.scanId, scanId), inArray(sodConflicts.principalArn, arns.slice(start, start + 500))))
      .all();
    for (const conflict of covered) {
      if (!activeKeys.has(`${conflict.ruleId}\u0000${conflict.principalArn}`)) continue;
      const key = `${conflict.ruleId}\u0000${conflict.severity}`;
      exceptedCount.set(key, (exceptedCount.get(key) ?? 0) + 1);
    }
  }
  return totals
    .map((row) => ({ ...row, count: row.count - (exceptedCount.get(`${row.ruleId}\u0000${row.severity}`) ?? 0) }))
    .filter((row) => row.count > 0);
}

export interface TopPrincipalRow {
  id: number;
  name: string;
  arn: string;
  type: 'user' | 'role';
  accountId: string;
  accountName: string | null;
  score: number;
  tiersMask: number;
  conflictCount: number;
}

/** The highest blast radius scores (the list index starts with scan_id, has_bedrock, score). */
export function listTopPrincipals(database: AppDatabase, scanId: number, limit = 10): TopPrincipalRow[] {
  return database
    .select({ id: principals.id, name: principals.name, arn: principals.arn, type: principals.type, accountId: principals.accountId, accountName: accounts.name, score: principals.score, tiersMask: principals.tiersMask, conflictCount: principals.conflictCount })
    .from(principals)
    .leftJoin(accounts, eq(accounts.id, principals.accountId))
    .where(and(eq(principals.scanId, scanId), eq(principals.hasBedrock, true)))
    .orderBy(desc(principals.score), asc(principals.id))
    .limit(limit)
    .all();
}

export interface TrendPoint {
  scanId: number;
  finishedAt: string | null;
  bedrockPrincipalCount: number;
  openConflictCount: number;
  criticalConflictCount: number;
  exposedOutsideOrgCount: number;
  highScoreCount: number;
}

/** The last published scans, oldest first, from their stored summaries. */
export function listTrends(database: AppDatabase, limit = 10): TrendPoint[] {
  const rows = database
    .select({ id: scans.id, finishedAt: scans.finishedAt, summary: scans.summary })
    .from(scans)
    .where(eq(scans.isPublished, true))
    .orderBy(desc(scans.finishedAt), desc(scans.id))
    .limit(limit)
    .all();
  return rows
    .flatMap((row) => {
      if (row.summary === null) return [];
      const summary = readScanSummary(row.summary, row.id);
      const conflicts = Object.values(summary.openConflictsByRule).reduce((sum, value) => sum + value, 0);
      return [
        {
          scanId: row.id,
          finishedAt: row.finishedAt,
          bedrockPrincipalCount: summary.bedrockPrincipalCount,
          openConflictCount: conflicts,
          criticalConflictCount: summary.openConflictsBySeverity.critical ?? 0,
          exposedOutsideOrgCount: summary.exposedOutsideOrgCount,
          highScoreCount: (summary.scoreBuckets[7] ?? 0) + (summary.scoreBuckets[8] ?? 0) + (summary.scoreBuckets[9] ?? 0),
        },
      ];
    })
    .reverse();
}
