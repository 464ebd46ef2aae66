import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../db/test-database';
import { findLatestPublishedScan, iterateExportedPrincipals } from '../../db/queries/export-snapshot';
import type { AppDatabase } from '../../db/client';
import { runScan } from './run-scan';
import { DEMO_LIVE_CONFIG, serveLocalAwsToSdk } from '../local-aws/test-support/serve-to-sdk';
import { scanOfflineAndLive } from './test-support/scan-both-ways';

const DEMO = path.join(process.cwd(), 'demo', 'org');

function exportedActions(database: AppDatabase): Map<string, string> {
  const scan = findLatestPublishedScan(database);
  if (!scan) throw new Error('no published scan');
  const actions = new Map<string, string>();
  for (const principal of iterateExportedPrincipals(database, scan.id)) actions.set(principal.arn, principal.actions.join(','));
  return actions;
}

describe('live scan through the local AWS endpoint', () => {
  // The SDK's own endpoint variables: the same the README shows for `npm run cli -- scan`.
  const aws = serveLocalAwsToSdk(() => ({ dataDir: DEMO }));
  const live = DEMO_LIVE_CONFIG;

  it('yields exactly the principals and actions of the offline import of the same files', async () => {
    const { offlineDatabase, liveDatabase } = await scanOfflineAndLive(DEMO, live);
    const offlineActions = exportedActions(offlineDatabase);
    expect(offlineActions.size).toBeGreaterThan(150);
    expect(exportedActions(liveDatabase)).toEqual(offlineActions);
  });

  it('records an account that denies AssumeRole and completes the rest as partial', async () => {
    aws().setFaults({ denyAssumeRoleForAccounts: ['641829374651'] });
    const database = createTestDatabase();
    const outcome = await runScan(database, { kind: 'live', config: live }, { trigger: 'cli', requestedBy: 'test' });
    aws().setFaults({});
    expect(outcome.status).toBe('partial');
    expect(outcome.failedAccounts.map((failure) => failure.accountId)).toEqual(['641829374651']);
    expect(outcome.failedAccounts[0].error).toMatch(/AccessDenied|not authorized|denied/i);
    const scan = findLatestPublishedScan(database);
    expect(scan?.errors.map((error) => error.accountId)).toEqual(['641829374651']);
  });

  it('survives a throttling storm', async () => {
    aws().setFaults({ throttleEveryNthCall: 3 });
    const database = createTestDatabase();
    const outcome = await runScan(database, { kind: 'live', config: live }, { trigger: 'cli', requestedBy: 'test' });
    aws().setFaults({});
    expect(outcome.status).toBe('complete');
    expect(outcome.bedrockPrincipalCount).toBeGreaterThan(150);
  });
});
