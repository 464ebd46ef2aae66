import { Cron } from 'croner';
import { and, asc, eq } from 'drizzle-orm';
import type { AppDatabase } from '../../db/client';
import { scans } from '../../db/schema';
import { getConfig } from '../../lib/config/load-config';
import type { ParsedArguments } from '../cli-args';
import { recoverAbandonedScans } from '../pipeline/persist-snapshot';
import { enqueueScan, runQueuedScan } from '../pipeline/scan-queue';
import { runCampaignSchedules } from '../../db/queries/campaigns/schedules';
import { processPendingRevocations } from '../remediation/process-pending';

const POLL_INTERVAL_MS = 2000;

/**
 * `worker`: runs the scan schedule and "scan now" requests queued from the app, one scan at a
 * time. Several workers may run; the queue claim is atomic, so no scan runs twice.
 */
export async function workerCommand(database: AppDatabase, parsed: ParsedArguments): Promise<number> {
  const config = getConfig();
  const recovered = recoverAbandonedScans(database);
  if (recovered.length > 0) console.log(`Marked abandoned scans as failed: ${recovered.join(', ')}`);
  const source = config.scan.live ? 'live' : config.scan.offlineDirectory ? 'offline' : null;
  if (!source) console.log('No scan source configured (scan.live or scan.offlineDirectory): only queued requests with a source run.');

  const schedule =
    config.scan.schedule && source
      ? new Cron(config.scan.schedule, { protect: true }, () => {
          const queued = enqueueScan(database, { source, trigger: 'schedule', requestedBy: 'schedule' });
          console.log(queued.isNew ? `Scheduled scan ${queued.scanId} queued.` : `Scan ${queued.scanId} already queued or running; schedule tick skipped.`);
        })
      : null;
  if (schedule) console.log(`Scan schedule "${config.scan.schedule}": next run ${schedule.nextRun()?.toISOString()}.`);

  let isStopping = false;
  const stop = () => {
    isStopping = true;
    schedule?.stop();
    campaignTick.stop();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  // Campaign follow-up (scheduled launches, reminders, escalation, close at due date) every minute.
  const campaignTick = new Cron('* * * * *', { protect: true }, async () => {
    try {
      await runCampaignSchedules(database, config, new Date());
    } catch (error) {
      console.error(`Campaign schedules failed: ${(error as Error).message}`);
    }
  });

  const runOnce = parsed.flags.has('once');
  if (runOnce) await runCampaignSchedules(database, config, new Date());
  while (!isStopping) {
    // Approved revocations an admin asked to execute or roll back run here, not in the web server.
    try {
      for (const processed of await processPendingRevocations(database, config)) {
        console.log(`Revocation #${processed.id} ${processed.operation}: ${processed.status}${processed.error ? ` (${processed.error})` : ''}${processed.followUpScanId ? `; scan ${processed.followUpScanId} queued to refresh the dashboards` : ''}.`);
      }
    } catch (error) {
      console.error(`Revocations failed: ${(error as Error).message}`);
    }
    const next = database.select({ id: scans.id }).from(scans).where(and(eq(scans.status, 'queued'))).orderBy(asc(scans.id)).limit(1).get();
    if (next) {
      const outcome = await runQueuedScan(database, next.id, config);
      if (outcome) console.log(`Scan ${outcome.scanId}: ${outcome.status} (${outcome.bedrockPrincipalCount} Bedrock holders, ${outcome.failedAccounts.length} failed accounts).`);
    } else if (runOnce) {
      break;
    } else {
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
  }
  campaignTick.stop();
  return 0;
}
