import type { AppDatabase } from '../../db/client';
import { isLiveUsageEnabled } from '../../lib/usage/usage-config';
import type { AnalyzedPrincipal } from '../../lib/analysis/snapshot-analysis-types';
import type { ScanSource } from '../pipeline/run-scan';
import { importOfflineUsageEvidence } from './import-usage-evidence';
import { collectLiveUsage, type LiveUsageTarget } from './live/collect-live-usage';
import { importOrganizationTrail } from './s3/import-organization-trail';

/**
 * The usage step of every scan, between persisting the accounts and publishing: offline reads
 * the import directory's `cloudtrail/` and `access-advisor/`; live, only when `scan.live.usage`
 * enables it, asks Access Advisor in every scanned account and reads CloudTrail from the
 * organisation trail's S3 bucket when configured, else with LookupEvents per account and region. Returns problems for the scan record.
 */
export async function collectUsageEvidence(
  database: AppDatabase,
  scanId: number,
  source: ScanSource,
  scanned: { accountIds: string[]; principals: ReadonlyArray<Pick<AnalyzedPrincipal, 'facts' | 'grants'>>; now: Date },
  onProgress: (message: string) => void,
): Promise<string[]> {
  if (source.kind === 'offline') return importOfflineUsageEvidence(database, scanId, source.directory, onProgress);
  if (!isLiveUsageEnabled(source.config)) {
    onProgress('Bedrock usage evidence not collected: scan.live.usage.enabled is off');
    return [];
  }
  const targets: LiveUsageTarget[] = scanned.accountIds.map((accountId) => ({
    accountId,
    principalArns: scanned.principals.filter((principal) => principal.facts.accountId === accountId && principal.grants.length > 0).map((principal) => principal.facts.arn),
  }));
  const trail = source.config.usage?.organizationTrail ?? null;
  const problems = await collectLiveUsage(database, scanId, source.config, targets, { now: scanned.now, readCloudTrail: trail === null, onProgress: (done, total) => onProgress(`Read Bedrock usage of ${done} of ${total} accounts`) });
  if (trail !== null) problems.push(...(await importOrganizationTrail(database, scanId, trail, { accountIds: scanned.accountIds, maxAttempts: source.config.maxAttempts, onProgress })));
  return problems;
}
