/**
 * What reading stored JSON through its schema costs: `npx tsx bench/stored-json-read-check.ts [iterations]`.
 *
 * Imports the demo organisation into a database in memory, takes its largest `principals.analysis`
 * and a ~100 KB one grown from it (more denials: an AdministratorAccess holder under a boundary),
 * and times JSON.parse alone against the full reader and the recommendations-only reader, and the
 * readers the list pages call per row (a campaign item's context, a scan summary). Prints figures.
 */
import path from 'node:path';
import { desc, sql } from 'drizzle-orm';
import { campaignItems, principals, scans } from '../db/schema';
import { readItemContext } from '../db/stored-json/campaign-item-context';
import { readPrincipalAnalysis, readPrincipalRecommendations } from '../db/stored-json/principal-columns';
import { readScanSummary } from '../db/stored-json/scan-summary';
import { createTestDatabase } from '../db/test-database';
import { launchCampaign } from '../db/queries/campaigns/launch';
import { EMPTY_SCOPE } from '../lib/campaigns/scope';
import { runScan } from '../scanners/pipeline/run-scan';

const ITERATIONS = Number(process.argv[2] ?? 2_000);

// A throwaway database in memory: its audit chain uses the demo key (db/audit-key.ts).
process.env.DEMO_MODE ??= 'true';

/** Median microseconds per call over ITERATIONS calls, after a warm-up. */
function time(read: () => unknown): number {
  for (let index = 0; index < 200; index += 1) read();
  const samples: number[] = [];
  for (let index = 0; index < ITERATIONS; index += 1) {
    const start = process.hrtime.bigint();
    read();
    samples.push(Number(process.hrtime.bigint() - start) / 1_000);
  }
  samples.sort((left, right) => left - right);
  return samples[Math.floor(samples.length / 2)];
}

function row(label: string, bytes: number, plain: number, checked: number): void {
  console.log(`${label.padEnd(58)} ${String(Math.round(bytes / 1024)).padStart(5)} KB  JSON.parse ${plain.toFixed(1).padStart(7)} µs  reader ${checked.toFixed(1).padStart(7)} µs  (x${(checked / plain).toFixed(2)})`);
}

async function main(): Promise<void> {
  const database = createTestDatabase();
  await runScan(database, { kind: 'offline', directory: path.resolve(__dirname, '..', 'demo', 'org') }, { trigger: 'cli', requestedBy: 'bench' });
  const largest = database.select({ id: principals.id, analysis: principals.analysis }).from(principals).orderBy(desc(sql`length(${principals.analysis})`)).limit(1).get();
  if (!largest) throw new Error('The demo import stored no principal.');

  const analysis = JSON.parse(largest.analysis) as { denied: unknown[] };
  const grown = { ...analysis, denied: [...analysis.denied] };
  while (JSON.stringify(grown).length < 100 * 1024) grown.denied.push(...analysis.denied.slice(0, 50));
  const grownText = JSON.stringify(grown);

  console.log(`median of ${ITERATIONS} reads each`);
  for (const [label, text] of [
    ['principals.analysis, largest of the demo', largest.analysis],
    ['principals.analysis, grown to ~100 KB', grownText],
  ] as const) {
    const plain = time(() => JSON.parse(text));
    row(`${label}: full`, text.length, plain, time(() => readPrincipalAnalysis(text, largest.id)));
    row(`${label}: recommendations`, text.length, plain, time(() => readPrincipalRecommendations(text, largest.id)));
  }

  const scan = database.select({ id: scans.id, summary: scans.summary }).from(scans).get();
  if (scan?.summary) row('scans.summary', scan.summary.length, time(() => JSON.parse(scan.summary as string)), time(() => readScanSummary(scan.summary as string, scan.id)));

  launchCampaign(database, { name: 'bench', kind: 'standard', scope: EMPTY_SCOPE, dueInDays: 30, closeBehaviour: 'report', launchedBy: 'admin@example.com', fallbackReviewers: ['admin@example.com'], now: new Date() });
  const items = database.select({ id: campaignItems.id, context: campaignItems.context }).from(campaignItems).limit(50).all();
  const page = items.map((item) => item.context);
  const plainPage = time(() => page.map((text) => JSON.parse(text)));
  const checkedPage = time(() => items.map((item) => readItemContext(item.context, item.id)));
  row(`campaign_items.context, a page of ${items.length}`, page.join('').length, plainPage, checkedPage);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error((error as Error).stack ?? String(error));
    process.exit(1);
  },
);
