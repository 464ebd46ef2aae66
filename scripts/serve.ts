/**
 * `npm start [-- -p 3000] [--workers N]`: the production server, one `next start` per CPU core.
 *
 * One Node.js process renders one page at a time: on a multi-core machine the others idle while
 * requests queue. Node's cluster module lets every worker listen on the same port; the primary
 * hands out connections round-robin. The app keeps no state in memory that matters across
 * requests (sessions are signed cookies, sign-in lock-outs and everything else are in SQLite,
 * which is safe across processes in WAL mode), so workers are interchangeable.
 *
 * `--workers` (or WEB_WORKERS) overrides the count; 1 runs a single `next start` as before.
 * A worker that dies is replaced, unless the server is stopping.
 */
import cluster from 'node:cluster';
import { createRequire } from 'node:module';
import os from 'node:os';

const require = createRequire(import.meta.url);

function optionValue(argv: string[], names: string[]): string | undefined {
  const index = argv.findIndex((argument) => names.includes(argument));
  return index >= 0 ? argv[index + 1] : undefined;
}

/** Workers wanted: the flag, then WEB_WORKERS, then one per core the process may use. */
export function workerCount(argv: string[], environment: NodeJS.ProcessEnv, cores = os.availableParallelism()): number {
  const requested = Number(optionValue(argv, ['--workers']) ?? environment.WEB_WORKERS ?? cores);
  if (!Number.isInteger(requested) || requested < 1) throw new Error(`--workers / WEB_WORKERS must be a whole number of at least 1 (got ${String(requested)})`);
  return requested;
}

function main(): void {
  const argv = process.argv.slice(2);
  const port = optionValue(argv, ['-p', '--port']) ?? process.env.PORT ?? '3000';
  const count = workerCount(argv, process.env);
  // Each worker is the stock `next start`: no custom request handling of ours in the path.
  // execArgv: [] leaves out the TypeScript loader this script runs under; NODE_OPTIONS still applies.
  cluster.setupPrimary({ exec: require.resolve('next/dist/bin/next'), args: ['start', '-p', port], execArgv: [], silent: false });

  let isStopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (isStopping) return;
    isStopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    // Give workers the time next start takes to finish in-flight requests, then leave.
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  cluster.on('exit', (worker, code, signal) => {
    if (isStopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`web worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another`);
    cluster.fork();
  });

  console.log(`Bedrock Access Review: ${count} web worker${count === 1 ? '' : 's'} on port ${port}`);
  for (let index = 0; index < count; index += 1) cluster.fork();
}

main();
