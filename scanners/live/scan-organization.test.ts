import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OrganizationFile, RawCredentialFile } from '../raw-types';
import { startLocalAws, type LocalAwsHandle } from '../local-aws/start-local-aws';
import type { FaultConfigInput } from '../local-aws/faults';
import { liveScanConfigSchema } from './config';
import { OrganizationFetchError, ScanCancelledError } from './errors';
import { fetchOrganizationLive, type FetchOrganizationLiveOptions, type LiveAccountResult } from './scan-organization';
import { normalise, sortBy } from './test-support/normalise';

const FIXTURE = path.join(__dirname, '../local-aws/fixtures/org');
const DEMO = path.join(__dirname, '../../demo/org');
const ROLE = 'bedrock-access-review-scanner';
const readJson = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;

// Short delays so throttling storms and the credential-report poll stay fast in tests.
const OPTIONS: FetchOrganizationLiveOptions = {
  credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' },
  retry: { baseDelayMs: 2, throttlingBaseDelayMs: 5, maxDelayMs: 40 },
  credentialReport: { pollIntervalMs: 5, maxWaitMs: 2_000 },
  iamPageSize: 3,
  organizationsPageSize: 2,
};

let aws: LocalAwsHandle | null = null;
afterEach(async () => {
  await aws?.stop();
  aws = null;
});

async function scanFixture(faults: FaultConfigInput = {}, overrides: Record<string, unknown> = {}, options: FetchOrganizationLiveOptions = {}) {
  aws = await startLocalAws({ dataDir: FIXTURE, port: 0, faults });
  const config = liveScanConfigSchema.parse({
    managementAccountId: '111111111111',
    readOnlyRoleName: ROLE,
    externalId: 'review-2024',
    concurrency: 2,
    endpointOverrides: { iam: aws.url, sts: aws.url, organizations: aws.url, bedrock: aws.url },
    ...overrides,
  });
  return fetchOrganizationLive(config, { ...OPTIONS, ...options });
}

function byId(accounts: LiveAccountResult[]) {
  return Object.fromEntries(accounts.map((account) => [account.accountId, account]));
}

function normaliseOrganization(file: OrganizationFile) {
  return {
    organization: file.organization,
    roots: sortBy(file.roots, 'id'),
    organizationalUnits: sortBy(file.organizationalUnits, 'id'),
    accounts: sortBy(file.accounts, 'id'),
    policies: sortBy(file.policies, 'id').map((policy) => ({ ...policy, content: typeof policy.content === 'string' ? (JSON.parse(policy.content) as unknown) : policy.content, targetIds: [...policy.targetIds].sort() })),
  };
}

function normaliseCredentials(file: RawCredentialFile) {
  return normalise(sortBy(file.users, 'userName'));
}

/** The credential report has no key ids: the scanner numbers a user's keys `key 1`, `key 2` in creation order, as the report's slots. */
function withReportKeyIds(file: RawCredentialFile): RawCredentialFile {
  return {
    ...file,
    users: file.users.map((user) => ({ ...user, accessKeys: sortBy(user.accessKeys, 'createDate').map((key, index) => ({ ...key, accessKeyId: `key ${index + 1}` })) })),
  };
}

