import { asc, eq } from 'drizzle-orm';
import type { AppDatabase } from '../client';
import { controlCoverage, scans } from '../schema';

export interface ControlCoveragePoint {
  scanId: number;
  finishedAt: string | null;
  productionInvokeHolders: number;
  guardrailCovered: number;
  loggingCovered: number;
}

/** Per published scan, oldest first: production invoke holders and how many a guardrail / logging covers. */
export function listControlCoverageTrend(database: AppDatabase, limit = 30): ControlCoveragePoint[] {
  const rows = database
    .select({ scanId: controlCoverage.scanId, finishedAt: scans.finishedAt, productionInvokeHolders: controlCoverage.productionInvokeHolders, guardrailCovered: controlCoverage.guardrailCovered, loggingCovered: controlCoverage.loggingCovered })
    .from(controlCoverage)
    .innerJoin(scans, eq(scans.id, controlCoverage.scanId))
    .where(eq(scans.isPublished, true))
    .orderBy(asc(scans.id))
    .all();
  return rows.slice(-limit);
}
