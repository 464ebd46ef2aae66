import path from 'node:path';
import type { AppDatabase } from '../../db/client';
import { getConfig } from '../../lib/config/load-config';
import { stringFlag, UsageError, type ParsedArguments } from '../cli-args';
import { recoverAbandonedScans } from '../pipeline/persist-snapshot';
import { runScan, type ScanOutcome } from '../pipeline/run-scan';

function report(outcome: ScanOutcome): void {
  console.log(`Scan ${outcome.scanId}: ${outcome.status} in ${(outcome.durationMs / 1000).toFixed(1)} s`);
  console.log(`  ${outcome.accountCount} accounts, ${outcome.principalCount} principals, ${outcome.bedrockPrincipalCount} hold Bedrock access`);
  for (const failure of outcome.failedAccounts) console.log(`  account ${failure.accountId} FAILED: ${failure.error}`);
  for (const problem of outcome.problems) console.log(`  ${problem}`);
}

/** `scan --from DIR` imports offline files; `scan` scans live from the configuration file. */
export async function scanCommand(database: AppDatabase, parsed: ParsedArguments): Promise<number> {
  recoverAbandonedScans(database);
  const directory = stringFlag(parsed, 'from');
  const onProgress = (message: string) => console.log(`  ... ${message}`);
  let outcome: ScanOutcome;
  if (directory) {
    outcome = await runScan(database, { kind: 'offline', directory: path.resolve(directory) }, { trigger: 'cli', requestedBy: 'cli', onProgress });
  } else {
    const live = getConfig().scan.live;
    if (!live) throw new UsageError('No live scan configured: add scan.live to the configuration file (see README), or import files with --from DIR.');
    outcome = await runScan(database, { kind: 'live', config: live }, { trigger: 'cli', requestedBy: 'cli', onProgress });
  }
  report(outcome);
  return outcome.status === 'failed' ? 1 : 0;
}
