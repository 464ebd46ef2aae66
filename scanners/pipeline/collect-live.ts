import type { LiveScanConfig } from '../../lib/config/schema';
import { buildSnapshot, type AccountSource } from '../map/build-snapshot';
import { fetchOrganizationLive } from '../live/scan-organization';
import { mapIdentityCenter } from '../map/map-identity-center';
import type { CollectedSnapshot } from './collected-snapshot';

/**
 * Live source: the organisation through Organizations, each member account through STS
 * AssumeRole and IAM, concurrently. An account that fails (AssumeRole denied, throttled out,
 * a broken answer) is recorded with its error and the others are kept.
 */
export async function collectLive(config: LiveScanConfig, capturedAt: Date, onProgress: (done: number, total: number) => void): Promise<CollectedSnapshot> {
  const result = await fetchOrganizationLive(config, { onAccountDone: (_result, progress) => onProgress(progress.done, progress.total) });
  const sources: AccountSource[] = [];
  const failedAccounts: CollectedSnapshot['failedAccounts'] = [];
  for (const account of result.accounts) {
    if (account.status === 'ok') sources.push({ accountId: account.accountId, details: account.details, credentials: account.credentials });
    else failedAccounts.push({ accountId: account.accountId, error: account.error });
  }
  const controlsFiles = result.accounts.flatMap((account) => (account.status === 'ok' && account.controls ? [account.controls] : []));
  const built = buildSnapshot({ capturedAt: capturedAt.toISOString(), organization: result.organization, accounts: sources, controls: { regions: [...config.regions].sort(), files: controlsFiles } });
  const identityCenterProblems: string[] = [];
  let identityCenter: CollectedSnapshot['identityCenter'] = null;
  if (result.identityCenter?.status === 'failed') identityCenterProblems.push(result.identityCenter.error);
  if (result.identityCenter?.status === 'ok') {
    const mapped = mapIdentityCenter(result.identityCenter.data);
    identityCenter = mapped.directory;
    identityCenterProblems.push(...mapped.problems.map((problem) => `Identity Center: ${problem}`));
  }
  const failedIds = new Set(failedAccounts.map((failure) => failure.accountId));
  // Failed accounts still belong to the organisation: keep their facts so pages can show them.
  const organizationFacts = built.snapshot.organization?.accounts.filter((account) => failedIds.has(account.id)) ?? [];
  return {
    snapshot: built.snapshot,
    accountFacts: [...built.accountFacts, ...organizationFacts.filter((facts) => !built.accountFacts.some((known) => known.id === facts.id))],
    failedAccounts: [...failedAccounts, ...built.failedAccounts],
    // Degradations of accounts that were scanned (e.g. credential facts read user by user).
    problems: [...identityCenterProblems, ...built.warnings, ...result.accounts.flatMap((account) => (account.status === 'ok' ? account.warnings : []))],
    source: 'live',
    identityCenter,
    identityCenterError: result.identityCenter?.status === 'failed' ? result.identityCenter.error : null,
  };
}
