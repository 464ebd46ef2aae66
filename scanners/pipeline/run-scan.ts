import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../../db/client';
import { describeDatabaseError } from '../../db/errors';
import { appendAudit } from '../../db/queries/audit';
import { scans } from '../../db/schema';
import { prepareSnapshotAnalysis } from '../../lib/analysis/analyze-snapshot';
import type { AnalyzedPrincipal, RetainedPrincipal } from '../../lib/analysis/snapshot-analysis-types';
import { loadActionCatalogue } from '../../lib/analysis/catalogue/load-catalogue';
import type { LiveScanConfig } from '../../lib/config/schema';
import { getConfig } from '../../lib/config/load-config';
import { collectLive } from './collect-live';
import { collectOffline } from './collect-offline';
import type { CollectedSnapshot } from './collected-snapshot';
import { discardScanRows, persistAccountOutcome, publishScan, recordAccountOutcome } from './persist-snapshot';
import { openSnapshotWriter } from './snapshot-writer';
import { analyzeControls } from '../../lib/controls/analyze-controls';
import { discardControls, persistControls } from './persist-controls';
import { loadSodRules } from './sod-rules';
import { summarizeScan } from './summarize-scan';
import { afterPublish } from './after-publish';
import { collectUsageEvidence } from '../usage/collect-usage-evidence';
import { getUsageForScoring } from '../../db/queries/usage-for-scoring';
import { resolveWeights } from '../../lib/analysis/blast-radius/weights';
import { analyzePeople, buildPeopleModel, discardPeopleRows, persistPeople } from './persist-people';

export type ScanSource = { kind: 'offline'; directory: string } | { kind: 'live'; config: LiveScanConfig };

export interface ScanOutcome {
  scanId: number;
  status: 'complete' | 'partial' | 'failed';
  accountCount: number;
  principalCount: number;
  bedrockPrincipalCount: number;
  failedAccounts: Array<{ accountId: string; error: string }>;
  problems: string[];
  durationMs: number;
}

export interface RunScanOptions {
  trigger: 'manual' | 'schedule' | 'cli' | 'demo';
  requestedBy: string;
  /** A queued scan already claimed by this process; otherwise a new scan row is created. */
  scanId?: number;
  now?: () => Date;
  onProgress?: (message: string) => void;
  /** Where the snapshot's rows are written; by default on a worker thread for large snapshots of a database file. */
  snapshotWriter?: 'inline' | 'threaded';
}

function startScan(database: AppDatabase, source: ScanSource, options: RunScanOptions, now: Date): number {
  const { id } = database
    .insert(scans)
    .values({
      status: 'running',
      source: source.kind,
      trigger: options.trigger,
      sourceLocation: source.kind === 'offline' ? source.directory : source.config.managementAccountId,
      requestedBy: options.requestedBy,
      queuedAt: now.toISOString(),
      startedAt: now.toISOString(),
      workerPid: process.pid,
      progressMessage: 'Starting',
    })
    .returning({ id: scans.id })
    .get();
  return id;
}

/** What the later passes read of a principal whose rows are written (a new object; shared parts are not copied). */
function retainedPrincipalOf(principal: AnalyzedPrincipal): RetainedPrincipal {
  const { recommendations: _recommendations, credentials: _credentials, blastRadius, ...kept } = principal;
  return { ...kept, blastRadius: { score: blastRadius.score } };
}

function reportProgress(database: AppDatabase, scanId: number, message: string, done: number, total: number, options: RunScanOptions): void {
  database.update(scans).set({ progressMessage: message, progressDone: done, progressTotal: total }).where(eq(scans.id, scanId)).run();
  options.onProgress?.(message);
}

/**
 * One scan from source to published snapshot: collect, analyse the whole organisation (reach
 * crosses accounts), persist one account per transaction, then publish in a last transaction.
 * Any failure before publishing discards the rows: no page ever sees half a snapshot.
 */
