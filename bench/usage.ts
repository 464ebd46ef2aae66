/**
 * `npm run bench -- usage [--events 10000000] [--accounts 1000] [--days 90] [--workers N] [--runs N] [--keep] [--reuse DIR] [--skip-stages]`: writes
 * gzipped CloudTrail files as an organisation trail lays them out (to a temp dir, never the repo),
 * imports them into a fresh database file (`--runs N` times: the median is printed), then imports
 * one more day incrementally, each import in its own process. Prints the
 * wall time, peak RSS, and where the time goes (read + gunzip, JSON.parse, attribution and
 * aggregation, database writes).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { UsageAccumulator } from '../lib/usage/accumulate-usage';
import { completeDigest, digestRecords } from '../lib/usage/digest-records';
import { SessionOriginIndex } from '../lib/usage/session-origins';
import { listTrailFiles } from '../scanners/usage/list-trail-files';
import type { CloudTrailRecord } from '../lib/usage/cloudtrail-record';
import { removeDatabaseFiles } from './organization-cache';
import type { UsageRunResult } from './usage-run';

function flag(argv: string[], name: string, fallback: number): number {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? Number(argv[index + 1]) : fallback;
}

const MODELS = ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'anthropic.claude-3-haiku-20240307-v1:0', 'us.anthropic.claude-3-7-sonnet-20250219-v1:0', 'amazon.nova-pro-v1:0', 'amazon.titan-embed-text-v2:0'];
const EVENTS = ['InvokeModel', 'Converse', 'ConverseStream', 'InvokeModelWithResponseStream'];

/** One record as CloudTrail writes it (about 1.2 KB of JSON), varied by index. */
function record(accountId: string, day: string, index: number): string {
  const second = index % 86_400;
  const time = `${day}T${String(Math.floor(second / 3600)).padStart(2, '0')}:${String(Math.floor((second % 3600) / 60)).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}Z`;
  const kind = index % 10;
  const identity =
    kind < 5
      ? `{"type":"AssumedRole","principalId":"AROAEXAMPLEID${accountId}:person${index % 40}@example.com","arn":"arn:aws:sts::${accountId}:assumed-role/AWSReservedSSO_BedrockDeveloper_0123456789abcdef/person${index % 40}@example.com","accountId":"${accountId}","accessKeyId":"ASIAEXAMPLE${index % 997}","sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROAEXAMPLEID${accountId}","arn":"arn:aws:iam::${accountId}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_BedrockDeveloper_0123456789abcdef","accountId":"${accountId}","userName":"AWSReservedSSO_BedrockDeveloper_0123456789abcdef"},"attributes":{"creationDate":"${day}T00:00:00Z","mfaAuthenticated":"false"}}}`
      : kind < 8
        ? `{"type":"AssumedRole","principalId":"AROAEXAMPLECI${accountId}:GitHubActions","arn":"arn:aws:sts::${accountId}:assumed-role/github-ci/GitHubActions","accountId":"${accountId}","accessKeyId":"ASIACI${index % 991}","sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROAEXAMPLECI${accountId}","arn":"arn:aws:iam::${accountId}:role/ci/github-ci","accountId":"${accountId}","userName":"github-ci"},"webIdFederationData":{"federatedProvider":"arn:aws:iam::${accountId}:oidc-provider/token.actions.githubusercontent.com","attributes":{}},"attributes":{"creationDate":"${day}T00:00:00Z","mfaAuthenticated":"false"}}}`
        : `{"type":"IAMUser","principalId":"AIDAEXAMPLE${accountId}","arn":"arn:aws:iam::${accountId}:user/shared-bot","accountId":"${accountId}","accessKeyId":"AKIAEXAMPLE${accountId}","userName":"shared-bot"}`;
  return `{"eventVersion":"1.09","userIdentity":${identity},"eventTime":"${time}","eventSource":"bedrock.amazonaws.com","eventName":"${EVENTS[index % EVENTS.length]}","awsRegion":"us-east-1","sourceIPAddress":"198.51.100.${index % 200}","userAgent":"Boto3/1.35.36 md/Botocore#1.35.36 ua/2.0 os/linux#5.10 md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard Botocore/1.35.36","requestParameters":{"modelId":"${MODELS[index % MODELS.length]}"},"responseElements":null,"requestID":"${index.toString(16).padStart(8, '0')}-1111-2222-3333-444455556666","eventID":"${index.toString(16).padStart(8, '0')}-aaaa-bbbb-cccc-ddddeeeeffff","readOnly":true,"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"${accountId}","eventCategory":"Management","tlsDetails":{"tlsVersion":"TLSv1.3","cipherSuite":"TLS_AES_128_GCM_SHA256","clientProvidedHostHeader":"bedrock-runtime.us-east-1.amazonaws.com"}${index % 50 === 0 ? ',"errorCode":"AccessDenied","errorMessage":"not authorized"' : ''}}`;
}

