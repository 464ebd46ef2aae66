import { S3Client } from '@aws-sdk/client-s3';
import type { AppDatabase } from '../../../db/client';
import { getOrganizationTrailMark } from '../../../db/queries/usage-trail-mark';
import type { OrganizationTrailConfig } from '../../../lib/usage/usage-config';
import { describeAwsError } from '../../live/errors';
import { FullJitterRetryStrategy } from '../../live/retry-strategy';
import { importTrailSource, type TrailImportOptions, type TrailImportOutcome } from '../import-trail-files';
import { organizationTrailSource } from './organization-trail-source';

/** An S3 client for the trail bucket; `AWS_ENDPOINT_URL_S3` (the local endpoint) is addressed path-style. */
export function createTrailS3Client(trail: OrganizationTrailConfig, options: { maxAttempts: number; endpoint?: string }): S3Client {
  const endpoint = options.endpoint ?? process.env.AWS_ENDPOINT_URL_S3;
  return new S3Client({ region: trail.region, maxAttempts: options.maxAttempts, retryStrategy: new FullJitterRetryStrategy({ maxAttempts: options.maxAttempts }), ...(endpoint === undefined ? {} : { endpoint, forcePathStyle: true }) });
}

/**
 * The CloudTrail part of a live scan when the organisation trail's bucket is configured: lists
 * from the day before the last published S3 import's high-water mark, skips files already
 * imported, and imports the rest like the offline folder. Returns problems for the scan record.
 */
export async function importOrganizationTrail(
  database: AppDatabase,
  scanId: number,
  trail: OrganizationTrailConfig,
  options: { accountIds?: readonly string[]; maxAttempts: number; endpoint?: string; client?: S3Client; onProgress?: (message: string) => void; import?: TrailImportOptions },
): Promise<string[]> {
  const client = options.client ?? createTrailS3Client(trail, options);
  let outcome: TrailImportOutcome;
  try {
    const source = organizationTrailSource(client, trail, { accountIds: options.accountIds, highWaterMark: getOrganizationTrailMark(database) });
    outcome = await importTrailSource(database, scanId, source, { ...options.import, onProgress: (done, total) => options.onProgress?.(`Read ${done} of ${total} organisation trail files`) });
  } catch (error) {
    return [`organisation trail s3://${trail.bucket}/${trail.prefix}: ${describeAwsError(error)}`];
  } finally {
    if (options.client === undefined) client.destroy();
  }
  return outcome.problems;
}
