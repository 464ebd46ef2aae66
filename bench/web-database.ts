/**
 * The database behind `bench web` and `bench load`: a generated 1,000-account organisation
 * imported through the offline scanner, the demo personas, and one campaign of about 10,000
 * items. Built once and reused (bench/out/web.db) unless asked for a fresh one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type AppDatabase } from '../db/client';
import { launchCampaign } from '../db/queries/campaigns/launch';
import { seedDemoUsers } from '../scanners/commands/users';
import { runScan } from '../scanners/pipeline/run-scan';
import { EMPTY_SCOPE } from '../lib/campaigns/scope';
import { BENCH_OUTPUT_DIRECTORY, ensureOrganization, removeDatabaseFiles } from './organization-cache';
import { megabytes, startPeakRssSampler } from './measure';

export const WEB_DATABASE_PATH = path.join(BENCH_OUTPUT_DIRECTORY, 'web.db');
export const WEB_ORGANIZATION_DIRECTORY = path.join(BENCH_OUTPUT_DIRECTORY, 'web-org');
export const BENCH_CAMPAIGN_NAME = 'Benchmark campaign (10,000 items)';
/** The owner whose inbox the benchmark opens: most of the campaign is assigned to them. */
export const BIG_INBOX_OWNER = 'maya@example.com';
export const OWNER_EMAILS = ['maya@example.com', 'liam@example.com', 'sofia@example.com', 'noah@example.com', 'priya@example.com', 'ethan@example.com'] as const;

const CAMPAIGN_ITEM_TARGET = 10_000;

export interface WebDatabaseFacts {
  databasePath: string;
  scanId: number;
  principalCount: number;
  bedrockPrincipalCount: number;
  campaignId: number;
  campaignItemCount: number;
  itemsByReviewer: Array<{ reviewerEmail: string; items: number; pending: number }>;
  samplePrincipalId: number;
}

function scalar<T>(database: AppDatabase, statement: string, ...parameters: unknown[]): T {
  return database.$client.prepare(statement).pluck().get(...parameters) as T;
}

/**
 * Picks whole accounts (in id order) until their Bedrock entitlements reach about `target`, so the
 * campaign's scope is an ordinary account-list scope.
 */
function chooseCampaignAccounts(database: AppDatabase, scanId: number, target: number): string[] {
  const perAccount = database.$client
    .prepare(
      `SELECT p.account_id AS accountId, COUNT(*) AS entitlementCount FROM entitlements e JOIN principals p ON p.id = e.principal_id
       WHERE e.scan_id = ? GROUP BY p.account_id ORDER BY p.account_id`,
    )
    .all(scanId) as Array<{ accountId: string; entitlementCount: number }>;
  const chosen: string[] = [];
  let total = 0;
  for (const account of perAccount) {
    if (total >= target) break;
    chosen.push(account.accountId);
    total += account.entitlementCount;
  }
  return chosen;
}

/**
 * Gives most of the campaign to one owner so their inbox is the big one the benchmark measures,
 * and spreads the rest over the other owners (bench/load needs items for every owner). Benchmark
 * set-up only: reviewer assignment rules are not what is measured here.
 */
function assignReviewersForBenchmark(database: AppDatabase, campaignId: number): void {
  const others = OWNER_EMAILS.filter((email) => email !== BIG_INBOX_OWNER);
  database.$client
    .prepare(
      `UPDATE campaign_items SET reviewer_email = CASE WHEN id % 2 = 0 THEN ? ELSE
         CASE (id / 2) % ${others.length} ${others.map((_, index) => `WHEN ${index} THEN ?`).join(' ')} END END,
       reviewer_reason = 'owner-mapping' WHERE campaign_id = ?`,
    )
    .run(BIG_INBOX_OWNER, ...others, campaignId);
}

