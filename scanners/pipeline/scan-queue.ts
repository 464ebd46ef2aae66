import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppDatabase } from '../../db/client';
import { appendAudit } from '../../db/queries/audit';
import { scans } from '../../db/schema';
import type { AppConfig } from '../../lib/config/schema';
import { runScan, type ScanOutcome } from './run-scan';
import { inWriteTransaction } from '../../db/write-transaction';

/** Queues a scan unless one is already queued or running (then returns that one). */
export function enqueueScan(database: AppDatabase, input: { source: 'live' | 'offline'; trigger: 'manual' | 'schedule' | 'cli'; requestedBy: string }, now = new Date()): { scanId: number; isNew: boolean } {
  return inWriteTransaction(database, () => {
    const existing = database.select({ id: scans.id }).from(scans).where(inArray(scans.status, ['queued', 'running'])).limit(1).get();
    if (existing) return { scanId: existing.id, isNew: false };
    const { id } = database
      .insert(scans)
      .values({ status: 'queued', source: input.source, trigger: input.trigger, requestedBy: input.requestedBy, queuedAt: now.toISOString(), progressMessage: 'Waiting for the worker' })
      .returning({ id: scans.id })
      .get();
    appendAudit(database, { actor: input.requestedBy, action: 'scan.queue', objectType: 'scan', objectId: id, after: { source: input.source, trigger: input.trigger } }, now);
    return { scanId: id, isNew: true };
  });
}

/**
 * Queues a live scan after the app changed IAM itself (a revocation verified or rolled back), so
 * the dashboards, whose principal ids and grants belong to one snapshot, catch up with the change
 * without waiting for the schedule. A live scan that is queued and not yet started will read the
 * changed state, so it is reused. A running one is not: it may have read the account before the
 * change, so the new scan queues behind it (the worker runs queued scans one at a time, in order).
 * Null when live scanning is not configured: an offline import cannot see a change made live.
 */
export function enqueueScanAfterChange(database: AppDatabase, config: AppConfig, input: { requestedBy: string; reason: string }, now = new Date()): { scanId: number; isNew: boolean } | null {
  if (!config.scan.live) return null;
  return inWriteTransaction(database, () => {
    const queued = database.select({ id: scans.id }).from(scans).where(and(eq(scans.status, 'queued'), eq(scans.source, 'live'))).orderBy(asc(scans.id)).limit(1).get();
    if (queued) return { scanId: queued.id, isNew: false };
    const { id } = database
      .insert(scans)
      .values({ status: 'queued', source: 'live', trigger: 'manual', requestedBy: input.requestedBy, queuedAt: now.toISOString(), progressMessage: 'Waiting for the worker' })
      .returning({ id: scans.id })
      .get();
    appendAudit(database, { actor: input.requestedBy, action: 'scan.queue', objectType: 'scan', objectId: id, after: { source: 'live', trigger: 'manual', reason: input.reason } }, now);
    return { scanId: id, isNew: true };
  });
}

/** Atomically moves a queued scan to running for this process; false when another worker got it. */
export function claimQueuedScan(database: AppDatabase, scanId: number, now = new Date()): boolean {
  const result = database
    .update(scans)
    .set({ status: 'running', startedAt: now.toISOString(), workerPid: process.pid, progressMessage: 'Starting' })
    .where(and(eq(scans.id, scanId), eq(scans.status, 'queued')))
    .run();
  return result.changes === 1;
}

/** Runs a queued scan from the configured source; null when another worker claimed it first. */
export async function runQueuedScan(database: AppDatabase, scanId: number, config: AppConfig): Promise<ScanOutcome | null> {
  const scan = database.select({ source: scans.source, trigger: scans.trigger, requestedBy: scans.requestedBy }).from(scans).where(eq(scans.id, scanId)).get();
  if (!scan || !claimQueuedScan(database, scanId)) return null;
  if (scan.source === 'live' && config.scan.live) {
    return runScan(database, { kind: 'live', config: config.scan.live }, { trigger: scan.trigger, requestedBy: scan.requestedBy ?? 'worker', scanId });
  }
  if (config.scan.offlineDirectory) {
    return runScan(database, { kind: 'offline', directory: config.scan.offlineDirectory }, { trigger: scan.trigger, requestedBy: scan.requestedBy ?? 'worker', scanId });
  }
  database
    .update(scans)
    .set({ status: 'failed', finishedAt: new Date().toISOString(), error: 'No scan source is configured: set scan.live or scan.offlineDirectory in the configuration file.' })
    .where(eq(scans.id, scanId))
    .run();
  return null;
}
