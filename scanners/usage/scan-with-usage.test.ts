/**
 * An offline scan with `cloudtrail/` and `access-advisor/` next to the account files: the usage
 * step runs inside the scan, the principal's usage and the export's `usage` / `provenance` read it,
 * and a second scan with one more day imports only that day.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../db/test-database';
import type { AppDatabase } from '../../db/client';
import { getExportedUsage } from '../../db/queries/usage-export';
import { getPrincipalUsage } from '../../db/queries/usage-principal';
import { bedrockRecord, iamUser, roleSession } from '../../lib/usage/test-support/records';
import { runScan } from '../pipeline/run-scan';
import { writeTrailFile } from './test-support/trail-fixtures';

const ACCOUNT = '123456789012';
const SSO_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Bedrock_Developer_0123456789abcdef`;
const BOT_ARN = `arn:aws:iam::${ACCOUNT}:user/legacy-bot`;

let directory: string;
let database: AppDatabase;

function ssoCall(time: string, person: string, model = 'anthropic.claude-3-haiku-20240307-v1:0') {
  const identity = roleSession('AWSReservedSSO_Bedrock_Developer_0123456789abcdef', person, { account: ACCOUNT });
  identity.sessionContext = { ...identity.sessionContext, sessionIssuer: { ...identity.sessionContext?.sessionIssuer, arn: SSO_ROLE_ARN } };
  return bedrockRecord(identity, { eventTime: time, recipientAccountId: ACCOUNT, requestParameters: { modelId: model } });
}

beforeAll(() => {
  directory = mkdtempSync(path.join(os.tmpdir(), 'usage-scan-'));
  copyFileSync(path.resolve(__dirname, '../map/fixtures/authorization-details.json'), path.join(directory, `${ACCOUNT}.json`));
  const trail = path.join(directory, 'cloudtrail');
  const now = Date.now();
  const iso = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
  const stamp = (daysAgo: number) => iso(daysAgo).replace(/[-:]/g, '').slice(0, 13) + 'Z';
  writeTrailFile(trail, ACCOUNT, 'eu-west-1', stamp(10), [ssoCall(iso(10), 'maya@example.com'), ssoCall(iso(10), 'omar@example.com', 'amazon.titan-text-express-v1')]);
  const bot = { ...iamUser('legacy-bot'), arn: BOT_ARN, accountId: ACCOUNT };
  writeTrailFile(trail, ACCOUNT, 'eu-west-1', stamp(40), [bedrockRecord(bot, { eventTime: iso(40), recipientAccountId: ACCOUNT }), bedrockRecord(bot, { eventTime: iso(40), recipientAccountId: ACCOUNT, errorCode: 'AccessDenied' })]);
  writeTrailFile(trail, ACCOUNT, 'eu-west-1', stamp(5), [bedrockRecord(roleSession('ci/github-deployer', 'botocore-session-1', { account: ACCOUNT }), { eventTime: iso(5), recipientAccountId: ACCOUNT })]);
  mkdirSync(path.join(directory, 'access-advisor'));
  writeFileSync(
    path.join(directory, 'access-advisor', `${encodeURIComponent(BOT_ARN)}.json`),
    JSON.stringify({ JobStatus: 'COMPLETED', JobType: 'SERVICE_LEVEL', JobCreationDate: iso(0), ServicesLastAccessed: [{ ServiceName: 'Amazon Bedrock', ServiceNamespace: 'bedrock', LastAuthenticated: iso(40), LastAuthenticatedRegion: 'eu-west-1', TotalAuthenticatedEntities: 1 }], JobCompletionDate: iso(0), IsTruncated: false }),
  );
  database = createTestDatabase();
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('offline scan with usage evidence', () => {
  it('stores usage in the scan and serves it per principal and in the export', async () => {
    const outcome = await runScan(database, { kind: 'offline', directory }, { trigger: 'cli', requestedBy: 'test' });
    expect(outcome.status, outcome.problems.join('\n')).toBe('complete');

    const sso = getPrincipalUsage(database, outcome.scanId, SSO_ROLE_ARN);
    expect(sso.hasCloudTrail).toBe(true);
    expect(sso.detail).toMatchObject({ calls: 2, calls30: 2, distinctPeople: 2, deniedCalls: 0 });
    expect(Object.keys(sso.detail.models).sort()).toEqual(['amazon.titan-text-express-v1', 'anthropic.claude-3-haiku-20240307-v1:0']);

    const bot = getPrincipalUsage(database, outcome.scanId, BOT_ARN);
    expect(bot.detail).toMatchObject({ calls: 1, calls30: 0, deniedCalls: 1, standingCredentialCalls: 1 });
    expect(bot.accessAdvisor).toEqual([expect.objectContaining({ serviceNamespace: 'bedrock', actionName: '', lastAuthenticatedRegion: 'eu-west-1' })]);

    const exported = getExportedUsage(database, outcome.scanId);
    expect(exported.provenance).toEqual({ events: 5, attributed: 2, unattributed: 1, byReason: { 'arbitrary-session-name': 1 } });
    expect(exported.byPrincipal.get(BOT_ARN)?.callers).toEqual([expect.objectContaining({ kind: 'iam-user', name: 'legacy-bot', calls: 1 })]);
    expect(exported.emptyUsage).toMatchObject({ windowDays: 90, calls: 0, lastUsed: null, callers: [] });
  });

  it('a second scan imports only the new file, and the snapshot sees both', async () => {
    const iso = new Date(Date.now() - 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
    writeTrailFile(path.join(directory, 'cloudtrail'), ACCOUNT, 'eu-west-1', iso.replace(/[-:]/g, '').slice(0, 13) + 'Z', [ssoCall(iso, 'maya@example.com')], { suffix: 'NEWDAY' });
    const outcome = await runScan(database, { kind: 'offline', directory }, { trigger: 'cli', requestedBy: 'test' });
    const imports = database.$client.prepare('SELECT files_read AS read, files_skipped AS skipped FROM usage_imports WHERE scan_id = ?').get(outcome.scanId);
    expect(imports).toEqual({ read: 1, skipped: 3 });
    expect(getPrincipalUsage(database, outcome.scanId, SSO_ROLE_ARN).detail.calls).toBe(3);
  });

  it('the blast radius usage factor reads the usage published before the scan: unknown on the first, used or unused after (#18)', () => {
    const factorsOf = (scanId: number) =>
      (database.$client.prepare('SELECT arn, analysis FROM principals WHERE scan_id = ? AND has_bedrock = 1').all(scanId) as Array<{ arn: string; analysis: string }>).map((row) => ({
        arn: row.arn,
        usage: (JSON.parse(row.analysis) as { blastRadius: { factors: Array<{ id: string; points: number; sentence: string }> } }).blastRadius.factors.find((factor) => factor.id === 'usage'),
      }));
    const [first, second] = (database.$client.prepare('SELECT id FROM scans ORDER BY id').all() as Array<{ id: number }>).map((row) => row.id);
    // The first scan read CloudTrail only after its analysis: nothing was known yet.
    expect(factorsOf(first).every((entry) => entry.usage?.points === 0 && /No CloudTrail usage evidence for it/.test(entry.usage.sentence))).toBe(true);
    const later = factorsOf(second);
    // The SSO role's two calls came from the first scan's import (the new day is imported after this analysis).
    expect(later.find((entry) => entry.arn === SSO_ROLE_ARN)?.usage).toMatchObject({ points: 0, sentence: expect.stringMatching(/^Used Bedrock 2 times in the last 90 days, last on \d{4}-\d{2}-\d{2}: 0 of 5 points\.$/) });
    const unused = later.filter((entry) => entry.usage?.points === 5);
    expect(unused.length).toBeGreaterThan(0);
    for (const entry of unused) expect(entry.usage?.sentence).toBe('Holds standing Bedrock access that CloudTrail shows unused for 90 days: 5 of 5 points.');
    expect(unused.map((entry) => entry.arn)).not.toContain(SSO_ROLE_ARN);
    expect(unused.map((entry) => entry.arn)).not.toContain(BOT_ARN);
  });

});
