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
import { pathToFileURL } from 'node:url';
import { AuditKeyError, resolveAuditKey } from '../db/audit-key';
import { checkSignInConfiguration } from '../lib/auth/check-configuration';

const require = createRequire(import.meta.url);

const RESTART_WINDOW_MS = 60_000;
const MAX_RESTARTS_IN_WINDOW = 5;

function optionValue(argv: string[], names: string[]): string | undefined {
  const index = argv.findIndex((argument) => names.includes(argument));
  return index >= 0 ? argv[index + 1] : undefined;
}

/** Workers wanted: the flag, then WEB_WORKERS, then one per core the process may use. */
export function workerCount(argv: string[], environment: Record<string, string | undefined>, cores = os.availableParallelism()): number {
  const requested = Number(optionValue(argv, ['--workers']) ?? environment.WEB_WORKERS ?? cores);
  if (!Number.isInteger(requested) || requested < 1) throw new Error(`--workers / WEB_WORKERS must be a whole number of at least 1 (got ${String(requested)})`);
  return requested;
}

/**
 * Sign-in is checked before anything serves (issue 21): a missing NEXTAUTH_SECRET or a wrong
 * issuer stops start-up with the field named, instead of "Ready" and a 500 on every page.
 */
async function checkSignInOrExit(): Promise<void> {
  const { problems, notes } = await checkSignInConfiguration(process.env);
  for (const note of notes) console.log(note);
  if (problems.length === 0) return;
  for (const problem of problems) console.error(`Configuration error: ${problem}`);
  process.exit(1);
}

async function main(): Promise<void> {
  if (!cluster.isPrimary) return;
  await checkSignInOrExit();
  const argv = process.argv.slice(2);
  const port = optionValue(argv, ['-p', '--port']) ?? process.env.PORT ?? '3000';
  const count = workerCount(argv, process.env);
  // Start-up check: without an audit key (or the explicit unkeyed mode) the server does not start.
  try {
    resolveAuditKey();
  } catch (error) {
    if (!(error instanceof AuditKeyError)) throw error;
    console.error(`Error: ${error.message}`);
    process.exit(1);
  }
  // Each worker is the stock `next start`; the only request handling of ours is the preload that
  // refuses methods the app does not answer (TRACE, ...) with 405 (scripts/refuse-unknown-methods.mjs).
  // execArgv leaves out the TypeScript loader this script runs under (NODE_OPTIONS still applies).
  // A 64 MB young generation: a page render allocates a few MB that die young, and the default
  // 16 MB made the collector run several times per request (pages got 10-20% faster with it).
  cluster.setupPrimary({ exec: require.resolve('next/dist/bin/next'), args: ['start', '-p', port], execArgv: ['--max-semi-space-size=64', '--import', pathToFileURL(require.resolve('./refuse-unknown-methods.mjs')).href], silent: false });

  let isStopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (isStopping) return;
    isStopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    // Give workers the time next start takes to finish in-flight requests, then leave.
    setTimeout(() => process.exit(), 10_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  // A worker that cannot start (port taken, no build) would be replaced forever: give up instead.
  const recentExits: number[] = [];
  cluster.on('exit', (worker, code, signal) => {
    if (isStopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    const now = Date.now();
    recentExits.push(now);
    while (recentExits.length > 0 && recentExits[0] < now - RESTART_WINDOW_MS) recentExits.shift();
    if (recentExits.length > MAX_RESTARTS_IN_WINDOW) {
      console.error(`web workers exited ${recentExits.length} times within ${RESTART_WINDOW_MS / 1000} s; stopping (see their output above)`);
      stop('SIGTERM');
      process.exitCode = 1;
      return;
    }
    console.error(`web worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another`);
    cluster.fork();
  });

  console.log(`Bedrock Access Review: ${count} web worker${count === 1 ? '' : 's'} on port ${port}`);
  for (let index = 0; index < count; index += 1) cluster.fork();
}

// Imported by tests for workerCount only; run as a script it serves.
if (process.argv[1] && /serve\.ts$/.test(process.argv[1])) void main();
