/**
 * One offline import for bench/identity-center.ts, in its own process so that its peak RSS and
 * CPU time are its own: `tsx bench/identity-center-run.ts <folder> <database>`; prints one JSON line.
 */
import { timeScan } from './scan';

process.env.DEMO_MODE ??= 'true';

const [directory, databasePath] = process.argv.slice(2);
timeScan(databasePath, { kind: 'offline', directory }).then(
  (run) => {
    console.log(JSON.stringify({ seconds: run.seconds, cpuSeconds: run.cpuSeconds, peakRss: run.peakRss, principals: run.outcome.principalCount, status: run.outcome.status }));
    process.exit(0);
  },
  (error: unknown) => {
    console.error((error as Error).stack ?? String(error));
    process.exit(1);
  },
);