function writeDay(root: string, accounts: string[], day: string, perFile: number, startIndex: number): number {
  const [year, month, date] = day.split('-');
  let index = startIndex;
  for (const accountId of accounts) {
    const folder = dayFolder(root, accountId, day);
    mkdirSync(folder, { recursive: true });
    const records: string[] = [];
    for (let count = 0; count < perFile; count += 1) records.push(record(accountId, day, index++));
    writeFileSync(path.join(folder, `${accountId}_CloudTrail_us-east-1_${year}${month}${date}T2355Z_bench.json.gz`), gzipSync(`{"Records":[${records.join(',')}]}`, { level: 6 }));
  }
  return index;
}

function dayFolder(root: string, accountId: string, day: string): string {
  const [year, month, date] = day.split('-');
  return path.join(root, 'AWSLogs', 'o-bench', accountId, 'CloudTrail', 'us-east-1', year as string, month as string, date as string);
}

function removeDay(root: string, accounts: string[], day: string): void {
  for (const accountId of accounts) rmSync(dayFolder(root, accountId, day), { recursive: true, force: true });
}

/** Imports `root` into `databasePath` in a child process (bench/usage-run.ts): its own peak RSS and CPU. */
function importInOwnProcess(root: string, databasePath: string, workers: string | undefined): UsageRunResult {
  // The flags `npm run cli` gives an import (package.json), not the benchmark's larger heap.
  const args = ['--import', 'tsx', '--max-semi-space-size=64', path.join(__dirname, 'usage-run.ts'), root, databasePath, ...(workers === undefined ? [] : [workers])];
  const output = execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_OPTIONS: '' } });
  return JSON.parse(output.trim().split('\n').at(-1) as string) as UsageRunResult;
}

function dayBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

