import { and, asc, eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { principals, sodConflicts, sodExceptions } from '../../schema';
import type { StoredConflictSide } from '../../schema/stored-json';
import { readConflictSide } from '../../stored-json/conflict-side';
import type { Severity } from '../../../lib/analysis/types';
import { ownerScope, type Viewer } from '../viewer';

/** One grant path on one side of a conflict, with the actions it gives (see StoredConflictSide). */
export type ConflictSideGrant = StoredConflictSide;

/**
 * Reads `sod_conflicts.side_a/side_b`. Rows written before the per-path format (one entry per
 * action: `{action, tier, path}`) are folded into the same shape so old snapshots still display.
 */
export function parseConflictSide(text: string, place: { side: 'side_a' | 'side_b'; conflictId: number }): ConflictSideGrant[] {
  const entries = readConflictSide(text, place);
  const result: ConflictSideGrant[] = [];
  for (const entry of entries) {
    if ('actions' in entry) {
      result.push(entry);
      continue;
    }
    const existing = result.find((candidate) => candidate.path.policyName === entry.path.policyName && candidate.path.groupName === entry.path.groupName && candidate.path.statementIndex === entry.path.statementIndex);
    if (existing) {
      existing.actions.push(entry.action);
      if (!existing.tiers.includes(entry.tier)) existing.tiers.push(entry.tier);
    } else {
      result.push({ path: entry.path, tiers: [entry.tier], actions: [entry.action] });
    }
  }
  return result;
}

export interface PrincipalConflict {
  id: number;
  ruleId: string;
  severity: Severity;
  title: string;
  sideA: ConflictSideGrant[];
  sideB: ConflictSideGrant[];
  exception: { reason: string; expiresAt: string; createdBy: string } | null;
}

/** SoD conflicts of one principal with both sides and any active exception, scoped to the viewer. */
export function listPrincipalConflicts(database: AppDatabase, viewer: Viewer, principalId: number, now = new Date()): PrincipalConflict[] {
  const rows = database
    .select({ id: sodConflicts.id, ruleId: sodConflicts.ruleId, severity: sodConflicts.severity, title: sodConflicts.title, sideA: sodConflicts.sideA, sideB: sodConflicts.sideB, principalArn: sodConflicts.principalArn })
    .from(sodConflicts)
    .innerJoin(principals, eq(principals.id, sodConflicts.principalId))
    .where(and(eq(sodConflicts.principalId, principalId), ownerScope(viewer, principals.ownerEmail)))
    .orderBy(sql`CASE ${sodConflicts.severity} WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END`, asc(sodConflicts.ruleId))
    .all();
  if (rows.length === 0) return [];
  const activeExceptions = database
    .select({ ruleId: sodExceptions.ruleId, reason: sodExceptions.reason, expiresAt: sodExceptions.expiresAt, createdBy: sodExceptions.createdBy })
    .from(sodExceptions)
    .where(and(eq(sodExceptions.principalArn, rows[0].principalArn), sql`${sodExceptions.withdrawnAt} IS NULL`, sql`${sodExceptions.expiresAt} > ${now.toISOString()}`))
    .all();
  return rows.map((row) => {
    const exception = activeExceptions.find((candidate) => candidate.ruleId === row.ruleId);
    return {
      id: row.id,
      ruleId: row.ruleId,
      severity: row.severity,
      title: row.title,
      sideA: parseConflictSide(row.sideA, { side: 'side_a', conflictId: row.id }),
      sideB: parseConflictSide(row.sideB, { side: 'side_b', conflictId: row.id }),
      exception: exception ? { reason: exception.reason, expiresAt: exception.expiresAt, createdBy: exception.createdBy } : null,
    };
  });
}
