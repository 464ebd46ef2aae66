import { readOfflineDirectory } from '../offline/read-directory';
import { toAccountSources } from '../offline/to-account-sources';
import { buildSnapshot } from '../map/build-snapshot';
import { regionsOfControlsFiles } from '../map/map-snapshot-controls';
import { readControlsDirectory } from '../offline/read-controls';
import type { CollectedSnapshot } from './collected-snapshot';

/**
 * Offline source: every file of DIR read and validated one by one; a bad file is reported with
 * its name and the rest is imported. A directory with no usable account at all is an error.
 */
export async function collectOffline(directory: string, capturedAt: Date): Promise<CollectedSnapshot> {
  const { files, errors } = await readOfflineDirectory(directory);
  const sources = toAccountSources(files);
  const controls = await readControlsDirectory(directory);
  const controlsSource = controls.files.length > 0 ? { regions: regionsOfControlsFiles(controls.files), files: controls.files } : undefined;
  const built = buildSnapshot({ capturedAt: capturedAt.toISOString(), organization: sources.organization, accounts: sources.accounts, controls: controlsSource });
  return {
    snapshot: built.snapshot,
    accountFacts: built.accountFacts,
    failedAccounts: built.failedAccounts,
    problems: [...[...errors, ...controls.errors].map((error) => `${error.file}: ${error.message}`), ...sources.warnings, ...built.warnings],
    source: 'offline',
    identityCenter: sources.identityCenter,
  };
}
