import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { idColumn, cascadingReference } from './columns';

export const SCAN_STATUSES = ['queued', 'running', 'complete', 'partial', 'failed'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];
export const SCAN_SOURCES = ['live', 'offline'] as const;
export const SCAN_TRIGGERS = ['manual', 'schedule', 'cli', 'demo'] as const;

/**
 * One run of the scanners. Its snapshot rows become visible only when `isPublished` is set,
 * in the last transaction of the run, so a crash never exposes a half-written snapshot.
 */
export const scans = sqliteTable(
  'scans',
  {
    id: idColumn(),
    status: text('status', { enum: SCAN_STATUSES }).notNull(),
    source: text('source', { enum: SCAN_SOURCES }).notNull(),
    trigger: text('trigger', { enum: SCAN_TRIGGERS }).notNull(),
    /** Offline scans: the directory imported. */
    sourceLocation: text('source_location'),
    requestedBy: text('requested_by'),
    queuedAt: text('queued_at').notNull(),
    startedAt: text('started_at'),
    finishedAt: text('finished_at'),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    progressMessage: text('progress_message'),
    isPublished: integer('is_published', { mode: 'boolean' }).notNull().default(false),
    error: text('error'),
    /** JSON: counts for the overview trend (principals, by tier, conflicts, exposure). */
    summary: text('summary'),
    /** Process id of the worker that runs it, to detect runs that died. */
    workerPid: integer('worker_pid'),
  },
  (table) => [
    index('scans_status_idx').on(table.status),
    index('scans_published_finished_idx').on(table.isPublished, table.finishedAt),
  ],
);

export type Scan = typeof scans.$inferSelect;

/** The scan a snapshot row belongs to: the row goes when its scan is deleted. */
export function scanIdColumn() {
  return cascadingReference('scan_id', () => scans.id);
}

/** The scan a one-row-per-scan table describes, as that table's key; deleted with the scan. */
export function scanKeyColumn() {
  return integer('scan_id')
    .primaryKey()
    .references(() => scans.id, { onDelete: 'cascade' });
}

export const SCAN_ACCOUNT_STATUSES = ['ok', 'failed'] as const;

/** Per-account outcome of a scan: a failed account keeps its error and the rest of the scan goes on. */
export const scanAccounts = sqliteTable(
  'scan_accounts',
  {
    scanId: scanIdColumn(),
    accountId: text('account_id').notNull(),
    status: text('status', { enum: SCAN_ACCOUNT_STATUSES }).notNull(),
    error: text('error'),
    principalCount: integer('principal_count').notNull().default(0),
    bedrockPrincipalCount: integer('bedrock_principal_count').notNull().default(0),
    durationMs: integer('duration_ms').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.scanId, table.accountId] }), index('scan_accounts_account_idx').on(table.accountId)],
);

export type ScanAccount = typeof scanAccounts.$inferSelect;
