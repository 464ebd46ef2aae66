import { hash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../../db/client';
import { usageAccessAdvisor, usageCursors, usageDaily, usageFileErrors, usageFiles, usageImports, usageSessions, usageStandingSources, type UsageSource } from '../../db/schema';
import type { UsageAccumulator, UsageBucket } from '../../lib/usage/accumulate-usage';
import { inWriteTransaction } from '../../db/write-transaction';
import { expiryOf } from '../../lib/usage/session-origins';
import type { SessionOrigin } from '../../lib/usage/types';

export interface LedgerEntry {
  fileKey: string;
  sizeBytes: number;
  bedrockEvents: number;
}

/**
 * The bucket key as stored: 128 bits of the SHA-1 of the full key (all the bucket's columns). The
 * full key is 150-250 characters of ARNs and names, and the unique index over it was a third of
 * the rows' size; 128 bits make a collision among even billions of buckets vanishingly unlikely.
 */
export function storedBucketKey(bucketKey: string): string {
  // One-shot `hash`: the same digest as createHash().update().digest() at a third of the cost,
  // which counts at millions of buckets.
  return hash('sha1', bucketKey, 'base64url').slice(0, 22);
}

/**
 * The buckets with their stored keys, in the order of the unique index (day, then key): a B-tree
 * takes keys in order with each insert next to the last, where keys in hash order would land on a
 * random page each.
 */
function inIndexOrder(buckets: Iterable<UsageBucket>): { bucket: UsageBucket; key: string }[] {
  const keyed = Array.from(buckets, (bucket) => ({ bucket, key: storedBucketKey(bucket.bucketKey) }));
  return keyed.sort((left, right) => (left.bucket.day < right.bucket.day ? -1 : left.bucket.day > right.bucket.day ? 1 : left.key < right.key ? -1 : left.key > right.key ? 1 : 0));
}

/**
 * Writes usage aggregates of one scan. `flush` stores a batch of whole files (their buckets and
 * their ledger entries) in ONE synchronous transaction: a file is either fully counted and marked
 * imported, or not at all.
 */
export class UsageWriter {
  private readonly upsertBucket;
  private readonly upsertSource;
  private readonly insertFile;

  constructor(
    private readonly database: AppDatabase,
    readonly scanId: number,
  ) {
    const client = database.$client;
    // A large import inserts millions of rows into four indexes in random key order: SQLite's
    // default 2 MB page cache re-reads index pages from disk all the time (measured: a third of
    // the write time). The cache is a per-connection upper bound, filled only as pages are used.
    client.pragma('cache_size = -262144');
    this.upsertBucket = client.prepare(`INSERT INTO usage_daily (scan_id, bucket_key, account_id, principal_arn, action, model_id, region, day, caller_kind, caller_name, caller_user_id, caller_basis, unattributed_reason, credential, is_standing_credential, calls, denied_calls, last_call_at, last_denied_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (scan_id, day, bucket_key) DO UPDATE SET calls = calls + excluded.calls, denied_calls = denied_calls + excluded.denied_calls,
        last_call_at = CASE WHEN last_call_at IS NULL OR excluded.last_call_at > last_call_at THEN excluded.last_call_at ELSE last_call_at END,
        last_denied_at = CASE WHEN last_denied_at IS NULL OR excluded.last_denied_at > last_denied_at THEN excluded.last_denied_at ELSE last_denied_at END`);
    this.upsertSource = client.prepare(`INSERT INTO usage_standing_sources (scan_id, principal_arn, source_address, calls, last_call_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (scan_id, principal_arn, source_address) DO UPDATE SET calls = calls + excluded.calls, last_call_at = max(last_call_at, excluded.last_call_at)`);
    this.insertFile = client.prepare('INSERT INTO usage_files (scan_id, file_key, size_bytes, bedrock_events) VALUES (?, ?, ?, ?)');
  }

  /** Stores the batch and the files it came from, then empties the batch. */
  flush(batch: UsageAccumulator, files: LedgerEntry[]): void {
    const { scanId } = this;
    inWriteTransaction(this.database, () => {
      // Positional parameters: no object spread per row (millions of rows in a large import).
      for (const { bucket, key } of inIndexOrder(batch.buckets.values())) {
        this.upsertBucket.run(scanId, key, bucket.accountId, bucket.principalArn, bucket.action, bucket.modelId, bucket.region, bucket.day, bucket.callerKind, bucket.callerName, bucket.callerUserId, bucket.callerBasis, bucket.unattributedReason, bucket.credential, bucket.isStandingCredential ? 1 : 0, bucket.calls, bucket.deniedCalls, bucket.lastCallAt, bucket.lastDeniedAt);
      }
      for (const source of batch.standingSources.values()) this.upsertSource.run(scanId, source.principalArn, source.sourceAddress, source.calls, source.lastCallAt);
      for (const file of files) this.insertFile.run(scanId, file.fileKey, file.sizeBytes, file.bedrockEvents);
    });
    batch.clear();
    files.length = 0;
  }

  /** Keeps the sessions a later import may see calls of (see `usageSessions`). */
  recordSessions(origins: readonly SessionOrigin[]): void {
    const insert = this.database.$client.prepare('INSERT OR REPLACE INTO usage_sessions (scan_id, access_key_id, origin, expires_at) VALUES (?, ?, ?, ?)');
    inWriteTransaction(this.database, () => {
      for (const origin of origins) insert.run(this.scanId, origin.accessKeyId, JSON.stringify(origin), expiryOf(origin));
    });
  }

  recordFileError(file: string, code: string, message: string): void {
    this.database.insert(usageFileErrors).values({ scanId: this.scanId, file, code, message }).run();
  }

  recordCursor(accountId: string, region: string, highWaterMark: string): void {
    this.database.insert(usageCursors).values({ scanId: this.scanId, accountId, region, highWaterMark }).onConflictDoUpdate({ target: [usageCursors.scanId, usageCursors.accountId, usageCursors.region], set: { highWaterMark } }).run();
  }

  finish(values: { source: UsageSource; filesRead: number; filesSkipped: number; filesFailed: number; recordsRead: number; bedrockEvents: number; highWaterMark: string | null; durationMs: number }): void {
    this.database
      .insert(usageImports)
      .values({ scanId: this.scanId, ...values })
      .onConflictDoUpdate({ target: usageImports.scanId, set: values })
      .run();
  }
}

/** Removes every usage row of a scan that will not be published. */
export function discardUsageRows(database: AppDatabase, scanId: number): void {
  inWriteTransaction(database, () => {
    for (const table of [usageDaily, usageStandingSources, usageFiles, usageFileErrors, usageCursors, usageAccessAdvisor, usageSessions]) database.delete(table).where(eq(table.scanId, scanId)).run();
    database.delete(usageImports).where(eq(usageImports.scanId, scanId)).run();
  });
}
