/**
 * A whole live scan with `scan.live.usage` enabled and the organisation trail configured: the
 * usage step reads the trail from S3 through the local endpoint (not LookupEvents) and stores
 * exactly the usage aggregates and file ledger that the offline scan of the same organisation
 * folder stores from its `cloudtrail/`.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../db/client';
import { parseAppConfig } from '../../../lib/config/schema';
import { DEMO_LIVE_CONFIG, serveLocalAwsToSdk } from '../../local-aws/test-support/serve-to-sdk';
import { scanOfflineAndLive } from '../../pipeline/test-support/scan-both-ways';
import { copyDemoOrganizationWithActivity, usageFileLedger } from '../test-support/demo-trail-folder';

// The demo organisation with a trail of its own (never demo/org/cloudtrail/, see demo-trail-folder.ts).
let directory: string;
beforeAll(() => {
  directory = copyDemoOrganizationWithActivity('usage-live-s3-', 4);
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function usageAggregates(database: AppDatabase): unknown[] {
  return database.$client
    .prepare('SELECT bucket_key, account_id, principal_arn, action, model_id, region, day, caller_kind, caller_name, caller_basis, credential, is_standing_credential, calls, denied_calls, last_call_at FROM usage_daily ORDER BY bucket_key')
    .all();
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
    expect(usageFileLedger(live)).toEqual(usageFileLedger(offline));
    expect(live.$client.prepare('SELECT source FROM usage_imports').all()).toEqual([{ source: 's3' }]);
    // The trail came from S3: every object read once, and LookupEvents never called.
    const s3Reads = aws().callLog.filter((call) => call.service === 's3' && !call.action.includes('list-type=2'));
    expect(s3Reads.length).toBe((usageFileLedger(offline) as unknown[]).length);
    expect(aws().callLog.some((call) => call.service === 'cloudtrail')).toBe(false);
  }, 240_000);
});
