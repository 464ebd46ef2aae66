/**
 * The organisation trail in S3 (ListObjectsV2 + GetObject through the local endpoint, REST-XML)
 * stores exactly the aggregates and the file ledger that the offline import of the same folder
 * stores; the next import lists from its high-water mark and reads nothing twice; S3 errors are
 * reported by name; the endpoint refuses what S3 refuses (a reader outside the bucket policy,
 * malformed list parameters).
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../db/test-database';
import { copyDemoOrganizationWithActivity, importOfflineReference, usageAggregates, usageFileLedger } from '../test-support/demo-trail-folder';
import { publishTestScan, startTestScan } from '../test-support/trail-fixtures';
import { createTrailS3Client, importOrganizationTrail } from './import-organization-trail';
import { DEMO_LIVE_CONFIG, serveLocalAwsToSdk } from '../../local-aws/test-support/serve-to-sdk';

let directory: string;
let trail: { bucket: string; prefix: string; organizationId: string; region: string };

beforeAll(async () => {
  directory = copyDemoOrganizationWithActivity('usage-s3-', 4);
  const organization = (JSON.parse(readFileSync(path.join(directory, 'organization.json'), 'utf8')) as { organization: { id: string; managementAccountId: string } }).organization;
  trail = { bucket: `aws-cloudtrail-logs-${organization.managementAccountId}-org`, prefix: '', organizationId: organization.id, region: 'us-east-1' };
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));
// Registered after the folder is written (and so stopped before it is removed).
const aws = serveLocalAwsToSdk(() => ({ dataDir: directory, trailDir: path.join(directory, 'cloudtrail') }));

describe('the organisation trail in S3', () => {
  it('imports exactly what the offline folder import stores, then lists from its high-water mark and reads nothing twice', async () => {
    const { database: offline, outcome: offlineOutcome } = await importOfflineReference(directory);
    expect(offlineOutcome.filesFailed).toBe(0);
    expect(offlineOutcome.bedrockEvents).toBeGreaterThan(500);

    const database = createTestDatabase();
    const scanId = startTestScan(database);
    const problems = await importOrganizationTrail(database, scanId, trail, { maxAttempts: 2 });
    expect(problems).toEqual([]);
    expect(aws().callLog.filter((call) => call.service === 's3' && !call.action.includes('list-type=2')).length).toBe(offlineOutcome.filesRead);
    expect(usageAggregates(database)).toEqual(usageAggregates(offline));
    expect(usageFileLedger(database)).toEqual(usageFileLedger(offline));
    expect(database.$client.prepare('SELECT source, files_read AS filesRead, bedrock_events AS events FROM usage_imports WHERE scan_id = ?').get(scanId)).toEqual({ source: 's3', filesRead: offlineOutcome.filesRead, events: offlineOutcome.bedrockEvents });

    publishTestScan(database, scanId);
    const before = aws().callLog.length;
    const second = startTestScan(database);
    expect(await importOrganizationTrail(database, second, trail, { maxAttempts: 2 })).toEqual([]);
    const listings = aws().callLog.slice(before).filter((call) => call.action.includes('list-type=2'));
    // From the high-water mark: the per-region listings start after a date folder.
    expect(listings.some((call) => call.action.includes('start-after='))).toBe(true);
    expect(aws().callLog.slice(before).filter((call) => call.service === 's3' && !call.action.includes('list-type=2'))).toEqual([]);
    expect(database.$client.prepare('SELECT count(*) AS n FROM usage_daily WHERE scan_id = ?').get(second)).toEqual({ n: 0 });
  }, 120_000);

  it('names S3 errors: NoSuchBucket for another bucket, NoSuchKey for a missing object', async () => {
    const database = createTestDatabase();
    const problems = await importOrganizationTrail(database, startTestScan(database), { ...trail, bucket: 'not-the-trail-bucket' }, { maxAttempts: 1 });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/not-the-trail-bucket.*NoSuchBucket/);

    const client = createTrailS3Client(trail, { maxAttempts: 1 });
    try {
      await expect(client.send(new GetObjectCommand({ Bucket: trail.bucket, Key: 'AWSLogs/missing.json.gz' }))).rejects.toMatchObject({ name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
      const page = await client.send(new ListObjectsV2Command({ Bucket: trail.bucket, Prefix: `AWSLogs/${trail.organizationId}/`, Delimiter: '/', MaxKeys: 2 }));
      expect(page.CommonPrefixes?.length).toBeGreaterThan(0);
    } finally {
      client.destroy();
    }
  }, 60_000);

  it('reports AccessDenied, without importing anything, when the credentials are of an account the bucket policy does not let read', async () => {
    // A member account's read-only role: a real caller that S3 refuses (the trail bucket is read from the management or security account).
    const sts = new STSClient({ region: 'us-east-1' });
    const memberAccount = '427381920374';
    const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${memberAccount}:role/${DEMO_LIVE_CONFIG.readOnlyRoleName}`, RoleSessionName: 'trail-reader-test' }));
    sts.destroy();
    expect(Credentials?.AccessKeyId).toBeDefined();
    const client = new S3Client({
      region: trail.region,
      endpoint: process.env.AWS_ENDPOINT_URL_S3 ?? aws().url,
      forcePathStyle: true,
      maxAttempts: 1,
      credentials: { accessKeyId: Credentials?.AccessKeyId ?? '', secretAccessKey: Credentials?.SecretAccessKey ?? '', sessionToken: Credentials?.SessionToken },
    });
    const database = createTestDatabase();
    const scanId = startTestScan(database);
    try {
      const problems = await importOrganizationTrail(database, scanId, trail, { maxAttempts: 1, client });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(new RegExp(`s3://${trail.bucket}/.*AccessDenied`));
    } finally {
      client.destroy();
    }
    expect(database.$client.prepare('SELECT count(*) AS n FROM usage_daily WHERE scan_id = ?').get(scanId)).toEqual({ n: 0 });
    expect(database.$client.prepare('SELECT count(*) AS n FROM usage_files').get()).toEqual({ n: 0 });
  }, 60_000);

  it('refuses malformed list parameters as S3 does (400 InvalidArgument naming the argument), and ListObjects v1', async () => {
    // Raw requests: the SDK would not send these. Any access key that is not a temporary one is the caller's base identity (a reader).
    const authorization = 'AWS4-HMAC-SHA256 Credential=AKIAEXAMPLEBASEKEY01/20261207/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0';
    const list = async (query: string) => {
      const response = await fetch(`${aws().url}/${trail.bucket}?${query}`, { headers: { authorization } });
      return { status: response.status, body: await response.text() };
    };
    for (const [query, argument] of [
      ['list-type=2&max-keys=-1', 'max-keys'],
      ['list-type=2&max-keys=ten', 'max-keys'],
      ['list-type=2&max-keys=99999999999', 'max-keys'],
      ['list-type=2&encoding-type=base64', 'encoding-type'],
      ['list-type=2&continuation-token=not-a-token%21', 'continuation-token'],
      [`list-type=2&continuation-token=${Buffer.from('AWSLogs/').toString('base64')}`, 'continuation-token'],
    ] as const) {
      const { status, body } = await list(query);
      expect(status, query).toBe(400);
      expect(body, query).toContain('<Code>InvalidArgument</Code>');
      expect(body, query).toContain(`<ArgumentName>${argument}</ArgumentName>`);
    }
    // Above 1000 keys S3 answers 1000 at most, not an error; a token it issued is accepted.
    const first = await list(`list-type=2&max-keys=5000&prefix=${encodeURIComponent(`AWSLogs/${trail.organizationId}/`)}`);
    expect(first.status).toBe(200);
    expect(first.body).toContain('<MaxKeys>1000</MaxKeys>');
    const small = await list(`list-type=2&max-keys=1&prefix=${encodeURIComponent(`AWSLogs/${trail.organizationId}/`)}`);
    const token = /<NextContinuationToken>([^<]+)</.exec(small.body)?.[1];
    expect(token).toBeDefined();
    const next = await list(`list-type=2&max-keys=1&prefix=${encodeURIComponent(`AWSLogs/${trail.organizationId}/`)}&continuation-token=${encodeURIComponent(token ?? '')}`);
    expect(next.status).toBe(200);
    expect(next.body).not.toBe(small.body);
    // encoding-type=url: names percent-encoded and said so.
    const encoded = await list(`list-type=2&max-keys=1&encoding-type=url&prefix=${encodeURIComponent(`AWSLogs/${trail.organizationId}/`)}`);
    expect(encoded.body).toContain('<EncodingType>url</EncodingType>');
    // ListObjects (v1) is not served: a clear 501, never a v2 answer to a v1 request.
    const v1 = await list('prefix=AWSLogs/');
    expect(v1.status).toBe(501);
    expect(v1.body).toContain('<Code>NotImplemented</Code>');
  }, 60_000);
});
