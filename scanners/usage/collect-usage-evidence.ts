import type { AppDatabase } from '../../db/client';
import type { ScanSource } from '../pipeline/run-scan';
import { importOfflineUsageEvidence } from './import-usage-evidence';

/**
 * The usage step of every scan, between persisting the accounts and publishing: offline reads
 * the import directory's `cloudtrail/` and `access-advisor/`. Returns problems for the scan record.
 */
export async function collectUsageEvidence(database: AppDatabase, scanId: number, source: ScanSource, onProgress: (message: string) => void): Promise<string[]> {
  if (source.kind === 'offline') return importOfflineUsageEvidence(database, scanId, source.directory, onProgress);
  return [];
}
