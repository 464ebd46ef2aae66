/**
 * `npm run bench -- scan [--shape template|diverse] [--accounts 200 --principals-per-account 100] [--concurrency 16] [--latency-ms 50]`:
 * a LIVE scan end to end (Organizations, STS AssumeRole, IAM through the AWS SDK, then analysis
 * and persistence) against the local AWS endpoint with added latency on every call, into a fresh
 * database. The endpoint runs in a child process, so the CPU time and peak RSS printed are the
 * scanner's own. Then the offline import of the same files, for comparison.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { openDatabase } from '../db/client';
import { runScan, type ScanOutcome, type ScanSource } from '../scanners/pipeline/run-scan';
import type { LiveScanConfig } from '../lib/config/schema';
import type { LocalAwsMessage, LocalAwsStats } from './local-aws-process';
import { flagValue, megabytes, startPeakRssSampler } from './measure';
import { generateShapedOrganizationFile, shapeOf } from './organization-shape';
import { BENCH_OUTPUT_DIRECTORY, ensureOrganization, hasFlag, removeDatabaseFiles } from './organization-cache';
import { applyToProcessEnvironment, localAwsSdkEnvironment } from '../scanners/local-aws/sdk-environment';

/** The read-only role every generated account carries, and who may assume it (see scripts/demo-org/account-recipes.ts). */
const READ_ONLY_ROLE_NAME = 'security/BedrockAccessReviewReadOnly';
/** First pause of the credential-report poll (scanners/live/fetch-credentials.ts): the first call only starts it, the endpoint has it ready by the next. */
const CREDENTIAL_REPORT_POLL_MS = 250;

interface LocalAwsChild {
  url: string;
  stats(): Promise<LocalAwsStats>;
  stop(): Promise<void>;
}