export async function runScan(database: AppDatabase, source: ScanSource, options: RunScanOptions): Promise<ScanOutcome> {
  const clock = options.now ?? (() => new Date());
  const startedAt = clock();
  const scanId = options.scanId ?? startScan(database, source, options, startedAt);
  try {
    reportProgress(database, scanId, source.kind === 'offline' ? `Reading ${source.directory}` : 'Listing the organisation', 0, 0, options);
    const collected: CollectedSnapshot =
      source.kind === 'offline'
        ? await collectOffline(source.directory, startedAt)
        : await collectLive(source.config, startedAt, (done, total) => reportProgress(database, scanId, `Scanned ${done} of ${total} accounts`, done, total, options));
    const accountTotal = collected.snapshot.accounts.length + collected.failedAccounts.length;
    if (collected.snapshot.accounts.length === 0) {
      throw new Error(`No account could be read. ${[...collected.failedAccounts.map((failure) => `${failure.accountId}: ${failure.error}`), ...collected.problems].slice(0, 10).join('; ')}`);
    }

    reportProgress(database, scanId, `Analysing ${collected.snapshot.accounts.length} accounts`, 0, accountTotal, options);
    const catalogue = await loadActionCatalogue();
    const config = getConfig();
    const sodRules = loadSodRules(database);
    // The blast radius's usage factor reads the usage the published snapshots already hold, over
    // the window ending now, rather than this scan's import (collected after persisting, below).
    // Why: the analysis stays one pure pass persisted once, with no rescoring pass rewriting stored
    // scores, summaries and people analyses; and the only lag is use newer than the previous scan's
    // high-water mark, which errs towards "unused" (a higher score) for one scan, never hides risk.
    const usageEvidence = getUsageForScoring(database, startedAt, resolveWeights(config.blastRadiusWeights ?? {}).usage.windowDays);
    const prepared = prepareSnapshotAnalysis(collected.snapshot, catalogue, { now: startedAt, weightOverrides: config.blastRadiusWeights, sodRules, usageEvidence });
    const principalCount = collected.snapshot.accounts.reduce((sum, account) => sum + account.users.length + account.roles.length, 0);
    // Each account's conclusions are drawn and its rows recorded here, and written by the
    // snapshot writer, on another thread for large snapshots: SQLite's work overlaps the
    // conclusions about the next account.
    const writer = openSnapshotWriter(database, principalCount, options.snapshotWriter);
    const analyzedPrincipals: RetainedPrincipal[] = [];
    let done = 0;
    try {
      for (const account of collected.snapshot.accounts) {
        const principals = prepared.concludeAccount(account.accountId);
        for (const principal of principals) analyzedPrincipals.push(retainedPrincipalOf(principal));
        const batch = recordAccountOutcome(scanId, { accountId: account.accountId, status: 'ok', error: null, durationMs: 0, principals, managedPolicies: account.managedPolicies });
        await writer.write(batch, () => {
          done += 1;
          if (done % 25 === 0 || done === collected.snapshot.accounts.length) reportProgress(database, scanId, `Saved ${done} of ${collected.snapshot.accounts.length} accounts`, done, accountTotal, options);
        });
      }
      await writer.finish();
    } catch (error) {
      await writer.abort();
      throw error;
    }
    const analysis = { principals: analyzedPrincipals, unclassifiedActions: prepared.unclassifiedActions() };
    if (collected.identityCenter) {
      const people = buildPeopleModel(collected.identityCenter, collected.snapshot);
      collected.problems.push(...people.warnings);
      const personAnalyses = analyzePeople(collected.identityCenter, people, analysis.principals, { sodRules, weightOverrides: config.blastRadiusWeights, now: startedAt });
      persistPeople(database, scanId, collected.identityCenter, people, personAnalyses);
    }
    for (const failure of collected.failedAccounts) {
      persistAccountOutcome(database, scanId, { accountId: failure.accountId, status: 'failed', error: failure.error, durationMs: 0, principals: [], managedPolicies: [] });
    }

    persistControls(database, scanId, analyzeControls(collected.snapshot, catalogue, analysis.principals));
    collected.problems.push(...(await collectUsageEvidence(database, scanId, source, { accountIds: collected.snapshot.accounts.map((account) => account.accountId), principals: analysis.principals, now: startedAt }, (message) => reportProgress(database, scanId, message, done, accountTotal, options))));

    const status = collected.failedAccounts.length > 0 || collected.identityCenterError ? 'partial' : 'complete';
    const summary = summarizeScan({ principals: analysis.principals, accountCount: accountTotal, failedAccountCount: collected.failedAccounts.length, unclassifiedActions: analysis.unclassifiedActions });
    const problemText = collected.problems.length > 0 ? collected.problems.slice(0, 50).join('\n') : null;
    publishScan(database, { scanId, status, summary, accounts: collected.accountFacts, source: collected.source, error: problemText }, clock());
    const followUps = await afterPublish(database, scanId, clock());
    return {
      scanId,
      status,
      accountCount: accountTotal,
      principalCount: summary.principalCount,
      bedrockPrincipalCount: summary.bedrockPrincipalCount,
      failedAccounts: collected.failedAccounts,
      problems: [...collected.problems, ...followUps],
      durationMs: clock().getTime() - startedAt.getTime(),
    };
  } catch (error) {
    const message = describeDatabaseError(error)?.message ?? (error instanceof Error ? error.message : String(error));
    discardScanRows(database, scanId);
    discardControls(database, scanId);
    discardPeopleRows(database, scanId);
    database.update(scans).set({ status: 'failed', finishedAt: clock().toISOString(), error: message, progressMessage: 'Failed' }).where(eq(scans.id, scanId)).run();
    appendAudit(database, { actor: 'scanner', action: 'scan.failed', objectType: 'scan', objectId: scanId, after: { error: message } });
    return { scanId, status: 'failed', accountCount: 0, principalCount: 0, bedrockPrincipalCount: 0, failedAccounts: [], problems: [message], durationMs: clock().getTime() - startedAt.getTime() };
  }
}