export async function benchUsage(argv: string[]): Promise<void> {
  const totalEvents = flag(argv, 'events', 10_000_000);
  const accountCount = flag(argv, 'accounts', 1_000);
  const days = flag(argv, 'days', 90);
  const perFile = Math.max(1, Math.round(totalEvents / accountCount / days));
  // `--reuse DIR`: the files a previous run wrote (with --keep, or left by a failed run) with the same
  // --events/--accounts/--days: the same bytes, since the generator is deterministic.
  const reuse = argv.includes('--reuse') ? argv[argv.indexOf('--reuse') + 1] : undefined;
  const base = reuse ?? mkdtempSync(path.join(os.tmpdir(), 'bench-usage-'));
  const root = path.join(base, 'cloudtrail');
  const accounts = Array.from({ length: accountCount }, (_, index) => String(100_000_000_000 + index * 7919));
  const lastDay = '2026-11-30';
  const started = Date.now();
  let index = accountCount * days * perFile;
  if (reuse === undefined) {
    console.log(`Writing ${accountCount} accounts x ${days} days x ${perFile} events (${(accountCount * days * perFile).toLocaleString('en')} events) under ${base} ...`);
    index = 0;
    for (let offset = days; offset >= 1; offset -= 1) index = writeDay(root, accounts, dayBefore(lastDay, offset), perFile, index);
    console.log(`  written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } else {
    console.log(`Reusing ${(accountCount * days * perFile).toLocaleString('en')} events of ${accountCount} accounts x ${days} days under ${base}`);
  }

  // Where the time goes: the same files through each stage alone, on this thread.
  const files = await listTrailFiles(root);
  const sample = argv.includes('--skip-stages') ? [] : files.filter((_, position) => position % 20 === 0);
  const stage = { read: 0, gunzip: 0, parse: 0, digest: 0, fold: 0 };
  const sessions = new SessionOriginIndex();
  const accumulator = new UsageAccumulator();
  for (const file of sample) {
    let time = performance.now();
    const bytes = readFileSync(file.file);
    stage.read += performance.now() - time;
    time = performance.now();
    const text = gunzipSync(bytes).toString('utf8');
    stage.gunzip += performance.now() - time;
    time = performance.now();
    const records = (JSON.parse(text) as { Records: CloudTrailRecord[] }).Records;
    stage.parse += performance.now() - time;
    time = performance.now();
    const digest = digestRecords(records);
    stage.digest += performance.now() - time;
    time = performance.now();
    completeDigest(digest, sessions, accumulator);
    stage.fold += performance.now() - time;
  }
  const scale = sample.length === 0 ? 0 : files.length / sample.length / 1000;
  console.log(
    `  where the time goes, one thread (1 file in 20, scaled): read ${(stage.read * scale).toFixed(1)} s, gunzip ${(stage.gunzip * scale).toFixed(1)} s, JSON.parse ${(stage.parse * scale).toFixed(1)} s, attribute + per-file aggregation ${(stage.digest * scale).toFixed(1)} s, fold into the batch ${(stage.fold * scale).toFixed(1)} s`,
  );

  const workers = argv.includes('--workers') ? String(flag(argv, 'workers', 2)) : undefined;
  const runs = flag(argv, 'runs', 1);
  const databasePath = path.join(base, 'bench.db');
  const fullRuns: UsageRunResult[] = [];
  for (let run = 1; run <= runs; run += 1) {
    removeDatabaseFiles(databasePath);
    const full = importInOwnProcess(root, databasePath, workers);
    fullRuns.push(full);
    console.log(
      `Full import${runs > 1 ? ` (run ${run} of ${runs})` : ''}: ${full.bedrockEvents.toLocaleString('en')} events from ${full.filesRead.toLocaleString('en')} files in ${full.seconds.toFixed(1)} s wall, ${full.cpuSeconds.toFixed(1)} s CPU (all threads), ${Math.round(full.bedrockEvents / full.seconds).toLocaleString('en')} events/s, ${full.aggregateRows.toLocaleString('en')} aggregate rows, ${full.workers} worker threads, peak RSS ${full.peakRssMb} MB`,
    );
    console.log(`  main thread: waiting for workers ${(full.waitMs / 1000).toFixed(1)} s, folding digests ${(full.foldMs / 1000).toFixed(1)} s, SQLite writes ${(full.writeMs / 1000).toFixed(1)} s`);
  }
  if (runs > 1) {
    const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
    console.log(`Full import, median of ${runs}: ${median(fullRuns.map((run) => run.seconds)).toFixed(1)} s wall, ${median(fullRuns.map((run) => run.cpuSeconds)).toFixed(1)} s CPU, peak RSS ${median(fullRuns.map((run) => run.peakRssMb))} MB (largest ${Math.max(...fullRuns.map((run) => run.peakRssMb))} MB)`);
  }

  writeDay(root, accounts, lastDay, perFile, index);
  const incremental = importInOwnProcess(root, databasePath, workers);
  console.log(
    `Incremental import of one more day: ${incremental.bedrockEvents.toLocaleString('en')} events from ${incremental.filesRead} new files (${incremental.filesSkipped.toLocaleString('en')} skipped) in ${incremental.seconds.toFixed(1)} s wall, ${incremental.cpuSeconds.toFixed(1)} s CPU, peak RSS ${incremental.peakRssMb} MB`,
  );
  // The folder is left as it was written: the day just added would be in the next --reuse run's full import.
  removeDay(root, accounts, lastDay);
  if (!argv.includes('--keep') && reuse === undefined) rmSync(base, { recursive: true, force: true });
}