function startLocalAwsChild(dataDir: string, baseIdentityArn: string, latencyMs: number): Promise<LocalAwsChild> {
  const child: ChildProcess = fork(path.join(__dirname, 'local-aws-process.ts'), [dataDir, baseIdentityArn, String(latencyMs)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.send('stop');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the local AWS endpoint exited with code ${code}`)));
    child.once('message', (message: LocalAwsMessage) => {
      if (message.type !== 'ready') return reject(new Error(message.type === 'error' ? message.message : 'unexpected message from the local AWS endpoint'));
      resolve({
        url: message.url,
        stop,
        stats: () =>
          new Promise((resolveStats) => {
            child.once('message', (reply: LocalAwsMessage) => {
              if (reply.type === 'stats') resolveStats(reply.stats);
            });
            child.send('stats');
          }),
      });
    });
  });
}

interface PhaseMark {
  /** Seconds from the start. */
  seconds: number;
  /** CPU seconds of this process from the start. */
  cpuSeconds: number;
}

interface PhaseClock {
  /** When the first progress message starting with `word` arrived. */
  at(word: string): PhaseMark | undefined;
  /** When persistence began: extrapolated back from the "Saved N of M" messages (every 25 accounts). */
  persistStart(): number | undefined;
  /** The same for CPU seconds of this process. */
  persistStartCpu(): number | undefined;
  onProgress(message: string): void;
}

function startPhaseClock(): PhaseClock {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const firstSeen = new Map<string, PhaseMark>();
  const saved: Array<{ done: number; seconds: number; cpuSeconds: number }> = [];
  const extrapolate = (value: (mark: { seconds: number; cpuSeconds: number }) => number) => {
    if (saved.length < 2) return saved[0] && value(saved[0]);
    const first = saved[0];
    const last = saved[saved.length - 1];
    return value(first) - ((value(last) - value(first)) / (last.done - first.done)) * first.done;
  };
  return {
    onProgress(message) {
      const savedMatch = /^Saved (\d+) of/.exec(message);
      if (savedMatch) {
        const cpu = process.cpuUsage(cpuBefore);
        saved.push({ done: Number(savedMatch[1]), seconds: (performance.now() - started) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 });
      }
      const word = message.split(' ')[0];
      if (firstSeen.has(word)) return;
      const cpu = process.cpuUsage(cpuBefore);
      firstSeen.set(word, { seconds: (performance.now() - started) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 });
    },
    at: (word) => firstSeen.get(word),
    persistStart: () => extrapolate((mark) => mark.seconds),
    persistStartCpu: () => extrapolate((mark) => mark.cpuSeconds),
  };
}

interface TimedScan {
  outcome: ScanOutcome;
  seconds: number;
  cpuSeconds: number;
  peakRss: number;
  phases: PhaseClock;
}

export async function timeScan(databasePath: string, source: ScanSource): Promise<TimedScan> {
  removeDatabaseFiles(databasePath);
  const database = openDatabase(databasePath);
  try {
    global.gc?.();
    const phases = startPhaseClock();
    const sampler = startPeakRssSampler();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const outcome = await runScan(database, source, { trigger: 'cli', requestedBy: 'bench', onProgress: phases.onProgress });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const peakRss = sampler.stop();
    if (outcome.status === 'failed') throw new Error(`scan failed: ${outcome.problems.slice(0, 5).join('; ')}`);
    return { outcome, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRss, phases };
  } finally {
    database.$client.close();
  }
}

export function seconds(value: number | undefined): string {
  return value === undefined ? '?' : `${value.toFixed(1)} s`;
}

export async function benchScan(argv: string[]): Promise<void> {
  const accountCount = flagValue(argv, 'accounts', 200);
  const principalsPerAccount = flagValue(argv, 'principals-per-account', 100);
  const concurrency = flagValue(argv, 'concurrency', 16);
  const latencyMs = flagValue(argv, 'latency-ms', 50);

  const shape = shapeOf(argv);
  const organizationDirectory = path.join(BENCH_OUTPUT_DIRECTORY, shape === 'template' ? 'scan-org' : `scan-org-${shape}`);
  const organization = ensureOrganization(organizationDirectory, { accountCount, principalsPerAccount, shape }, { isFresh: hasFlag(argv, 'fresh') });
  console.log(
    organization.isReused
      ? `Reusing the generated organisation in ${path.relative(process.cwd(), organizationDirectory)}`
      : `Generated ${accountCount} x ${principalsPerAccount} into ${path.relative(process.cwd(), organizationDirectory)} in ${organization.seconds.toFixed(1)} s`,
  );
  const organizationFile = generateShapedOrganizationFile({ shape, accountCount, principalsPerAccount });
  const managementAccountId = organizationFile.organization.managementAccountId;
  const securityAccountId = organizationFile.accounts.find((account) => account.name.startsWith('security-'))?.id;
  if (!securityAccountId) throw new Error('the generated organisation has no security account');
  // The scanner runs as the security account's role, which every read-only role trusts.
  const baseIdentityArn = `arn:aws:iam::${securityAccountId}:role/access-review-scanner`;

  const aws = await startLocalAwsChild(organizationDirectory, baseIdentityArn, latencyMs);
  let live: TimedScan;
  let stats: LocalAwsStats;
  try {
    // The SDK's default provider chain and endpoint variables, pointed at the local endpoint only.
    applyToProcessEnvironment(localAwsSdkEnvironment(aws.url, { accessKeyId: 'AKIABENCHEXAMPLE0001', secretAccessKey: 'bench-not-a-secret' }));
    const config: LiveScanConfig = { managementAccountId, readOnlyRoleName: READ_ONLY_ROLE_NAME, regions: ['us-east-1'], skipAccountIds: [], concurrency, maxAttempts: 8 };
    console.log(`Live scan: ${accountCount} accounts through ${aws.url} (+${latencyMs} ms per call), concurrency ${concurrency}, as ${baseIdentityArn}`);
    live = await timeScan(path.join(BENCH_OUTPUT_DIRECTORY, 'scan.db'), { kind: 'live', config });
    stats = await aws.stats();
  } finally {
    await aws.stop();
  }

  const fetchEnd = live.phases.at('Analysing') ?? { seconds: live.seconds, cpuSeconds: live.cpuSeconds };
  const persistStart = live.phases.persistStart();
  const accountsRead = live.outcome.accountCount - live.outcome.failedAccounts.length;
  // Accounts are read `concurrency` at a time and the calls of one account one after another.
  const parallel = Math.max(1, Math.min(concurrency, accountsRead));
  const latencyFloor = (stats.callCount * latencyMs) / 1000 / parallel;
  const reportPollFloor = (accountsRead * CREDENTIAL_REPORT_POLL_MS) / 1000 / parallel;
  const topActions = Object.entries(stats.callsByAction).sort((left, right) => right[1] - left[1]);
  const row = (label: string, value: string) => console.log(`    ${label.padEnd(58)} ${value}`);

  console.log('\nlive scan (end to end: fetch, map, analyse, persist, publish)');
  console.log(`  accounts / principals:  ${live.outcome.accountCount} accounts (${live.outcome.failedAccounts.length} failed), ${live.outcome.principalCount} principals, ${live.outcome.bedrockPrincipalCount} hold Bedrock access; status ${live.outcome.status}`);
  console.log(`  wall time:              ${live.seconds.toFixed(1)} s (target <= 60 s: ${live.seconds <= 60 ? 'met' : 'MISSED'})`);
  console.log(`  calls made:             ${stats.callCount} (${stats.failedCalls} answered >= 400; peak ${stats.peakInFlight} in flight)`);
  console.log(`                          ${topActions.map(([action, count]) => `${action} ${count}`).join(', ')}`);
  console.log(`  peak RSS (scanner):     ${megabytes(live.peakRss)}`);
  console.log('  where the time goes (wall clock; CPU is this process, the endpoint runs in another):');
  row('fetch: Organizations, AssumeRole, IAM pages, credentials', seconds(fetchEnd.seconds));
  row('  our own work in it (scanner CPU: SDK, XML parsing, mapping)', seconds(fetchEnd.cpuSeconds));
  row('  waiting on the endpoint (the rest)', seconds(fetchEnd.seconds - fetchEnd.cpuSeconds));
  row(`    added latency: ${stats.callCount} calls x ${latencyMs} ms / ${parallel} in parallel`, seconds(latencyFloor));
  row(`    credential-report polls: ${accountsRead} x ${CREDENTIAL_REPORT_POLL_MS / 1000} s / ${parallel}`, seconds(reportPollFloor));
  row("    endpoint's own CPU (XML, JSON; separate process)", seconds(stats.cpuSeconds));
  if (persistStart !== undefined) {
    row('analysis (engine over the whole organisation)', seconds(persistStart - fetchEnd.seconds));
    row('persist (one transaction per account) + publish + follow-ups', seconds(live.seconds - persistStart));
  }
  row('scanner CPU over the whole scan', seconds(live.cpuSeconds));

  const offline = await timeScan(path.join(BENCH_OUTPUT_DIRECTORY, 'scan-offline.db'), { kind: 'offline', directory: organizationDirectory });
  const offlineAnalysing = offline.phases.at('Analysing');
  console.log('\noffline import of the same files (read, map, analyse, persist, publish)');
  console.log(`  wall time:              ${offline.seconds.toFixed(1)} s (reading + mapping ${seconds(offlineAnalysing?.seconds)}), ${offline.outcome.principalCount} principals; peak RSS ${megabytes(offline.peakRss)}`);
}
