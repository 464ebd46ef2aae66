/**
 * A whole live scan with `scan.live.usage` enabled and the organisation trail configured: the
 * usage step reads the trail from S3 through the local endpoint (not LookupEvents) and stores
 * exactly the usage aggregates and file ledger that the offline scan of the same organisation
 * folder stores from its `cloudtrail/`.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../db/client';
import { parseAppConfig } from '../../../lib/config/schema';
import { DEMO_LIVE_CONFIG, serveLocalAwsToSdk } from '../../local-aws/test-support/serve-to-sdk';
import { scanOfflineAndLive } from '../../pipeline/test-support/scan-both-ways';
import { writeDemoActivity } from '../../../scripts/demo-usage/write-demo-activity';

// The demo organisation with a trail of its own: demo/org/cloudtrail/ is written by whoever
// prepares the demo, so a test must not count on it (nor race another test rewriting it).
let directory: string;
beforeAll(() => {
  directory = mkdtempSync(path.join(os.tmpdir(), 'usage-live-s3-'));
  cpSync(path.resolve('demo/org'), directory, { recursive: true, filter: (source) => !source.includes(`${path.sep}cloudtrail`) });
  writeDemoActivity(directory, new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10), { days: 4 });
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function usageAggregates(database: AppDatabase): unknown[] {
  return database.$client
    .prepare('SELECT bucket_key, account_id, principal_arn, action, model_id, region, day, caller_kind, caller_name, caller_basis, credential, is_standing_credential, calls, denied_calls, last_call_at FROM usage_daily ORDER BY bucket_key')
    .all();
}

function fileLedger(database: AppDatabase): unknown[] {
  return database.$client.prepare('SELECT file_key, size_bytes, bedrock_events FROM usage_files ORDER BY file_key').all();
}

describe('a live scan reading the organisation trail from S3', () => {
  // Registered after the folder is written (and so stopped before it is removed).
  const aws = serveLocalAwsToSdk(() => ({ dataDir: directory, trailDir: path.join(directory, 'cloudtrail') }));

  it('stores the usage the offline scan of the same folder stores, with no LookupEvents call', async () => {
    const { managementAccountId } = DEMO_LIVE_CONFIG;
    const config = parseAppConfig(
      {
        scan: {
          schedule: null,
          offlineDirectory: null,
          live: {
            ...DEMO_LIVE_CONFIG,
            maxAttempts: 4,
            usage: { enabled: true, organizationTrail: { bucket: `aws-cloudtrail-logs-${managementAccountId}-org`, organizationId: 'o-nw7k2p9x4q', region: 'us-east-1' } },
          },
        },
      },
      'test.config.json',
    );
    if (!config.scan.live) throw new Error('no live configuration');
    const { offlineDatabase: offline, liveDatabase: live } = await scanOfflineAndLive(directory, config.scan.live);

    const expected = usageAggregates(offline);
    expect(expected.length).toBeGreaterThan(100);
    expect(usageAggregates(live)).toEqual(expected);
    expect(fileLedger(live)).toEqual(fileLedger(offline));
    expect(live.$client.prepare('SELECT source FROM usage_imports').all()).toEqual([{ source: 's3' }]);
    // The trail came from S3: every object read once, and LookupEvents never called.
    const s3Reads = aws().callLog.filter((call) => call.service === 's3' && !call.action.includes('list-type=2'));
    expect(s3Reads.length).toBe((fileLedger(offline) as unknown[]).length);
    expect(aws().callLog.some((call) => call.service === 'cloudtrail')).toBe(false);
  }, 240_000);
});
