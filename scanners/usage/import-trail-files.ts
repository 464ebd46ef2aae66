import { readFile, stat } from 'node:fs/promises';
import type { AppDatabase } from '../../db/client';
import { listImportedUsageFiles } from '../../db/queries/usage-imported-files';
import { accumulateRecords } from '../../lib/usage/accumulate-records';
import { UsageAccumulator } from '../../lib/usage/accumulate-usage';
import { SessionOriginIndex } from '../../lib/usage/session-origins';
import { UsageFileError } from './errors';
import { listTrailFiles } from './list-trail-files';
import { decompressTrailBytes, parseTrailText } from './parse-trail-file';
import { UsageWriter, type LedgerEntry } from './persist-usage';

/** 512 MB: far above a real trail file (CloudTrail delivers every ~5 minutes), below trouble. */
export const MAX_TRAIL_FILE_BYTES = 512 * 1024 * 1024;

export interface TrailImportOptions {
  /** Files stored per transaction. */
  batchFiles?: number;
  /** Buckets held before a flush, whatever the file count. */
  batchBuckets?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface TrailImportOutcome {
  filesRead: number;
  filesSkipped: number;
  filesFailed: number;
  recordsRead: number;
  bedrockEvents: number;
  skippedRecords: number;
  highWaterMark: string | null;
  problems: string[];
  durationMs: number;
}

/**
 * Imports every new CloudTrail file under `root` into the usage aggregates of `scanId`, one file
 * at a time (never all events in memory). Files already imported by a published scan are skipped
 * (incremental); a damaged file is recorded with its reason and contributes nothing.
 */
export async function importTrailFiles(database: AppDatabase, scanId: number, root: string, options: TrailImportOptions = {}): Promise<TrailImportOutcome> {
  const started = Date.now();
  const batchFiles = options.batchFiles ?? 200;
  const batchBuckets = options.batchBuckets ?? 100_000;
  const files = await listTrailFiles(root);
  const imported = listImportedUsageFiles(database, scanId);
  const writer = new UsageWriter(database, scanId);
  const sessions = new SessionOriginIndex();
  const batch = new UsageAccumulator();
  const ledger: LedgerEntry[] = [];
  const outcome: TrailImportOutcome = { filesRead: 0, filesSkipped: 0, filesFailed: 0, recordsRead: 0, bedrockEvents: 0, skippedRecords: 0, highWaterMark: null, problems: [], durationMs: 0 };

  let done = 0;
  for (const entry of files) {
    done += 1;
    // CloudTrail never rewrites a delivered file and its path is unique: a known path is skipped
    // without touching the disk (an incremental import of one day must not stat 90 days of files).
    if (imported.has(entry.key)) {
      outcome.filesSkipped += 1;
      continue;
    }
    let size: number;
    try {
      size = (await stat(entry.file)).size;
    } catch (cause) {
      fail(new UsageFileError(entry.key, 'unreadable', `cannot read (${cause instanceof Error ? cause.message : String(cause)})`));
      continue;
    }
    try {
      if (size > MAX_TRAIL_FILE_BYTES) throw new UsageFileError(entry.key, 'too-large', `${size} bytes is over the limit of ${MAX_TRAIL_FILE_BYTES} bytes`);
      let bytes: Buffer;
      try {
        bytes = await readFile(entry.file);
      } catch (cause) {
        throw new UsageFileError(entry.key, 'unreadable', `cannot read (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
      }
      const records = parseTrailText(entry.key, decompressTrailBytes(entry.key, bytes));
      const fileUsage = new UsageAccumulator();
      const counts = accumulateRecords(records, sessions, fileUsage);
      batch.merge(fileUsage);
      ledger.push({ fileKey: entry.key, sizeBytes: size, bedrockEvents: counts.bedrockEvents });
      imported.set(entry.key, size);
      outcome.filesRead += 1;
      outcome.recordsRead += counts.records;
      outcome.bedrockEvents += counts.bedrockEvents;
      outcome.skippedRecords += counts.skipped;
      if (fileUsage.highWaterMark !== null && (outcome.highWaterMark === null || fileUsage.highWaterMark > outcome.highWaterMark)) outcome.highWaterMark = fileUsage.highWaterMark;
    } catch (error) {
      fail(error instanceof UsageFileError ? error : new UsageFileError(entry.key, 'unreadable', error instanceof Error ? error.message : String(error)));
      continue;
    }
    if (ledger.length >= batchFiles || batch.buckets.size >= batchBuckets) writer.flush(batch, ledger);
    if (done % 500 === 0) options.onProgress?.(done, files.length);
  }
  writer.flush(batch, ledger);
  options.onProgress?.(files.length, files.length);
  outcome.durationMs = Date.now() - started;
  if (outcome.skippedRecords > 0) outcome.problems.push(`${outcome.skippedRecords} Bedrock records without an event time were not counted`);
  writer.finish({ source: 'offline', filesRead: outcome.filesRead, filesSkipped: outcome.filesSkipped, filesFailed: outcome.filesFailed, recordsRead: outcome.recordsRead, bedrockEvents: outcome.bedrockEvents, highWaterMark: outcome.highWaterMark, durationMs: outcome.durationMs });
  return outcome;

  function fail(error: UsageFileError): void {
    outcome.filesFailed += 1;
    outcome.problems.push(error.message);
    writer.recordFileError(error.file, error.code, error.detail);
  }
}