function readFacts(database: AppDatabase): WebDatabaseFacts | null {
  const scanId = scalar<number | undefined>(database, 'SELECT id FROM scans WHERE is_published = 1 ORDER BY id DESC LIMIT 1');
  if (scanId === undefined) return null;
  const campaignId = scalar<number | undefined>(database, 'SELECT id FROM campaigns WHERE name = ? ORDER BY id DESC LIMIT 1', BENCH_CAMPAIGN_NAME);
  if (campaignId === undefined) return null;
  return {
    databasePath: database.$client.name,
    scanId,
    principalCount: scalar<number>(database, 'SELECT COUNT(*) FROM principals WHERE scan_id = ?', scanId),
    bedrockPrincipalCount: scalar<number>(database, 'SELECT COUNT(*) FROM principals WHERE scan_id = ? AND has_bedrock = 1', scanId),
    campaignId,
    campaignItemCount: scalar<number>(database, 'SELECT COUNT(*) FROM campaign_items WHERE campaign_id = ?', campaignId),
    itemsByReviewer: database.$client
      .prepare(
        `SELECT reviewer_email AS reviewerEmail, COUNT(*) AS items, SUM(status = 'pending') AS pending FROM campaign_items
         WHERE campaign_id = ? GROUP BY reviewer_email ORDER BY items DESC`,
      )
      .all(campaignId) as WebDatabaseFacts['itemsByReviewer'],
    samplePrincipalId: scalar<number>(database, 'SELECT id FROM principals WHERE scan_id = ? AND has_bedrock = 1 ORDER BY score DESC, id LIMIT 1', scanId),
  };
}

/**
 * Opens bench/out/web.db, building it first when missing (or `isFresh`): generate the
 * organisation, import it offline, seed the personas, launch the campaign. Prints what it does.
 */
export async function prepareWebDatabase(options: { isFresh: boolean; accountCount: number; principalsPerAccount: number }): Promise<WebDatabaseFacts> {
  if (options.isFresh) removeDatabaseFiles(WEB_DATABASE_PATH);
  if (fs.existsSync(WEB_DATABASE_PATH)) {
    const database = openDatabase(WEB_DATABASE_PATH);
    try {
      const facts = readFacts(database);
      if (facts) {
        console.log(`Reusing ${path.relative(process.cwd(), WEB_DATABASE_PATH)} (--fresh rebuilds it)`);
        return facts;
      }
    } finally {
      database.$client.close();
    }
    removeDatabaseFiles(WEB_DATABASE_PATH);
  }

  const organization = ensureOrganization(WEB_ORGANIZATION_DIRECTORY, options, { isFresh: options.isFresh });
  console.log(
    organization.isReused
      ? `Reusing the generated organisation in ${path.relative(process.cwd(), organization.directory)}`
      : `Generated ${options.accountCount} x ${options.principalsPerAccount} into ${path.relative(process.cwd(), organization.directory)} in ${organization.seconds.toFixed(1)} s`,
  );
  const database = openDatabase(WEB_DATABASE_PATH);
  try {
    seedDemoUsers(database);
    const sampler = startPeakRssSampler();
    const started = performance.now();
    const outcome = await runScan(database, { kind: 'offline', directory: organization.directory }, { trigger: 'cli', requestedBy: 'bench', onProgress: (message) => process.stdout.write(`\r  ${message.padEnd(70)}`) });
    process.stdout.write('\n');
    if (outcome.status === 'failed') throw new Error(`offline import failed: ${outcome.problems.join('; ')}`);
    console.log(
      `Imported offline: ${outcome.principalCount} principals (${outcome.bedrockPrincipalCount} hold Bedrock access) in ${((performance.now() - started) / 1000).toFixed(1)} s, peak RSS ${megabytes(sampler.stop())}`,
    );

    const launchStarted = performance.now();
    const accountIds = chooseCampaignAccounts(database, outcome.scanId, CAMPAIGN_ITEM_TARGET);
    const launched = launchCampaign(database, {
      name: BENCH_CAMPAIGN_NAME,
      kind: 'standard',
      scope: { ...EMPTY_SCOPE, accountIds },
      dueInDays: 30,
      closeBehaviour: 'report',
      launchedBy: 'admin@example.com',
      fallbackReviewers: ['admin@example.com'],
      now: new Date(),
    });
    assignReviewersForBenchmark(database, launched.campaignId);
    console.log(`Launched campaign ${launched.campaignId}: ${launched.itemCount} items over ${accountIds.length} accounts in ${((performance.now() - launchStarted) / 1000).toFixed(1)} s`);
    database.$client.pragma('wal_checkpoint(TRUNCATE)');
    const facts = readFacts(database);
    if (!facts) throw new Error('the benchmark database has no published scan or campaign after set-up');
    return facts;
  } finally {
    database.$client.close();
  }
}
