/**
 * The production server of `bench web` and `bench load`: built into its own folder
 * (`NEXT_DIST_DIR=.next-bench`, so the e2e suite can build `.next` meanwhile), started on a local
 * port over the benchmark database, signed into over HTTP, and stopped with its process group.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const BENCH_DIST_DIRECTORY = '.next-bench';
const SOURCE_FOLDERS = ['app', 'components', 'lib', 'db'];
const SOURCE_FILES = ['next.config.ts', 'package.json', 'package-lock.json', 'postcss.config.mjs', 'tsconfig.json'];

function newestModification(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestModification(path.join(entry, child)));
  return newest;
}

/** True when `.next-bench` holds a build newer than every source file the app is built from. */
export function isBuildCurrent(): boolean {
  const buildId = fs.statSync(path.join(BENCH_DIST_DIRECTORY, 'BUILD_ID'), { throwIfNoEntry: false });
  if (!buildId) return false;
  const newestSource = Math.max(...SOURCE_FOLDERS.map(newestModification), ...SOURCE_FILES.map(newestModification));
  return buildId.mtimeMs > newestSource;
}

/**
 * Builds the app into `.next-bench` unless the build is current or `skipBuild`. next build adds
 * `.next-bench/types` to tsconfig.json's include list; the file is put back as it was.
 */
export function ensureProductionBuild(options: { skipBuild: boolean }): void {
  if (options.skipBuild) {
    if (!fs.existsSync(path.join(BENCH_DIST_DIRECTORY, 'BUILD_ID'))) throw new Error(`--skip-build, but ${BENCH_DIST_DIRECTORY} holds no build`);
    console.log(`Using the existing build in ${BENCH_DIST_DIRECTORY} (--skip-build)`);
    return;
  }
  if (isBuildCurrent()) {
    console.log(`The build in ${BENCH_DIST_DIRECTORY} is newer than the sources: not rebuilding`);
    return;
  }
  console.log(`Building the app into ${BENCH_DIST_DIRECTORY} (next build) ...`);
  const tsconfigBefore = fs.readFileSync('tsconfig.json', 'utf8');
  const tsconfigModified = fs.statSync('tsconfig.json').mtime;
  const started = performance.now();
  const result = spawnSync('npx', ['next', 'build'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIRECTORY, NEXT_TELEMETRY_DISABLED: '1' }, encoding: 'utf8' });
  if (fs.readFileSync('tsconfig.json', 'utf8') !== tsconfigBefore) {
    fs.writeFileSync('tsconfig.json', tsconfigBefore);
    // Same content, same modification time: the next run still sees the build as current.
    fs.utimesSync('tsconfig.json', tsconfigModified, tsconfigModified);
  }
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status}):\n${(result.stdout ?? '').slice(-4000)}\n${(result.stderr ?? '').slice(-4000)}`);
  console.log(`  built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

export interface RunningServer {
  origin: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

async function waitUntilServing(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${origin}/api/auth/csrf`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer on ${origin} within ${timeoutMs / 1000} s`);
}

/**
 * Starts `next start` in its own process group (so stopping it stops every child) with demo
 * sign-in over `databasePath`. Its output goes to `logFile`.
 */
export async function startProductionServer(options: { databasePath: string; port: number; logFile: string }): Promise<RunningServer> {
  const origin = `http://localhost:${options.port}`;
  const log = fs.openSync(options.logFile, 'w');
  const child = spawn('npx', ['tsx', 'scripts/serve.ts', '-p', String(options.port)], {
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_DIST_DIR: BENCH_DIST_DIRECTORY,
      NEXT_TELEMETRY_DISABLED: '1',
      DEMO_MODE: 'true',
      DATABASE_URL: options.databasePath,
      NEXTAUTH_URL: origin,
      NEXTAUTH_SECRET: 'bench-only-secret-not-for-production-0000000000000',
      // No configuration file: defaults (no schedule, no SMTP).
      BAR_CONFIG: '',
    },
  });
  fs.closeSync(log);
  let isStopped = false;
  const stop = async () => {
    if (isStopped || child.exitCode !== null) return;
    isStopped = true;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return;
    }
    const timeout = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 5000);
    await exited;
    clearTimeout(timeout);
  };
  // An interrupted benchmark must not leave the server behind.
  const onSignal = () => void stop().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', () => {
    if (!isStopped && child.exitCode === null) {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  });
  try {
    await waitUntilServing(origin, child, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, process: child, stop };
}

/** A signed-in persona: its cookie header, reused for every request. */
export interface Session {
  email: string;
  cookie: string;
}

function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((line) => line.split(';')[0]);
}

/** Signs in through next-auth's demo credentials provider, as the /signin form does. */
export async function signIn(origin: string, email: string, password = 'demo'): Promise<Session> {
  const csrfResponse = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const jar = cookiePairs(csrfResponse);
  const response = await fetch(`${origin}/api/auth/callback/demo`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; '), origin },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${origin}/overview`, json: 'true' }),
  });
  const cookies = [...jar, ...cookiePairs(response)];
  const session = cookies.find((pair) => pair.startsWith('next-auth.session-token=') || pair.startsWith('__Secure-next-auth.session-token='));
  if (!session) throw new Error(`sign-in as ${email} failed: status ${response.status}, no session cookie`);
  return { email, cookie: session };
}

export interface TimedResponse {
  status: number;
  milliseconds: number;
  bytes: number;
  body: string;
}

/** One request, timed from send to the last byte of the body. */
export async function timedFetch(origin: string, pathAndQuery: string, session: Session | null, init: { method?: string; json?: unknown } = {}): Promise<TimedResponse> {
  const headers: Record<string, string> = {};
  if (session) headers.cookie = session.cookie;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    headers.origin = origin;
  }
  const started = performance.now();
  const response = await fetch(`${origin}${pathAndQuery}`, {
    method: init.method ?? 'GET',
    headers,
    redirect: 'manual',
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  const body = await response.text();
  return { status: response.status, milliseconds: performance.now() - started, bytes: Buffer.byteLength(body), body };
}

/** A free-enough port: the benchmarks use fixed ones unless `--port` says otherwise. */
export function portFrom(argv: string[], fallback: number): number {
  const index = argv.indexOf('--port');
  return index >= 0 ? Number(argv[index + 1]) : fallback;
}
