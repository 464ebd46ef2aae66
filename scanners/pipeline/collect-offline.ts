import { readOfflineDirectory } from '../offline/read-directory';
import { toAccountSources } from '../offline/to-account-sources';
import { buildSnapshot } from '../map/build-snapshot';
import type { CollectedSnapshot } from './collected-snapshot';

/**
 * Offline source: every file of DIR read and validated one by one; a bad file is reported with
 * its name and the rest is imported. A directory with no usable account at all is an error.
 */
export async function collectOffline(directory: string, capturedAt: Date): Promise<CollectedSnapshot> {
  const { files, errors } = await readOfflineDirectory(directory);
  const sources = toAccountSources(files);
  const built = buildSnapshot({ capturedAt: capturedAt.toISOString(), organization: sources.organization, accounts: sources.accounts });
  return {
    snapshot: built.snapshot,
    accountFacts: built.accountFacts,
    failedAccounts: built.failedAccounts,
    problems: [...errors.map((error) => `${error.file}: ${error.message}`), ...sources.warnings, ...built.warnings],
    source: 'offline',
    identityCenter: sources.identityCenter,
  };
}
