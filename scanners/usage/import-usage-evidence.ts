import path from 'node:path';
import type { AppDatabase } from '../../db/client';
import { importAccessAdvisorDirectory } from './import-access-advisor';
import { importTrailFiles } from './import-trail-files';

/**
 * The usage step of an offline scan: `cloudtrail/` (any depth) and `access-advisor/` of the
 * import directory, both optional. Returns problems to record on the scan (per-file, named).
 */
export async function importOfflineUsageEvidence(database: AppDatabase, scanId: number, directory: string, onProgress?: (message: string) => void): Promise<string[]> {
  const trail = await importTrailFiles(database, scanId, path.join(directory, 'cloudtrail'), {
    onProgress: (done, total) => onProgress?.(`Read ${done} of ${total} CloudTrail files`),
  });
  const advisor = await importAccessAdvisorDirectory(database, scanId, path.join(directory, 'access-advisor'));
  return [...trail.problems, ...advisor.problems];
}
