import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { digestTrailFile, type TrailFileResult, type TrailFileTask } from './digest-trail-file';

const WORKER_FILE = fileURLToPath(new URL('./trail-worker.ts', import.meta.url));
/** Workers run TypeScript through tsx's loader, whatever started this process (tsx, vitest). */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Young generation of a worker's heap (MB): see the constructor. */
const WORKER_YOUNG_GENERATION_MB = 48;

/** Worker threads worth starting: one per core the process may use, at most four. */
export function defaultDigestWorkers(): number {
  return Math.min(4, os.availableParallelism());
}

interface Pending {
  resolve: (result: TrailFileResult) => void;
  reject: (error: Error) => void;
}

/**
 * Digests trail files on worker threads (gunzip, JSON.parse and attribution are CPU-bound and
 * independent per file), or on this thread when `workers` is 0. Answers come back per task, in
 * any order; the caller keeps file order. A worker that dies fails its tasks loudly: never a
 * silently missing file.
 */
export class TrailDigestPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly load = new Map<Worker, number>();
  private nextId = 0;

  constructor(readonly workerCount: number) {
    for (let index = 0; index < workerCount; index += 1) {
      // A worker holds one or two files at a time: a young generation of 48 MB is plenty, where
      // the CLI's --max-semi-space-size=64 (sized for the analysis) would give each worker 192 MB.
      const worker = new Worker(WORKER_FILE, { execArgv: ['--import', TSX_LOADER], resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
      worker.on('message', (message: { id?: number; result?: TrailFileResult }) => {
        if (message.id === undefined || message.result === undefined) return;
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        this.load.set(worker, (this.load.get(worker) ?? 1) - 1);
        waiting?.resolve(message.result);
      });
      worker.on('error', (error: unknown) => this.failAll(error instanceof Error ? error : new Error(String(error))));
      worker.on('exit', (code) => {
        if (code !== 0) this.failAll(new Error(`a trail worker thread stopped (exit code ${code})`));
      });
      this.load.set(worker, 0);
      this.workers.push(worker);
    }
  }

  /** The digest of one file; the least busy worker reads it. */
  digest(task: TrailFileTask): Promise<TrailFileResult> {
    if (this.workers.length === 0) return digestTrailFile(task);
    let chosen = this.workers[0] as Worker;
    for (const worker of this.workers) if ((this.load.get(worker) ?? 0) < (this.load.get(chosen) ?? 0)) chosen = worker;
    const id = this.nextId++;
    this.load.set(chosen, (this.load.get(chosen) ?? 0) + 1);
    return new Promise<TrailFileResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Fetched bytes move to the worker rather than being copied.
      const bytes = task.bytes;
      const isWholeBuffer = bytes !== undefined && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      chosen.postMessage({ id, task }, isWholeBuffer ? [bytes.buffer as ArrayBuffer] : []);
    });
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