describe('fetchOrganizationLive against the local endpoint', () => {
  it('returns the organisation file and every account in the offline shapes; a role that does not trust us fails only its account', async () => {
    const done: Array<[string, string, number]> = [];
    const result = await scanFixture({}, {}, { onAccountDone: (account, progress) => done.push([account.accountId, account.status, progress.done]) });
    expect(normaliseOrganization(result.organization)).toEqual(normaliseOrganization(readJson<OrganizationFile>(path.join(FIXTURE, 'organization.json'))));
    const accounts = byId(result.accounts);
    expect(result.accounts.map((account) => [account.accountId, account.status])).toEqual([['111111111111', 'ok'], ['222222222222', 'ok'], ['333333333333', 'ok'], ['444444444444', 'failed']]);
    for (const accountId of ['111111111111', '222222222222', '333333333333']) {
      const account = accounts[accountId];
      if (account.status !== 'ok') throw new Error(`${accountId} failed`);
      expect(normalise(account.details)).toEqual(normalise(readJson(path.join(FIXTURE, `${accountId}.json`))));
    }
    const mlProd = accounts['222222222222'];
    if (mlProd.status !== 'ok') throw new Error('222222222222 failed');
    expect(mlProd.credentials.accountId).toBe('222222222222');
    expect(mlProd.warnings).toEqual([]);
    const expected = withReportKeyIds(readJson<RawCredentialFile>(path.join(FIXTURE, 'credentials/222222222222.json')));
    expect((normaliseCredentials(mlProd.credentials) as Array<{ userName: string }>).filter((user) => expected.users.some((candidate) => candidate.userName === user.userName))).toEqual(normaliseCredentials(expected));
    expect(mlProd.credentials.users.find((user) => user.userName === 'analyst')).toEqual({ userName: 'analyst', passwordEnabled: false, passwordLastUsed: null, mfaActive: false, accessKeys: [], serviceSpecificCredentials: [] });
    const failed = accounts['444444444444'];
    expect(failed.status === 'failed' && failed.error).toMatch(/^AssumeRole failed: cannot assume arn:aws:iam::444444444444:role\/bedrock-access-review-scanner: AccessDenied: User: .* is not authorized/);

    const assumeCalls = aws?.callLog.filter((entry) => entry.action === 'AssumeRole') ?? [];
    expect(assumeCalls.map((entry) => String(entry.params.RoleArn).split(':')[4]).sort()).toEqual(['222222222222', '333333333333', '444444444444']);
    expect(assumeCalls.every((entry) => entry.params.RoleSessionName === 'bedrock-access-review' && entry.params.ExternalId === 'review-2024')).toBe(true);
    expect(aws?.callLog.filter((entry) => entry.action === 'GetAccountAuthorizationDetails' && entry.accountId === '222222222222')).toHaveLength(4); // 12 entities, pages of 3
    expect(done.map(([, , count]) => count)).toEqual([1, 2, 3, 4]);

    // Access keys come from the credential report; Bedrock API keys in one call per account, filtered to Bedrock.
    const actions = new Set(aws?.callLog.map((entry) => entry.action));
    expect(actions.has('ListAccessKeys') || actions.has('GetAccessKeyLastUsed')).toBe(false);
    const apiKeyCalls = aws?.callLog.filter((entry) => entry.action === 'ListServiceSpecificCredentials') ?? [];
    expect(apiKeyCalls.length).toBeGreaterThan(0);
    expect(apiKeyCalls.every((entry) => entry.params.ServiceName === 'bedrock.amazonaws.com' && entry.params.AllUsers === 'true')).toBe(true);
    expect(new Set(apiKeyCalls.map((entry) => entry.accountId)).size).toBe(apiKeyCalls.length);
  });

  it('reads credential facts user by user, with a warning, when the credential report is denied', async () => {
    const denyReport = Array.from({ length: 10 }, (_, index) => ({ action: 'GenerateCredentialReport', nth: index + 1, error: 'AccessDenied' as const }));
    const result = await scanFixture({ failCallNumber: denyReport });
    const mlProd = byId(result.accounts)['222222222222'];
    if (mlProd.status !== 'ok') throw new Error(`222222222222 failed: ${mlProd.error}`);
    expect(mlProd.warnings).toEqual([expect.stringMatching(/^account 222222222222: the credential report could not be had \(AccessDenied: .*\); credential facts were read user by user$/)]);
    // Per-user calls return the real key ids.
    const expected = readJson<RawCredentialFile>(path.join(FIXTURE, 'credentials/222222222222.json'));
    expect((normaliseCredentials(mlProd.credentials) as Array<{ userName: string }>).filter((user) => expected.users.some((candidate) => candidate.userName === user.userName))).toEqual(normaliseCredentials(expected));
    expect(mlProd.credentials.users.find((user) => user.userName === 'analyst')).toEqual({ userName: 'analyst', passwordEnabled: false, passwordLastUsed: null, mfaActive: false, accessKeys: [], serviceSpecificCredentials: [] });
    expect(aws?.callLog.some((entry) => entry.action === 'GetCredentialReport')).toBe(false);
  });

  it('records an account whose AssumeRole is refused as failed and leaves skipped accounts out', async () => {
    const result = await scanFixture({ denyAssumeRoleForAccounts: ['333333333333'] }, { skipAccountIds: ['222222222222'] });
    expect(result.accounts.map((account) => [account.accountId, account.status])).toEqual([['111111111111', 'ok'], ['333333333333', 'failed'], ['444444444444', 'failed']]);
    expect(aws?.callLog.some((entry) => entry.accountId === '222222222222')).toBe(false);
  });

  it('survives a throttling storm (every 2nd call) through retries with backoff', async () => {
    // Half of all calls throttled, from two accounts at once: a call's retries can land on throttled
    // numbers several times running, so this storm gets more attempts than the default (a production
    // storm is rarely this regular; the point is that retries with backoff get through it).
    const result = await scanFixture({ throttleEveryNthCall: 2 }, { maxAttempts: 12 });
    // A failure says why (the error), not only which account.
    const notOk = result.accounts.filter((account) => account.status !== 'ok' && account.accountId !== '444444444444');
    expect(notOk.map((account) => `${account.accountId}: ${account.status === 'failed' ? account.error : account.status}`)).toEqual([]);
    expect(result.accounts.filter((account) => account.status === 'ok').map((account) => account.accountId)).toEqual(['111111111111', '222222222222', '333333333333']);
    const throttled = aws?.callLog.filter((entry) => entry.fault === 'throttle') ?? [];
    expect(throttled.length).toBeGreaterThan(10);
    // Bedrock: the controls reads (issue #20) are throttled and retried like the rest.
    expect(new Set(throttled.map((entry) => entry.service))).toEqual(new Set(['iam', 'sts', 'organizations', 'bedrock']));
    // The Bedrock API key listing is retried like every other call.
    expect(throttled.some((entry) => entry.action === 'ListServiceSpecificCredentials')).toBe(true);
  });

  it('never runs more accounts at once than the concurrency limit, and latency only slows it down', async () => {
    const result = await scanFixture({ latencyMs: 15 }, { concurrency: 2 });
    expect(result.accounts.filter((account) => account.status === 'ok')).toHaveLength(3);
    expect(aws?.peakInFlight).toBe(2);
  });

  it('turns a truncated or malformed answer into a clear failure of that account, not a crash', async () => {
    const truncated = await scanFixture({ truncateResponseForActions: ['GetAccountAuthorizationDetails'] });
    const failure = byId(truncated.accounts)['222222222222'];
    expect(failure.status === 'failed' && failure.error).toMatch(/^GetAccountAuthorizationDetails failed: .*XML parse error/);
    await aws?.stop();
    const malformed = await scanFixture({ malformedResponseForActions: ['GetCredentialReport'] });
    expect(malformed.accounts.map((account) => account.status)).toEqual(['failed', 'failed', 'failed', 'failed']);
    const reportFailure = byId(malformed.accounts)['333333333333'];
    expect(reportFailure.status === 'failed' && reportFailure.error).toMatch(/^Credential report failed: .*XML parse error/);
  });

  it('fails only the account whose call the endpoint refuses', async () => {
    const result = await scanFixture({ failCallNumber: { action: 'GetAccountAuthorizationDetails', nth: 2, error: 'AccessDenied' } }, { concurrency: 1, maxAttempts: 3 }, { iamPageSize: 100 });
    expect(result.accounts.map((account) => account.status)).toEqual(['ok', 'failed', 'ok', 'failed']);
    const failure = byId(result.accounts)['222222222222'];
    expect(failure.status === 'failed' && failure.error).toMatch(/AccessDenied.*injected fault.*HTTP 403/);
  });

  it('refuses to scan when the credentials manage another organisation, and stops when cancelled', async () => {
    await expect(scanFixture({}, { managementAccountId: '999999999999' })).rejects.toThrow(OrganizationFetchError);
    await aws?.stop();
    const controller = new AbortController();
    controller.abort();
    await expect(scanFixture({}, {}, { signal: controller.signal })).rejects.toThrow();
    await aws?.stop();
    const running = new AbortController();
    await expect(scanFixture({}, { concurrency: 1 }, { signal: running.signal, onAccountDone: () => running.abort() })).rejects.toThrow(ScanCancelledError);
  });
});

