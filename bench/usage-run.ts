/**
 * One usage import for bench/usage.ts, in its own process so that its peak RSS and CPU time are
 * its own (not the generator's, nor the stage sampling's):
 * `tsx bench/usage-run.ts <cloudtrail folder> <database> [workers]`; prints one JSON line.
 * The database is created when missing; an existing one is imported into incrementally.
 */
import { eq } from 'drizzle-orm';
import { openDatabase } from '../db/client';
import { scans } from '../db/schema';
import { importTrailFiles } from '../scanners/usage/import-trail-files';

export interface UsageRunResult {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  bedrockEvents: number;
  filesRead: number;
  filesSkipped: number;
  aggregateRows: number;
  workers: number;
  /** Main thread only (ms): waiting for workers, folding digests in, SQLite writes. */
  waitMs: number;
  foldMs: number;
  writeMs: number;
}

async function main(): Promise<void> {
  const [root, databasePath, workers] = process.argv.slice(2);
  if (root === undefined || databasePath === undefined) throw new Error('usage: tsx bench/usage-run.ts <cloudtrail folder> <database> [workers]');
  const database = openDatabase(databasePath);
  const scanId = database.insert(scans).values({ status: 'running', source: 'offline', trigger: 'cli', queuedAt: new Date().toISOString() }).returning({ id: scans.id }).get().id;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const outcome = await importTrailFiles(database, scanId, root, { workers: workers === undefined ? undefined : Number(workers) });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  // Published, so that the next (incremental) run skips what this one imported.
  database.update(scans).set({ status: 'complete', isPublished: true, finishedAt: new Date().toISOString() }).where(eq(scans.id, scanId)).run();
  const rows = database.$client.prepare('SELECT count(*) AS n FROM usage_daily WHERE scan_id = ?').get(scanId) as { n: number };
  database.$client.close();
  const result: UsageRunResult = {
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    bedrockEvents: outcome.bedrockEvents,
    filesRead: outcome.filesRead,
    filesSkipped: outcome.filesSkipped,
    aggregateRows: rows.n,
    workers: outcome.timings.workers,
    waitMs: outcome.timings.waitMs,
    foldMs: outcome.timings.foldMs,
    writeMs: outcome.timings.writeMs,
  };
  console.log(JSON.stringify(result));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
