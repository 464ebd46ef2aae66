import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AppDatabase } from '../client';
import { accounts, scanAccounts, scans, type ScanStatus } from '../schema';
import { ConflictError, NotFoundError } from '../../lib/http/errors';
import { appendAudit } from './audit';
import { toPaging } from './viewer';
import { inWriteTransaction } from '../write-transaction';

/**
 * The snapshot every page shows: the newest scan that was published. Scans that failed, or
 * that are still running, never are (their rows may be half written).
 */
export function getLatestPublishedScanId(database: AppDatabase): number | null {
  return getLatestPublishedScan(database)?.id ?? null;
}

/** The latest published scan's id for an export of it; NotFoundError (404) before the first scan is published. */
export function requireLatestPublishedScanId(database: AppDatabase): number {
  const scanId = getLatestPublishedScanId(database);
  if (scanId === null) throw new NotFoundError('No published scan yet.');
  return scanId;
}

export interface PublishedScanHeader {
  id: number;
  status: ScanStatus;
  source: 'live' | 'offline';
  finishedAt: string | null;
}

/** The latest published scan with what a page header needs (status, age). */
export function getLatestPublishedScan(database: AppDatabase): PublishedScanHeader | null {
  return listPublishedScans(database, 1)[0] ?? null;
}

/** Published scans, newest first, for the drift pickers and trends. */
export function listPublishedScans(database: AppDatabase, limit = 50): PublishedScanHeader[] {
  return database
    .select({ id: scans.id, status: scans.status, source: scans.source, finishedAt: scans.finishedAt })
    .from(scans)
    .where(eq(scans.isPublished, true))
    .orderBy(desc(scans.finishedAt), desc(scans.id))
    .limit(limit)
    .all();
}

/** The most recent scan of any status: the overview shows when the last run happened and how it went. */
export function getLastScan(database: AppDatabase): { id: number; status: ScanStatus; queuedAt: string; finishedAt: string | null; error: string | null } | null {
  return database.select({ id: scans.id, status: scans.status, queuedAt: scans.queuedAt, finishedAt: scans.finishedAt, error: scans.error }).from(scans).orderBy(desc(scans.id)).limit(1).get() ?? null;
}

export interface ScanHistoryRow {
  id: number;
  status: ScanStatus;
  source: 'live' | 'offline';
  trigger: string;
  requestedBy: string | null;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  isPublished: boolean;
  error: string | null;
  accountCount: number;
  failedAccountCount: number;
}

/** The columns of a scan that its history row and its detail page both show. */
const scanHistoryColumns = {
  id: scans.id,
  status: scans.status,
  source: scans.source,
  trigger: scans.trigger,
  requestedBy: scans.requestedBy,
  queuedAt: scans.queuedAt,
  startedAt: scans.startedAt,
  finishedAt: scans.finishedAt,
  isPublished: scans.isPublished,
  error: scans.error,
};

function durationOf(startedAt: string | null, finishedAt: string | null): number | null {
  if (!startedAt || !finishedAt) return null;
  return Math.max(0, Date.parse(finishedAt) - Date.parse(startedAt));
}

/** Scan history, newest first, with per-account outcome counts. */
export function listScanHistory(database: AppDatabase, options: { page: number; pageSize: number }): { rows: ScanHistoryRow[]; total: number } {
  const { limit, offset } = toPaging(options.page, options.pageSize);
  const rows = database
    .select({
      ...scanHistoryColumns,
      accountCount: sql<number>`(SELECT COUNT(*) FROM ${scanAccounts} WHERE ${scanAccounts.scanId} = ${scans.id})`,
      failedAccountCount: sql<number>`(SELECT COUNT(*) FROM ${scanAccounts} WHERE ${scanAccounts.scanId} = ${scans.id} AND ${scanAccounts.status} = 'failed')`,
    })
    .from(scans)
    .orderBy(desc(scans.id))
    .limit(limit)
    .offset(offset)
    .all();
  const total = database.select({ total: count() }).from(scans).get()?.total ?? 0;
  return { rows: rows.map((row) => ({ ...row, durationMs: durationOf(row.startedAt, row.finishedAt) })), total };
}

export interface ScanAccountOutcome {
  accountId: string;
  accountName: string | null;
  environment: string | null;
  status: 'ok' | 'failed';
  error: string | null;
  principalCount: number;
  bedrockPrincipalCount: number;
  durationMs: number;
}

