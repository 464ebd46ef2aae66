import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AppDatabase } from '../../db/client';
import { snapshotStatementsOf } from './persist-snapshot';
import { writeRowBatch, type RowBatch } from './row-batch';

const WORKER_FILE = fileURLToPath(new URL('./snapshot-writer-worker.ts', import.meta.url));
/** The worker runs TypeScript through tsx's loader, whatever started this process (tsx, vitest). */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * Batches recorded but not yet written, at most: enough to keep the writer busy while the next
 * account is encoded, few enough that encoded rows never pile up in memory.
 */
const MAX_BATCHES_IN_FLIGHT = 2;

/**
 * Below this many principals a snapshot is written on the calling thread: starting a worker
 * (loading the TypeScript loader and the modules) costs about half a second.
 */
const THREADED_WRITER_MIN_PRINCIPALS = 2000;

/** Writes the row batches of a snapshot, each in one transaction, in the order given. */
export interface SnapshotWriter {
  /** Queues a batch; resolves when there is room for the next. `onWritten` runs once it is committed. */
  write(batch: RowBatch, onWritten?: () => void): Promise<void>;
  /** Waits until every batch is written, then stops; rejects with the first error. */
  finish(): Promise<void>;
  /** Waits for what is being written (nothing is left half-written), then stops; never rejects. */
  abort(): Promise<void>;
}

/** Writes each batch at once on the caller's connection. */
export function inlineSnapshotWriter(database: AppDatabase): SnapshotWriter {
  const statementOf = snapshotStatementsOf(database.$client);
  return {
    async write(batch, onWritten) {
      writeRowBatch(database.$client, statementOf, batch);
      onWritten?.();
    },
    finish: async () => undefined,
    abort: async () => undefined,
  };
}

/**
 * Writes on a worker thread with its own connection, so that SQLite's work overlaps the encoding
 * of the next accounts on this thread (both cores busy). Batches are written in order; the
 * first failure fails every later batch and `finish`, so a scan never publishes a gap.
 */
export function threadedSnapshotWriter(databasePath: string): SnapshotWriter {
  const worker = new Worker(WORKER_FILE, { execArgv: ['--import', TSX_LOADER], workerData: { databasePath } });
  const waiting = new Map<number, { onWritten?: () => void }>();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let nextId = 0;
  let failure: Error | null = null;
  let roomWaiter: (() => void) | null = null;
  let drainWaiter: (() => void) | null = null;
  const settle = () => {
    if (waiting.size < MAX_BATCHES_IN_FLIGHT && roomWaiter) {
      const resolve = roomWaiter;
      roomWaiter = null;
      resolve();
    }
    if (waiting.size === 0 && drainWaiter) {
      const resolve = drainWaiter;
      drainWaiter = null;
      resolve();
    }
  };
  const fail = (error: Error) => {
    failure ??= error;
    waiting.clear();
    settle();
  };
  worker.on('message', (message: { id: number; error?: string }) => {
    const entry = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error !== undefined) fail(new Error(`writing the snapshot failed: ${message.error}`));
    else if (failure === null) entry?.onWritten?.();
    settle();
  });
  worker.on('error', (error) => fail(error instanceof Error ? error : new Error(String(error))));
  worker.on('exit', (code) => {
    if (waiting.size > 0) fail(new Error(`the snapshot writer thread stopped (exit code ${code}) with ${waiting.size} batches unwritten`));
  });
  const drain = () => (waiting.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => (drainWaiter = resolve)));
  const stop = async () => {
    worker.postMessage({ stop: true });
    await exited;
  };
  return {
    async write(batch, onWritten) {
      if (failure) throw failure;
      const id = nextId++;
      waiting.set(id, { onWritten });
      worker.postMessage({ id, batch });
      if (waiting.size >= MAX_BATCHES_IN_FLIGHT) await new Promise<void>((resolve) => (roomWaiter = resolve));
      if (failure) throw failure;
    },
    async finish() {
      await drain();
      await stop();
      if (failure) throw failure;
    },
    async abort() {
      await drain();
      await stop().catch(() => undefined);
    },
  };
}

/**
 * The writer for a snapshot of `principalCount` principals: threaded when worth it, or when asked,
 * and possible (another connection cannot see an in-memory database).
 */
export function openSnapshotWriter(database: AppDatabase, principalCount: number, preference?: 'inline' | 'threaded'): SnapshotWriter {
  const databasePath = database.$client.name;
  const isFile = databasePath !== '' && databasePath !== ':memory:';
  if (preference === 'threaded' && !isFile) throw new Error('a threaded snapshot writer needs a database file');
  const isThreaded = preference === undefined ? isFile && principalCount >= THREADED_WRITER_MIN_PRINCIPALS : preference === 'threaded';
  return isThreaded ? threadedSnapshotWriter(databasePath) : inlineSnapshotWriter(database);
}
