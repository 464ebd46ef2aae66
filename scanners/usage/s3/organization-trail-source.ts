import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { OrganizationTrailConfig } from '../../../lib/usage/usage-config';
import type { TrailFileTask } from '../digest-trail-file';
import type { TrailFileSource } from '../import-trail-files';
import { deliveryTimeOf } from '../list-trail-files';

const TRAIL_FILE = /\.json(\.gz)?$/;

/** The day before `time` (ISO) as `YYYY/MM/DD`: CloudTrail may deliver a file after its day ends. */
function dayBefore(time: string): string {
  return new Date(Date.parse(time) - 86_400_000).toISOString().slice(0, 10).replaceAll('-', '/');
}

async function listAll(client: S3Client, input: { Bucket: string; Prefix: string; Delimiter?: string; StartAfter?: string }, signal?: AbortSignal): Promise<{ keys: string[]; prefixes: string[] }> {
  const keys: string[] = [];
  const prefixes: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ ...input, ContinuationToken: token }), { abortSignal: signal });
    for (const object of page.Contents ?? []) if (object.Key !== undefined) keys.push(object.Key);
    for (const common of page.CommonPrefixes ?? []) if (common.Prefix !== undefined) prefixes.push(common.Prefix);
    token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
  return { keys, prefixes };
}

/**
 * An organisation trail's bucket as a source of trail files: per account and region folder under
 * `<prefix>/AWSLogs/<organizationId>/` (found by listing, limited to `accountIds` when given),
 * the files from the day before the high-water mark on (`StartAfter` a date folder: keys sort by
 * date), fetched whole and decompressed by the same code as the offline folder. Ledger keys are
 * the object keys without the trail prefix, so they equal the offline folder's paths.
 */
export function organizationTrailSource(client: S3Client, trail: OrganizationTrailConfig, scope: { accountIds?: readonly string[]; highWaterMark: string | null; signal?: AbortSignal }): TrailFileSource {
  const base = trail.prefix === '' ? '' : `${trail.prefix}/`;
  const organizationRoot = `${base}AWSLogs/${trail.organizationId}/`;
  const wanted = scope.accountIds === undefined ? null : new Set(scope.accountIds);
  return {
    kind: 's3',
    list: async () => {
      const accounts = (await listAll(client, { Bucket: trail.bucket, Prefix: organizationRoot, Delimiter: '/' }, scope.signal)).prefixes.filter((prefix) => /\/\d{12}\/$/.test(prefix) && (wanted === null || wanted.has(prefix.slice(organizationRoot.length, -1))));
      const entries: Array<{ key: string; s3Key: string; time: string }> = [];
      for (const account of accounts) {
        const regions = (await listAll(client, { Bucket: trail.bucket, Prefix: `${account}CloudTrail/`, Delimiter: '/' }, scope.signal)).prefixes;
        for (const region of regions) {
          const startAfter = scope.highWaterMark === null ? undefined : `${region}${dayBefore(scope.highWaterMark)}`;
          const { keys } = await listAll(client, { Bucket: trail.bucket, Prefix: region, StartAfter: startAfter }, scope.signal);
          for (const s3Key of keys) if (TRAIL_FILE.test(s3Key)) entries.push({ key: s3Key.slice(base.length), s3Key, time: deliveryTimeOf(s3Key) });
        }
      }
      // Delivery order, as the offline folder's listing (AssumeRole events before the calls they enable).
      entries.sort((a, b) => (a.time === b.time ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.time < b.time ? -1 : 1));
      return entries.map(({ key }) => ({ key }));
    },
    load: async (entry): Promise<TrailFileTask> => {
      const object = await client.send(new GetObjectCommand({ Bucket: trail.bucket, Key: `${base}${entry.key}` }), { abortSignal: scope.signal });
      if (object.Body === undefined) throw new Error(`s3://${trail.bucket}/${base}${entry.key} has no body`);
      return { key: entry.key, bytes: await object.Body.transformToByteArray() };
    },
  };
}