/** A scan's detail page: its history row, what it last reported and where it read from, and each account's outcome. */
export interface ScanDetail extends ScanHistoryRow {
  progressMessage: string | null;
  sourceLocation: string | null;
  accounts: ScanAccountOutcome[];
}

/** One scan with its per-account outcomes; NotFoundError when there is no such scan. */
export function getScanDetail(database: AppDatabase, scanId: number): ScanDetail {
  const scan = database
    .select({
      ...scanHistoryColumns,
      progressMessage: scans.progressMessage,
      sourceLocation: scans.sourceLocation,
    })
    .from(scans)
    .where(eq(scans.id, scanId))
    .get();
  if (!scan) throw new NotFoundError(`Scan ${scanId} does not exist.`);
  const outcomes = database
    .select({
      accountId: scanAccounts.accountId,
      accountName: accounts.name,
      environment: accounts.environment,
      status: scanAccounts.status,
      error: scanAccounts.error,
      principalCount: scanAccounts.principalCount,
      bedrockPrincipalCount: scanAccounts.bedrockPrincipalCount,
      durationMs: scanAccounts.durationMs,
    })
    .from(scanAccounts)
    .leftJoin(accounts, eq(accounts.id, scanAccounts.accountId))
    .where(eq(scanAccounts.scanId, scanId))
    .orderBy(desc(sql`${scanAccounts.status} = 'failed'`), scanAccounts.accountId)
    .all();
  return {
    ...scan,
    durationMs: durationOf(scan.startedAt, scan.finishedAt),
    accountCount: outcomes.length,
    failedAccountCount: outcomes.filter((outcome) => outcome.status === 'failed').length,
    accounts: outcomes,
  };
}

export interface ScanProgress {
  id: number;
  status: ScanStatus;
  progressDone: number;
  progressTotal: number;
  progressMessage: string | null;
  error: string | null;
  isPublished: boolean;
  isFinished: boolean;
}

/** What the "Scan now" button polls. */
export function getScanProgress(database: AppDatabase, scanId: number): ScanProgress {
  const row = database
    .select({ id: scans.id, status: scans.status, progressDone: scans.progressDone, progressTotal: scans.progressTotal, progressMessage: scans.progressMessage, error: scans.error, isPublished: scans.isPublished })
    .from(scans)
    .where(eq(scans.id, scanId))
    .get();
  if (!row) throw new NotFoundError(`Scan ${scanId} does not exist.`);
  return { ...row, isFinished: row.status !== 'queued' && row.status !== 'running' };
}

/** The scan currently queued or running, if any (the scans page resumes showing its progress). */
export function getActiveScanId(database: AppDatabase): number | null {
  return database.select({ id: scans.id }).from(scans).where(inArray(scans.status, ['queued', 'running'])).orderBy(desc(scans.id)).limit(1).get()?.id ?? null;
}

/**
 * Queues a manual scan for the worker. Refuses (ConflictError) while another is queued or
 * running; the check and the insert share one IMMEDIATE transaction so two clicks cannot both win.
 */
export function queueScanRequest(database: AppDatabase, input: { source: 'live' | 'offline'; requestedBy: string }, now = new Date()): { scanId: number } {
  return inWriteTransaction(database, () => {
    const active = database.select({ id: scans.id, status: scans.status }).from(scans).where(inArray(scans.status, ['queued', 'running'])).limit(1).get();
    if (active) throw new ConflictError(`Scan ${active.id} is already ${active.status}; wait for it to finish.`);
    const { id } = database
      .insert(scans)
      .values({ status: 'queued', source: input.source, trigger: 'manual', requestedBy: input.requestedBy, queuedAt: now.toISOString(), progressMessage: 'Waiting for the worker' })
      .returning({ id: scans.id })
      .get();
    appendAudit(database, { actor: input.requestedBy, action: 'scan.queue', objectType: 'scan', objectId: id, after: { source: input.source, trigger: 'manual' } }, now);
    return { scanId: id };
  });
}

/** Whether a scan is published (drift and history compare published snapshots only). */
export function isPublishedScan(database: AppDatabase, scanId: number): boolean {
  return Boolean(database.select({ id: scans.id }).from(scans).where(and(eq(scans.id, scanId), eq(scans.isPublished, true))).get());
}
