/**
 * `npm run bench -- web [--fresh] [--skip-build] [--requests 200] [--warmup 20] [--port 3210]`:
 * server response times of the main pages of the production build over 100,000 Bedrock-holding
 * principals and a 10,000-item campaign. Requests are sequential (one at a time), so the figures
 * are the server's own time per page, not queueing; `bench load` measures concurrency.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BENCH_OUTPUT_DIRECTORY, hasFlag, removeDatabaseFiles } from './organization-cache';
import { flagValue, percentile } from './measure';
import { BIG_INBOX_OWNER, prepareWebDatabase, type WebDatabaseFacts } from './web-database';
import { ensureProductionBuild, portFrom, signIn, startProductionServer, timedFetch, type RunningServer, type Session } from './web-server';

export interface WebBenchContext {
  facts: WebDatabaseFacts;
  server: RunningServer;
  admin: Session;
  auditor: Session;
  owner: Session;
}

/**
 * Everything `bench web` and `bench load` share: the database (built or reused), the build, the
 * server, and signed-in sessions. The caller stops the server (`context.server.stop()`).
 */
export async function startWebBench(argv: string[], defaultPort: number, options: { useCopy?: string } = {}): Promise<WebBenchContext> {
  const prepared = await prepareWebDatabase({
    isFresh: hasFlag(argv, 'fresh'),
    accountCount: flagValue(argv, 'accounts', 1000),
    principalsPerAccount: flagValue(argv, 'principals-per-account', 100),
  });
  const facts = options.useCopy ? { ...prepared, databasePath: copyDatabase(prepared.databasePath, options.useCopy) } : prepared;
  console.log(
    `Database: ${facts.principalCount} principals, ${facts.bedrockPrincipalCount} hold Bedrock access; campaign ${facts.campaignId} with ${facts.campaignItemCount} items ` +
      `(${facts.itemsByReviewer.map((row) => `${row.reviewerEmail.split('@')[0]} ${row.pending}/${row.items} pending`).join(', ')})`,
  );
  ensureProductionBuild({ skipBuild: hasFlag(argv, 'skip-build') });
  const port = portFrom(argv, defaultPort);
  const logFile = path.join(BENCH_OUTPUT_DIRECTORY, `server-${port}.log`);
  const started = performance.now();
  const server = await startProductionServer({ databasePath: facts.databasePath, port, logFile });
  console.log(`Server on ${server.origin} (log: ${path.relative(process.cwd(), logFile)}) ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  try {
    const [admin, auditor, owner] = await Promise.all([signIn(server.origin, 'admin@example.com'), signIn(server.origin, 'ciso@example.com'), signIn(server.origin, BIG_INBOX_OWNER)]);
    return { facts, server, admin, auditor, owner };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** A private copy of the database (a run that writes leaves the cached one untouched). */
function copyDatabase(source: string, target: string): string {
  removeDatabaseFiles(target);
  fs.copyFileSync(source, target);
  console.log(`Copied ${path.relative(process.cwd(), source)} to ${path.relative(process.cwd(), target)} (this run writes decisions into the copy)`);
  return target;
}

interface PageCase {
  name: string;
  path: string;
  session: Session;
  /** p95 target in ms, when the brief sets one. */
  targetP95?: number;
}

interface PageResult {
  name: string;
  samples: number[];
  bytes: number;
  targetP95?: number;
}

/** Rows of the principals table in server-rendered HTML: data rows of the tbody, and distinct detail links. */
export function countPrincipalRows(html: string): { tableRows: number; detailLinks: number } {
  const body = html.match(/<tbody[^>]*>([\s\S]*?)<\/tbody>/)?.[1] ?? '';
  const tableRows = (body.match(/<tr[\s>]/g) ?? []).length;
  const detailLinks = new Set(html.match(/\/principals\/\d+/g) ?? []).size;
  return { tableRows, detailLinks };
}

async function measurePage(origin: string, page: PageCase, warmup: number, requests: number): Promise<PageResult> {
  for (let index = 0; index < warmup; index += 1) {
    const response = await timedFetch(origin, page.path, page.session);
    if (response.status !== 200) throw new Error(`${page.name}: GET ${page.path} answered ${response.status}`);
  }
  const samples: number[] = [];
  let bytes = 0;
  for (let index = 0; index < requests; index += 1) {
    const response = await timedFetch(origin, page.path, page.session);
    if (response.status !== 200) throw new Error(`${page.name}: GET ${page.path} answered ${response.status}`);
    samples.push(response.milliseconds);
    bytes = response.bytes;
  }
  samples.sort((left, right) => left - right);
  return { name: page.name, samples, bytes, targetP95: page.targetP95 };
}

function pad(text: string, width: number): string {
  return text.padEnd(width);
}

export async function benchWeb(argv: string[]): Promise<void> {
  const requests = flagValue(argv, 'requests', 200);
  const warmup = flagValue(argv, 'warmup', 20);
  const context = await startWebBench(argv, 3210);
  const { server, admin, owner, facts } = context;
  try {
    const pages: PageCase[] = [
      { name: 'overview (admin)', path: '/overview', session: admin, targetP95: 300 },
      { name: 'principals, first page (admin)', path: '/principals', session: admin, targetP95: 150 },
      { name: 'principals, filtered + sorted', path: '/principals?tier=invoke&sort=name&minScore=50', session: admin, targetP95: 150 },
      { name: 'principals, page 2000', path: '/principals?page=2000', session: admin, targetP95: 150 },
      { name: 'principals, search q=ml', path: '/principals?q=ml', session: admin, targetP95: 150 },
      { name: 'principals, first page (owner)', path: '/principals', session: owner, targetP95: 150 },
      { name: 'principal detail', path: `/principals/${facts.samplePrincipalId}`, session: admin },
      { name: `inbox (${BIG_INBOX_OWNER})`, path: '/inbox', session: owner, targetP95: 200 },
      { name: 'campaign page', path: `/campaigns/${facts.campaignId}`, session: admin },
    ];

    // The browser never receives more than one page of rows.
    const check = await timedFetch(server.origin, '/principals', admin);
    const rows = countPrincipalRows(check.body);
    const deep = countPrincipalRows((await timedFetch(server.origin, '/principals?page=2000', admin)).body);

    console.log(`\nserver response times, ${requests} sequential requests per page after ${warmup} warm-up requests (time to the last byte)`);
    console.log(`  ${pad('page', 36)} ${pad('p50', 9)} ${pad('p95', 9)} ${pad('max', 9)} ${pad('HTML', 9)} target`);
    const results: PageResult[] = [];
    for (const page of pages) {
      const result = await measurePage(server.origin, page, warmup, requests);
      results.push(result);
      const p95 = percentile(result.samples, 0.95);
      const verdict = result.targetP95 === undefined ? '' : `p95 <= ${result.targetP95} ms: ${p95 <= result.targetP95 ? 'met' : 'MISSED'}`;
      console.log(
        `  ${pad(result.name, 36)} ${pad(`${percentile(result.samples, 0.5).toFixed(1)} ms`, 9)} ${pad(`${p95.toFixed(1)} ms`, 9)} ${pad(`${result.samples.at(-1)!.toFixed(0)} ms`, 9)} ${pad(`${(result.bytes / 1024).toFixed(0)} KB`, 9)} ${verdict}`,
      );
    }

    console.log('\nprincipals page payload');
    console.log(`  first page: ${(check.bytes / 1024).toFixed(0)} KB of HTML, ${rows.tableRows} table rows, ${rows.detailLinks} distinct principal links (page size 25, of ${facts.bedrockPrincipalCount} principals)`);
    console.log(`  page 2000:  ${deep.tableRows} table rows, ${deep.detailLinks} distinct principal links`);
    const isOnePage = rows.tableRows <= 25 && rows.detailLinks <= 25 && deep.tableRows <= 25;
    console.log(`  one page of rows only: ${isOnePage ? 'yes' : 'NO'}`);
    const missed = results.filter((result) => result.targetP95 !== undefined && percentile(result.samples, 0.95) > result.targetP95);
    console.log(`\ntargets: ${missed.length === 0 ? 'all met' : `missed on ${missed.map((result) => result.name).join(', ')}`}`);
  } finally {
    await server.stop();
  }
}
