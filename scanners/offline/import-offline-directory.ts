import { buildSnapshot, type BuildSnapshotResult } from '../map/build-snapshot';
import type { FileError } from './errors';
import { readOfflineDirectory, type ReadDirectoryOptions } from './read-directory';
import { toAccountSources } from './to-account-sources';

export interface ImportOfflineDirectoryResult extends BuildSnapshotResult {
  /** Files that were not used, each naming the file and why. */
  fileErrors: FileError[];
}

/**
 * Fetch + map for an offline import in one call: reads DIR and builds the `SnapshotInput`.
 * Holds every account in memory; for very large directories, iterate `listOfflineFiles` /
 * `readOfflineFile` and map account by account instead. Throws only `OfflineDirectoryError`.
 */
export async function importOfflineDirectory(directory: string, options: ReadDirectoryOptions & { capturedAt: string }): Promise<ImportOfflineDirectoryResult> {
  const { files, errors } = await readOfflineDirectory(directory, options);
  const sources = toAccountSources(files);
  const result = buildSnapshot({ capturedAt: options.capturedAt, organization: sources.organization, accounts: sources.accounts });
  return { ...result, warnings: [...sources.warnings, ...result.warnings], fileErrors: errors };
}
