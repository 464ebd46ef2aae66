import type { AppDatabase } from '../../db/client';
import { getLatestUsageMark, listCarriedSessions } from '../../db/queries/usage-carried-sessions';
import { listImportedUsageFiles } from '../../db/queries/usage-imported-files';
import { UsageAccumulator } from '../../lib/usage/accumulate-usage';
import { completeDigest } from '../../lib/usage/digest-records';
import { SessionOriginIndex } from '../../lib/usage/session-origins';
import type { UsageSource } from '../../db/schema';
import type { TrailFileResult, TrailFileTask } from './digest-trail-file';
import { listTrailFiles, settledDayFolders } from './list-trail-files';
import { UsageWriter, type LedgerEntry } from './persist-usage';
import { defaultDigestWorkers, TrailDigestPool } from './trail-digest-pool';

export { MAX_TRAIL_FILE_BYTES } from './digest-trail-file';

/** A day before `time` (ISO): late deliveries carry events up to about a day old. */
function dayBefore(time: string): string {
  return new Date(Date.parse(time) - 86_400_000).toISOString();
}

/** Below this many files to read, worker threads are not worth starting. */
export const WORKER_THRESHOLD_FILES = 200;

export interface TrailImportOptions {
  /** Files stored per transaction. */
  batchFiles?: number;
  /** Buckets held before a flush, whatever the file count. */
  batchBuckets?: number;
  /**
   * Worker threads reading files (0: read on this thread). Defaults to one per core (at most
   * four) when there are at least `WORKER_THRESHOLD_FILES` files to read, else 0: starting a
   * thread costs more than reading a few files.
   */
  workers?: number;
  /** Files read ahead of the one being folded in (see `defaultWindow`). */
  window?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * How many files are handed to the workers ahead of the one being folded in. Storing a batch is
 * synchronous: the workers can only keep reading through it if they were handed enough files
 * before it began (a batch of 100,000 buckets takes three to five seconds at 10 million events; a
 * worker digests a few hundred files a second). A worker reads two files at a time whatever it is
 * handed (trail-worker.ts), but the digests it returns wait for this thread: measured at 10
 * million events, 512 files a worker gave 263 s and 1.8 GB of peak RSS, 1,024 gave 235 s and
 * 2.0 GB, 4 (before) 289 s. A source that fetches the bytes first (S3) holds every fetched object
 * in memory until a worker takes it: it reads only a few ahead.
 */
function defaultWindow(workers: number, fetchesBytes: boolean): number {
  if (workers === 0) return 2;
  return fetchesBytes ? workers * 4 : workers * 512;
}

export interface TrailImportOutcome {
  filesRead: number;
  /** Files earlier imports counted (the ledger), not read again. */
  filesSkipped: number;
  filesFailed: number;
  recordsRead: number;
  bedrockEvents: number;
  skippedRecords: number;
  highWaterMark: string | null;
  problems: string[];
  durationMs: number;
  /** Where this thread's time went (ms): waiting for worker threads, folding digests in, database writes. */
  timings: { waitMs: number; foldMs: number; writeMs: number; workers: number };
}

/** What earlier imports leave to the next: the ledger of imported files and the high-water mark. */
export interface ImportedSoFar {
  /** Ledger key -> size of every file imported by a published scan (or by this one). */
  importedKeys: ReadonlyMap<string, number>;
  /** The latest event time of the published imports (ISO), null before the first. */
  previousMark: string | null;
}

/** Where trail files come from: a folder, or an organisation trail's S3 bucket. */
export interface TrailFileSource {
  kind: UsageSource;
  /**
   * The files of the source in delivery order, by ledger key: every file, or at least every file
   * not yet imported (a source may leave out what `soFar` shows cannot hold anything new).
   */
  list: (soFar: ImportedSoFar) => Promise<{ key: string; file?: string }[]>;
  /** The task that reads one listed file (an S3 source fetches the bytes first). */
  load?: (entry: { key: string; file?: string }) => Promise<TrailFileTask>;
}

/**
 * Imports every new CloudTrail file under `root` into the usage aggregates of `scanId` (never all
 * events in memory). Files already imported by a published scan are skipped (incremental); a
 * damaged file is recorded with its reason and contributes nothing.
 */
export async function importTrailFiles(database: AppDatabase, scanId: number, root: string, options: TrailImportOptions = {}): Promise<TrailImportOutcome> {
  const list = ({ importedKeys, previousMark }: ImportedSoFar) =>
    // An incremental import opens only the day folders that can hold new files: on a 90-day
    // organisation trail that is a day's folders rather than 90 days' (100,000 folders at 1,000 accounts).
    listTrailFiles(root, { skipFolders: previousMark === null ? undefined : settledDayFolders(importedKeys.keys(), dayBefore(previousMark).slice(0, 10)) });
  return importTrailSource(database, scanId, { kind: 'offline', list }, options);
}

/**
 * The import behind every trail source. Files are read, decompressed, parsed and attributed on
 * worker threads, a few at a time, but folded in here strictly in delivery order: AssumeRole
 * events of earlier files decide who made later chained calls, exactly as a one-file-at-a-time
 * reading would (`completeDigest`). Batches of whole files are stored in one transaction each.
 */
export async function importTrailSource(database: AppDatabase, scanId: number, source: TrailFileSource, options: TrailImportOptions = {}): Promise<TrailImportOutcome> {
  const started = Date.now();
  // Large transactions: each commit rewrites every index page it touched, and files come in time
  // order across all accounts, so a batch's buckets land all over the three indexes led by
  // account, principal and caller (200,000 buckets: 41 µs of CPU a bucket at 5,500 a commit, 34 at
  // 100,000; at 10 million events, 50,000 a commit took 171 s of writes, 100,000 took 127 s). A
  // batch also ends at `batchBuckets`, so small files no longer mean small commits; its buckets
  // are held in memory until then, which bounds it.
  const batchFiles = options.batchFiles ?? 5_000;
  const batchBuckets = options.batchBuckets ?? 100_000;
  const imported = listImportedUsageFiles(database, scanId);
  const previousMark = getLatestUsageMark(database);
  const files = await source.list({ importedKeys: imported, previousMark });
  const writer = new UsageWriter(database, scanId);
  const sessions = new SessionOriginIndex();
  // Sessions started in earlier imports' files may sign calls in this one's (a role chain whose
  // AssumeRole was delivered earlier): start from those not expired a day before the last mark.
  for (const origin of listCarriedSessions(database, scanId, previousMark === null ? '' : dayBefore(previousMark))) sessions.restore(origin);
  const batch = new UsageAccumulator();
  const ledger: LedgerEntry[] = [];
  const outcome: TrailImportOutcome = { filesRead: 0, filesSkipped: 0, filesFailed: 0, recordsRead: 0, bedrockEvents: 0, skippedRecords: 0, highWaterMark: null, problems: [], durationMs: 0, timings: { waitMs: 0, foldMs: 0, writeMs: 0, workers: 0 } };

  // CloudTrail never rewrites a delivered file and its path is unique: a known path is skipped
  // without touching the disk (an incremental import of one day must not stat 90 days of files).
  const todo = files.filter((entry) => !imported.has(entry.key));
  // Skipped: every file earlier imports have counted, listed again or left in a settled folder.
  outcome.filesSkipped = imported.size;
  const pool = new TrailDigestPool(options.workers ?? (todo.length >= WORKER_THRESHOLD_FILES ? defaultDigestWorkers() : 0));
  const window = options.window ?? defaultWindow(pool.workerCount, source.load !== undefined);
  const { timings } = outcome;
  timings.workers = pool.workerCount;
  const flush = (): void => {
    const time = performance.now();
    writer.flush(batch, ledger);
    timings.writeMs += performance.now() - time;
  };
  const inFlight: Promise<TrailFileResult>[] = [];
  let next = 0;
  const read = async (entry: { key: string; file?: string }): Promise<TrailFileResult> => {
    if (source.load === undefined) return pool.digest({ key: entry.key, file: entry.file });
    let task: TrailFileTask;
    try {
      task = await source.load(entry);
    } catch (error) {
      return { ok: false, key: entry.key, code: 'unreadable', detail: `cannot read (${error instanceof Error ? error.message : String(error)})` };
    }
    return pool.digest(task);
  };
  try {
    for (let done = 1; done <= todo.length; done += 1) {
      while (inFlight.length < window && next < todo.length) inFlight.push(read(todo[next++] as { key: string; file?: string }));
      let time = performance.now();
      const result = await (inFlight.shift() as Promise<TrailFileResult>);
      timings.waitMs += performance.now() - time;
      time = performance.now();
      if (!result.ok) {
        outcome.filesFailed += 1;
        outcome.problems.push(`${result.key}: ${result.detail}`);
        writer.recordFileError(result.key, result.code, result.detail);
      } else {
        const { counts, highWaterMark } = completeDigest(result.digest, sessions, batch);
        ledger.push({ fileKey: result.key, sizeBytes: result.sizeBytes, bedrockEvents: counts.bedrockEvents });
        imported.set(result.key, result.sizeBytes);
        outcome.filesRead += 1;
        outcome.recordsRead += counts.records;
        outcome.bedrockEvents += counts.bedrockEvents;
        outcome.skippedRecords += counts.skipped;
        if (highWaterMark !== null && (outcome.highWaterMark === null || highWaterMark > outcome.highWaterMark)) outcome.highWaterMark = highWaterMark;
        timings.foldMs += performance.now() - time;
        if (ledger.length >= batchFiles || batch.buckets.size >= batchBuckets) flush();
      }
      if (done % 500 === 0) options.onProgress?.(files.length - todo.length + done, files.length);
    }
  } finally {
    await Promise.allSettled(inFlight);
    await pool.close();
  }
  flush();
  // Before any Bedrock call has been seen there is no mark yet: every session with a known expiry is kept until there is.
  const mark = outcome.highWaterMark ?? previousMark;
  writer.recordSessions(sessions.liveAfter(mark === null ? '' : dayBefore(mark)));
  options.onProgress?.(files.length, files.length);
  outcome.durationMs = Date.now() - started;
  if (outcome.skippedRecords > 0) outcome.problems.push(`${outcome.skippedRecords} Bedrock records without an event time were not counted`);
  writer.finish({ source: source.kind, filesRead: outcome.filesRead, filesSkipped: outcome.filesSkipped, filesFailed: outcome.filesFailed, recordsRead: outcome.recordsRead, bedrockEvents: outcome.bedrockEvents, highWaterMark: outcome.highWaterMark, durationMs: outcome.durationMs });
  return outcome;
}
