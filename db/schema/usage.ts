import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { idColumn } from './columns';
import { scanIdColumn, scanKeyColumn } from './scans';

export const USAGE_SOURCES = ['offline', 'lookup-events', 's3'] as const;
export type UsageSource = (typeof USAGE_SOURCES)[number];

/**
 * Bedrock calls, aggregated per principal x action x model x region x caller x UTC day. Rows are
 * written by the scan that imported the events and never changed by a later one: the usage of
 * snapshot S is the sum over the published scans up to S (imports are incremental, so each event
 * is counted by exactly one scan). Empty string, not NULL, for "none" so the bucket key is unique.
 */
export const usageDaily = sqliteTable(
  'usage_daily',
  {
    scanId: scanIdColumn(),
    /** The bucket's identity within its scan (all key columns joined): the upsert target. */
    bucketKey: text('bucket_key').notNull(),
    accountId: text('account_id').notNull(),
    /** IAM user or role ARN; '' when no IAM principal made the call (an AWS service, anonymous). */
    principalArn: text('principal_arn').notNull(),
    action: text('action').notNull(),
    modelId: text('model_id').notNull(),
    region: text('region').notNull(),
    day: text('day').notNull(),
    callerKind: text('caller_kind', { enum: ['person', 'workload', 'iam-user', 'unattributed'] }).notNull(),
    callerName: text('caller_name').notNull(),
    /** Identity Center UserId when the log carried it (`onBehalfOf.userId`), for joining to people. */
    callerUserId: text('caller_user_id').notNull(),
    callerBasis: text('caller_basis').notNull(),
    unattributedReason: text('unattributed_reason').notNull(),
    credential: text('credential').notNull(),
    isStandingCredential: integer('is_standing_credential', { mode: 'boolean' }).notNull(),
    calls: integer('calls').notNull(),
    deniedCalls: integer('denied_calls').notNull(),
    lastCallAt: text('last_call_at'),
    lastDeniedAt: text('last_denied_at'),
  },
  (table) => [
    // The day leads the bucket (whose key is a hash, so random): an import reads files in time
    // order, so a batch's buckets go to the last pages of this index instead of all over it.
    uniqueIndex('usage_daily_bucket_idx').on(table.scanId, table.day, table.bucketKey),
    index('usage_daily_principal_idx').on(table.principalArn, table.day),
    index('usage_daily_account_day_idx').on(table.accountId, table.day),
    index('usage_daily_caller_idx').on(table.callerKind, table.callerName),
  ],
);
export type UsageDailyRow = typeof usageDaily.$inferSelect;

/** Source addresses of standing-credential calls (IAM user keys, Bedrock API keys): "used from many places". */
export const usageStandingSources = sqliteTable(
  'usage_standing_sources',
  {
    scanId: scanIdColumn(),
    principalArn: text('principal_arn').notNull(),
    sourceAddress: text('source_address').notNull(),
    calls: integer('calls').notNull(),
    lastCallAt: text('last_call_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.scanId, table.principalArn, table.sourceAddress] }), index('usage_standing_sources_principal_idx').on(table.principalArn)],
);

/** One usage import (part of a scan): what was read, from where, up to when. */
export const usageImports = sqliteTable('usage_imports', {
  scanId: scanKeyColumn(),
  source: text('source', { enum: USAGE_SOURCES }).notNull(),
  filesRead: integer('files_read').notNull().default(0),
  filesSkipped: integer('files_skipped').notNull().default(0),
  filesFailed: integer('files_failed').notNull().default(0),
  recordsRead: integer('records_read').notNull().default(0),
  bedrockEvents: integer('bedrock_events').notNull().default(0),
  /** Latest Bedrock event time seen by this import (ISO), the next import's high-water mark. */
  highWaterMark: text('high_water_mark'),
  durationMs: integer('duration_ms').notNull().default(0),
});

/**
 * Files already imported, so a later import reads only new ones (trail files are immutable once
 * delivered). Keyed by the path under `cloudtrail/` (an S3 key for the org-trail bucket) and size.
 */
export const usageFiles = sqliteTable(
  'usage_files',
  {
    scanId: scanIdColumn(),
    fileKey: text('file_key').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    bedrockEvents: integer('bedrock_events').notNull(),
  },
  (table) => [uniqueIndex('usage_files_key_idx').on(table.fileKey, table.sizeBytes), index('usage_files_scan_idx').on(table.scanId)],
);

/** A usage file that could not be used, and why; nothing of it was stored. */
export const usageFileErrors = sqliteTable(
  'usage_file_errors',
  {
    id: idColumn(),
    scanId: scanIdColumn(),
    file: text('file').notNull(),
    code: text('code').notNull(),
    message: text('message').notNull(),
  },
  (table) => [index('usage_file_errors_scan_idx').on(table.scanId)],
);

/** Live LookupEvents progress per account and region: where the next scan starts. */
export const usageCursors = sqliteTable(
  'usage_cursors',
  {
    scanId: scanIdColumn(),
    accountId: text('account_id').notNull(),
    region: text('region').notNull(),
    highWaterMark: text('high_water_mark').notNull(),
  },
  (table) => [primaryKey({ columns: [table.scanId, table.accountId, table.region] }), index('usage_cursors_account_idx').on(table.accountId, table.region)],
);

/**
 * Access Advisor's last-accessed dates (service level, or action level where AWS tracks the
 * action), per principal, as of the scan that read them. Not CloudTrail: labelled as such.
 */
export const usageAccessAdvisor = sqliteTable(
  'usage_access_advisor',
  {
    scanId: scanIdColumn(),
    principalArn: text('principal_arn').notNull(),
    serviceNamespace: text('service_namespace').notNull(),
    /** '' for the service-level entry. */
    actionName: text('action_name').notNull(),
    lastAuthenticatedAt: text('last_authenticated_at'),
    lastAuthenticatedRegion: text('last_authenticated_region'),
    lastAuthenticatedEntity: text('last_authenticated_entity'),
    /** When AWS began tracking (service `TrackedActionsLastAccessed` window start, or the report's job creation). */
    reportGeneratedAt: text('report_generated_at'),
  },
  (table) => [primaryKey({ columns: [table.scanId, table.principalArn, table.serviceNamespace, table.actionName] }), index('usage_access_advisor_principal_idx').on(table.principalArn)],
);

/**
 * Role sessions an import saw start (AssumeRole*, by the temporary key they issued) that may
 * still sign calls in files a later import reads: the origin of a role chain whose AssumeRole
 * was delivered before the calls (#18). Bounded by session lifetime: only sessions not expired
 * a day before the import's high-water mark are kept.
 */
export const usageSessions = sqliteTable(
  'usage_sessions',
  {
    scanId: scanIdColumn(),
    accessKeyId: text('access_key_id').notNull(),
    /** JSON SessionOrigin (lib/usage/types): the caller behind the key and whether it is a standing credential. */
    origin: text('origin').notNull(),
    /** ISO expiry of the session's credentials; null when the event did not say. */
    expiresAt: text('expires_at'),
  },
  (table) => [primaryKey({ columns: [table.scanId, table.accessKeyId] }), index('usage_sessions_expiry_idx').on(table.expiresAt)],
);
