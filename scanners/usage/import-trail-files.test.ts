import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../db/test-database';
import type { AppDatabase } from '../../db/client';
import { assumeRoleRecord, assumeRoleWithWebIdentityRecord, bedrockRecord, iamUser, roleSession } from '../../lib/usage/test-support/records';
import { importTrailFiles } from './import-trail-files';
import { discardUsageRows } from './persist-usage';
import { publishTestScan, startTestScan, writeTrailFile } from './test-support/trail-fixtures';

let root: string;
let database: AppDatabase;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'usage-import-'));
  database = createTestDatabase();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function totals(scanId?: number) {
  const where = scanId === undefined ? '' : `WHERE scan_id = ${scanId}`;
  return database.$client.prepare(`SELECT coalesce(sum(calls),0) AS calls, coalesce(sum(denied_calls),0) AS denied FROM usage_daily ${where}`).get() as { calls: number; denied: number };
}

const SSO = 'AWSReservedSSO_BedrockUsers_0123456789abcdef';

describe('importTrailFiles', () => {
  it('reads gzipped and plain trail files at any depth and lookup-events output, and aggregates per bucket', async () => {
    writeTrailFile(root, '111122223333', 'us-east-1', '20261011T2155Z', [
      bedrockRecord(roleSession(SSO, 'jane@example.com')),
      bedrockRecord(roleSession(SSO, 'jane@example.com'), { eventTime: '2026-10-11T22:00:00Z' }),
      bedrockRecord(roleSession(SSO, 'jane@example.com'), { errorCode: 'AccessDenied', requestParameters: { modelId: 'amazon.titan-text-express-v1' } }),
      { eventSource: 's3.amazonaws.com', eventName: 'GetObject', eventTime: '2026-10-11T22:00:00Z' },
    ]);
    writeTrailFile(root, '111122223333', 'us-east-1', '20261011T2200Z', [bedrockRecord(iamUser('shared-bot'), { sourceIPAddress: '198.51.100.7' })], { gzip: false });
    const lookupOutput = { Events: [{ EventId: 'x', EventName: 'InvokeModel', EventSource: 'bedrock.amazonaws.com', CloudTrailEvent: JSON.stringify(bedrockRecord(iamUser('shared-bot'), { sourceIPAddress: '198.51.100.8' })) }] };
    writeFileSync(path.join(root, 'lookup-events-us-east-1.json'), JSON.stringify(lookupOutput));

    const scanId = startTestScan(database);
    const outcome = await importTrailFiles(database, scanId, root);
    expect(outcome).toMatchObject({ filesRead: 3, filesFailed: 0, recordsRead: 6, bedrockEvents: 5, highWaterMark: '2026-10-11T22:00:00Z' });
    expect(totals()).toEqual({ calls: 4, denied: 1 });
    const jane = database.$client.prepare(`SELECT model_id AS modelId, calls, denied_calls AS denied, last_call_at AS last, caller_basis AS basis FROM usage_daily WHERE caller_name = 'jane@example.com' ORDER BY model_id`).all();
    expect(jane).toEqual([
      { modelId: 'amazon.titan-text-express-v1', calls: 0, denied: 1, last: null, basis: 'identity-center-session' },
      { modelId: 'anthropic.claude-3-haiku-20240307-v1:0', calls: 2, denied: 0, last: '2026-10-11T22:00:00Z', basis: 'identity-center-session' },
    ]);
    const sources = database.$client.prepare('SELECT source_address AS address, calls FROM usage_standing_sources ORDER BY source_address').all();
    expect(sources).toEqual([
      { address: '198.51.100.7', calls: 1 },
      { address: '198.51.100.8', calls: 1 },
    ]);
  });

  it('resolves an OIDC subject from an AssumeRoleWithWebIdentity event in an earlier file', async () => {
    writeTrailFile(root, '111122223333', 'us-east-1', '20261011T2100Z', [assumeRoleWithWebIdentityRecord('github-ci', 'repo:org/evals:ref:refs/heads/main', 'ASIAOIDCEXAMPLE')]);
    const federated = { webIdFederationData: { federatedProvider: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com', attributes: {} } };
    writeTrailFile(root, '111122223333', 'us-west-2', '20261011T2200Z', [bedrockRecord(roleSession('github-ci', 'GitHubActions', { accessKeyId: 'ASIAOIDCEXAMPLE', sessionContext: federated }))]);
    await importTrailFiles(database, startTestScan(database), root);
    expect(database.$client.prepare('SELECT caller_kind AS kind, caller_name AS name FROM usage_daily').all()).toEqual([{ kind: 'workload', name: 'token.actions.githubusercontent.com:repo:org/evals:ref:refs/heads/main' }]);
  });

  it('is incremental: a second import reads only files a published scan has not imported', async () => {
    writeTrailFile(root, '111122223333', 'us-east-1', '20261011T2155Z', [bedrockRecord(iamUser('Alice'))]);
    const first = startTestScan(database);
    await importTrailFiles(database, first, root);
    publishTestScan(database, first);
    writeTrailFile(root, '111122223333', 'us-east-1', '20261012T0005Z', [bedrockRecord(iamUser('Alice'), { eventTime: '2026-10-12T00:01:00Z' })]);
    const second = startTestScan(database);
    const outcome = await importTrailFiles(database, second, root);
    expect(outcome).toMatchObject({ filesRead: 1, filesSkipped: 1, bedrockEvents: 1, highWaterMark: '2026-10-12T00:01:00Z' });
    expect(totals(first).calls).toBe(1);
    expect(totals(second).calls).toBe(1);
  });

  it('does not reopen day folders it imported from before the day before the last mark, but reads a back-filled one', async () => {
    writeTrailFile(root, '111122223333', 'us-east-1', '20261009T2155Z', [bedrockRecord(iamUser('Alice'), { eventTime: '2026-10-09T21:50:00Z' })]);
    writeTrailFile(root, '111122223333', 'us-east-1', '20261012T2155Z', [bedrockRecord(iamUser('Alice'), { eventTime: '2026-10-12T21:50:00Z' })]);
    const first = startTestScan(database);
    await importTrailFiles(database, first, root);
    publishTestScan(database, first);
    // A file that appears in a settled folder is not CloudTrail's doing: it is not read.
    writeTrailFile(root, '111122223333', 'us-east-1', '20261009T2155Z', [bedrockRecord(iamUser('Alice'))], { suffix: 'LATEadded' });
    // A folder never imported from (an account or day copied in later) is read, whatever its date.
    writeTrailFile(root, '444455556666', 'us-east-1', '20261001T1200Z', [bedrockRecord(iamUser('Bob'), { eventTime: '2026-10-01T11:55:00Z' })]);
    // The last mark's day and the day before stay open: CloudTrail may still deliver into them.
    writeTrailFile(root, '111122223333', 'us-east-1', '20261012T2300Z', [bedrockRecord(iamUser('Alice'), { eventTime: '2026-10-12T22:55:00Z' })]);
    const second = startTestScan(database);
    const outcome = await importTrailFiles(database, second, root);
    expect(outcome).toMatchObject({ filesRead: 2, filesSkipped: 2, bedrockEvents: 2 });
    expect(database.$client.prepare(`SELECT caller_name AS name, day FROM usage_daily WHERE scan_id = ? ORDER BY day`).all(second)).toEqual([
      { name: 'Bob', day: '2026-10-01' },
      { name: 'Alice', day: '2026-10-12' },
    ]);
  });

  it('ties a chained session to its caller when the AssumeRole was in an earlier import, until the session expires', async () => {
    // AssumeRole at 21:00 by an SSO person; the session expires at 22:00 (CloudTrail's format).
    writeTrailFile(root, '111122223333', 'us-east-1', '20261011T2105Z', [{ ...assumeRoleRecord(roleSession(SSO, 'jane@example.com'), 'bedrock-runner', 'chain', 'ASIACHAINEXAMPLE0001'), eventTime: '2026-10-11T21:00:00Z' }]);
    const first = startTestScan(database);
    await importTrailFiles(database, first, root);
    publishTestScan(database, first);
    writeTrailFile(root, '111122223333', 'us-east-1', '20261011T2135Z', [bedrockRecord(roleSession('bedrock-runner', 'chain', { accessKeyId: 'ASIACHAINEXAMPLE0001' }), { eventTime: '2026-10-11T21:30:00Z' })]);
    const second = startTestScan(database);
    await importTrailFiles(database, second, root);
    expect(database.$client.prepare('SELECT caller_kind AS kind, caller_name AS name, caller_basis AS basis FROM usage_daily WHERE scan_id = ?').all(second)).toEqual([{ kind: 'person', name: 'jane@example.com', basis: 'role-chain' }]);
    publishTestScan(database, second);
    // Two days later (a new high-water mark) the long-expired session is no longer carried over.
    writeTrailFile(root, '111122223333', 'us-east-1', '20261013T2135Z', [bedrockRecord(iamUser('Alice'), { eventTime: '2026-10-13T21:30:00Z' })]);
    const third = startTestScan(database);
    await importTrailFiles(database, third, root);
    expect(database.$client.prepare('SELECT count(*) AS n FROM usage_sessions WHERE scan_id = ?').get(third)).toEqual({ n: 0 });
    publishTestScan(database, third);
    writeTrailFile(root, '111122223333', 'us-east-1', '20261013T2235Z', [bedrockRecord(roleSession('bedrock-runner', 'chain', { accessKeyId: 'ASIACHAINEXAMPLE0001' }), { eventTime: '2026-10-13T22:30:00Z' })]);
    const fourth = startTestScan(database);
    await importTrailFiles(database, fourth, root);
    expect(database.$client.prepare('SELECT caller_kind AS kind FROM usage_daily WHERE scan_id = ?').all(fourth)).toEqual([{ kind: 'unattributed' }]);
  });

  it('an unpublished (failed) scan does not count as imported, and its rows can be discarded', async () => {
    writeTrailFile(root, '111122223333', 'us-east-1', '20261011T2155Z', [bedrockRecord(iamUser('Alice'))]);
    const failed = startTestScan(database);
    await importTrailFiles(database, failed, root);
    discardUsageRows(database, failed);
    expect(totals()).toEqual({ calls: 0, denied: 0 });
    const again = await importTrailFiles(database, startTestScan(database), root);
    expect(again.filesRead).toBe(1);
  });

  it('names each damaged file and keeps the good ones', async () => {
    writeTrailFile(root, '111122223333', 'us-east-1', '20261011T2155Z', [bedrockRecord(iamUser('Alice'))]);
    const bad = writeTrailFile(root, '444455556666', 'us-east-1', '20261011T2155Z', [bedrockRecord(iamUser('Mallory'))]);
    writeFileSync(bad, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]));
    writeFileSync(path.join(root, 'notes.json'), '{"hello": "world"}');
    writeFileSync(path.join(root, 'broken.json'), '{"Records": [1, 2]}');
    const scanId = startTestScan(database);
    const outcome = await importTrailFiles(database, scanId, root);
    expect(outcome.filesRead).toBe(1);
    expect(outcome.filesFailed).toBe(3);
    const errors = database.$client.prepare('SELECT file, code FROM usage_file_errors ORDER BY file').all();
    expect(errors).toEqual([
      { file: expect.stringContaining('444455556666_CloudTrail'), code: 'bad-gzip' },
      { file: 'broken.json', code: 'invalid-record' },
      { file: 'notes.json', code: 'not-cloudtrail' },
    ]);
    expect(readdirSync(root)).toContain('notes.json');
    expect(totals()).toEqual({ calls: 1, denied: 0 });
  });
});
