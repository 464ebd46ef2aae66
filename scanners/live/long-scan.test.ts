import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAwsHandle } from '../local-aws/start-local-aws';
import type { AssumedCredentials } from './assume-role';
import { createStsClient, type ClientSettings } from './aws-clients';
import { GenerateCredentialReportCommand, GetCredentialReportCommand, IAMClient } from '@aws-sdk/client-iam';
import { assumeRole } from './assume-role';
import { fetchAccount } from './fetch-account';
import { fetchCredentialReport } from './fetch-credentials';
import { createRefreshingCredentials } from './refreshing-credentials';

const FIXTURE = path.join(__dirname, '../local-aws/fixtures/org');

describe('createRefreshingCredentials', () => {
  it('keeps credentials until they come within the margin of their expiry, then assumes again once for all callers', async () => {
    let clock = 0;
    let calls = 0;
    const obtain = async (): Promise<AssumedCredentials> => {
      calls += 1;
      return { accessKeyId: `ASIA${calls}`, secretAccessKey: 's', sessionToken: 't', expiration: new Date(clock + 3_600_000) };
    };
    const provider = createRefreshingCredentials(obtain, { refreshBeforeMs: 600_000, now: () => clock });
    expect((await provider()).accessKeyId).toBe('ASIA1');
    clock = 2_999_000;
    expect((await provider()).accessKeyId).toBe('ASIA1');
    clock = 3_000_001;
    const [first, second] = await Promise.all([provider(), provider()]);
    expect([first.accessKeyId, second.accessKeyId]).toEqual(['ASIA2', 'ASIA2']);
    expect(calls).toBe(2);
  });
});

describe('a scan that outlasts its session', () => {
  let aws: LocalAwsHandle | null = null;
  afterEach(async () => {
    await aws?.stop();
    aws = null;
  });

  it('assumes the role again before the credentials expire, so no call meets ExpiredToken', async () => {
    // Sessions last 2 s, every answer takes 150 ms, one entity per page: reading the account takes several sessions.
    aws = await startLocalAws({ dataDir: FIXTURE, port: 0, faults: { sessionDurationSeconds: 2, latencyMs: 150 } });
    const settings: ClientSettings = {
      region: 'us-east-1',
      retry: { maxAttempts: 1, baseDelayMs: 2, throttlingBaseDelayMs: 5, maxDelayMs: 40 },
      endpointOverrides: { iam: aws.url, sts: aws.url, organizations: aws.url },
      credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' },
    };
    const sts = createStsClient(settings);
    const startedAt = Date.now();
    const fetched = await fetchAccount({
      accountId: '222222222222',
      useBaseCredentials: false,
      readOnlyRoleName: 'bedrock-access-review-scanner',
      externalId: 'review-2024',
      roleSessionName: 'long-scan',
      settings,
      sts,
      iamPageSize: 1,
      credentialReport: { pollIntervalMs: 5, maxWaitMs: 5_000 },
      credentialRefreshBeforeMs: 1_000,
    });
    sts.destroy();
    expect(Date.now() - startedAt).toBeGreaterThan(2_500);
    expect(fetched.details.UserDetailList.map((user) => user.UserName).sort()).toEqual(['analyst', 'ci-bot', 'ml-dev']);
    const log = aws.callLog;
    expect(log.filter((entry) => entry.action === 'AssumeRole').length).toBeGreaterThanOrEqual(3);
    expect(log.filter((entry) => entry.status === 403)).toEqual([]);
    expect(new Set(log.filter((entry) => entry.service === 'iam').map((entry) => entry.accessKeyId)).size).toBeGreaterThanOrEqual(3);
  }, 30_000);
});

describe('an expired credential report', () => {
  it('is generated again (ReportExpired is retryable), not a failed account', async () => {
    const endpoint = await startLocalAws({ dataDir: FIXTURE, port: 0 });
    try {
      const settings: ClientSettings = { region: 'us-east-1', retry: { maxAttempts: 1 }, endpointOverrides: { iam: endpoint.url, sts: endpoint.url }, credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' } };
      const sts = createStsClient(settings);
      const credentials = await assumeRole(sts, { accountId: '222222222222', roleName: 'bedrock-access-review-scanner', roleSessionName: 'report', externalId: 'review-2024' });
      sts.destroy();
      const iam = new IAMClient({ region: 'us-east-1', endpoint: endpoint.url, maxAttempts: 1, credentials });
      for (let index = 0; index < 3; index += 1) await iam.send(new GenerateCredentialReportCommand({}));
      await iam.send(new GetCredentialReportCommand({}));
      // The report expires between GenerateCredentialReport (COMPLETE) and GetCredentialReport, as a
      // report four hours old does: the scan's first Get (the second overall) is served five hours later.
      const base = Date.now();
      const later = base + 5 * 60 * 60 * 1000;
      endpoint.state.now = () => (endpoint.callLog.filter((entry) => entry.action === 'GetCredentialReport').length === 2 ? later : base);
      for (const session of endpoint.state.sessions.values()) session.expiresAt = later + 3_600_000;
      const rows = await fetchCredentialReport(iam, { pollIntervalMs: 1, maxWaitMs: 5_000 });
      expect(rows.map((row) => row.user)).toContain('ml-dev');
      const actions = endpoint.callLog.map((entry) => `${entry.action}:${entry.status}`);
      expect(actions).toContain('GetCredentialReport:410');
      expect(actions.slice(-1)).toEqual(['GetCredentialReport:200']);
      iam.destroy();
    } finally {
      await endpoint.stop();
    }
  });
});
