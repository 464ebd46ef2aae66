/**
 * The live usage path (CloudTrail LookupEvents through the local AWS endpoint, paged, per account
 * and region) stores exactly the aggregates the offline import of the same trail files stores.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../db/test-database';
import { copyDemoOrganizationWithActivity, importOfflineReference, usageAggregates } from '../test-support/demo-trail-folder';
import { publishTestScan, startTestScan } from '../test-support/trail-fixtures';
import { collectLiveUsage } from './collect-live-usage';
import { DEMO_LIVE_CONFIG, serveLocalAwsToSdk } from '../../local-aws/test-support/serve-to-sdk';

const ACCOUNTS = ['185920374618', '210987654321', '296031847562', '307142958673', '318274650192', '427381920374', '539182736450', '641829374651', '752930184726', '863019283746', '974102938475'];
const live = { ...DEMO_LIVE_CONFIG, regions: ['us-east-1', 'eu-west-1'] };

let directory: string;

beforeAll(async () => {
  directory = copyDemoOrganizationWithActivity('usage-live-', 6);
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));
// Registered after the folder is written (and so stopped before it is removed).
const aws = serveLocalAwsToSdk(() => ({ dataDir: directory, trailDir: path.join(directory, 'cloudtrail') }));

describe('live usage through the local endpoint', () => {
  it('equals the offline import of the same trail files, and the next scan reads nothing twice', async () => {
    const { database: offline, outcome } = await importOfflineReference(directory);
    expect(outcome.filesFailed).toBe(0);
    expect(outcome.bedrockEvents).toBeGreaterThan(1_000);

    const database = createTestDatabase();
    const scanId = startTestScan(database);
    const problems = await collectLiveUsage(database, scanId, live, ACCOUNTS.map((accountId) => ({ accountId, principalArns: [] })), { now: new Date(), intervalMs: 0 });
    expect(problems).toEqual([]);
    expect(aws().callLog.filter((call) => call.service === 'cloudtrail').length).toBeGreaterThan(ACCOUNTS.length * 2);
    expect(usageAggregates(database)).toEqual(usageAggregates(offline));

    publishTestScan(database, scanId);
    const second = startTestScan(database);
    await collectLiveUsage(database, second, live, ACCOUNTS.map((accountId) => ({ accountId, principalArns: [] })), { now: new Date(), intervalMs: 0 });
    expect(database.$client.prepare('SELECT count(*) AS n FROM usage_daily WHERE scan_id = ?').get(second)).toEqual({ n: 0 });
  });

  it('Access Advisor is polled to completion and stored per principal', async () => {
    const database = createTestDatabase();
    const scanId = startTestScan(database);
    const arn = 'arn:aws:iam::974102938475:user/hackathon-shared';
    const problems = await collectLiveUsage(database, scanId, { ...live, regions: ['eu-west-1'] }, [{ accountId: '974102938475', principalArns: [arn] }], { now: new Date(), intervalMs: 0, accessAdvisorPollMs: 1 });
    expect(problems).toEqual([]);
    const rows = database.$client.prepare('SELECT service_namespace AS namespace, action_name AS action, last_authenticated_at AS last FROM usage_access_advisor WHERE principal_arn = ? ORDER BY action_name').all(arn) as Array<{ namespace: string; action: string; last: string | null }>;
    expect(rows[0]).toMatchObject({ namespace: 'bedrock', action: '' });
    expect(rows[0]?.last).not.toBeNull();
    expect(rows.some((row) => row.action === 'InvokeModel')).toBe(true);
  });
});