describe.skipIf(!existsSync(path.join(DEMO, 'organization.json')))('live fetch of the demo organisation', () => {
  it('returns, for every account, exactly the offline files once documents are URL-decoded', async () => {
    // The demo scanner runs as a role of the security account that every read-only role trusts.
    aws = await startLocalAws({ dataDir: DEMO, port: 0, baseIdentityArn: 'arn:aws:iam::318274650192:role/access-review-scanner' });
    const organizationFile = readJson<OrganizationFile>(path.join(DEMO, 'organization.json'));
    const config = liveScanConfigSchema.parse({
      managementAccountId: organizationFile.organization.managementAccountId,
      readOnlyRoleName: 'security/BedrockAccessReviewReadOnly',
      concurrency: 8,
      endpointOverrides: { iam: aws.url, sts: aws.url, organizations: aws.url, bedrock: aws.url },
    });
    const result = await fetchOrganizationLive(config, { ...OPTIONS, iamPageSize: 10, organizationsPageSize: undefined });
    expect(normaliseOrganization(result.organization)).toEqual(normaliseOrganization(organizationFile));
    expect(result.accounts.filter((account) => account.status === 'failed')).toEqual([]);
    const detailFiles = readdirSync(DEMO).filter((name) => /^\d{12}\.json$/.test(name));
    expect(result.accounts.map((account) => `${account.accountId}.json`).sort()).toEqual(detailFiles.sort());
    for (const account of result.accounts) {
      if (account.status !== 'ok') continue;
      expect(normalise(account.details), account.accountId).toEqual(normalise(readJson(path.join(DEMO, `${account.accountId}.json`))));
      const credentialsFile = path.join(DEMO, 'credentials', `${account.accountId}.json`);
      if (!existsSync(credentialsFile)) continue;
      const expected = withReportKeyIds(readJson<RawCredentialFile>(credentialsFile));
      const live = normaliseCredentials(account.credentials) as Array<{ userName: string }>;
      const reported = new Set(account.details.UserDetailList.map((user) => user.UserName));
      expect(live.filter((user) => expected.users.some((candidate) => candidate.userName === user.userName)), account.accountId).toEqual(normaliseCredentials({ ...expected, users: expected.users.filter((user) => reported.has(user.userName)) }));
    }
  });
});
