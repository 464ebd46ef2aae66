import type { IAMClient } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { CredentialReportTimeoutError } from './errors';
import { accessKeyFromReport, BEDROCK_SERVICE_NAME, fetchCredentialReport, fetchCredentials } from './fetch-credentials';

const HEADER = 'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
const NO_KEY = 'false,N/A,N/A,N/A,N/A';
const REPORT = [
  HEADER,
  `<root_account>,arn:aws:iam::123456789012:root,2020-01-01T00:00:00+00:00,not_supported,N/A,not_supported,not_supported,true,${NO_KEY},${NO_KEY},false,N/A,false,N/A`,
  `alice,arn:aws:iam::123456789012:user/alice,2023-01-01T00:00:00+00:00,true,2024-05-20T08:00:00+00:00,2023-01-01T00:00:00+00:00,N/A,true,true,2023-01-15T10:05:00+00:00,2024-05-21T09:00:00+00:00,us-east-1,bedrock,false,2023-02-15T10:05:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A`,
  `bob,arn:aws:iam::123456789012:user/bob,2023-01-01T00:00:00+00:00,true,no_information,2023-01-01T00:00:00+00:00,N/A,false,${NO_KEY},${NO_KEY},false,N/A,false,N/A`,
  `carol,arn:aws:iam::123456789012:user/carol,2023-01-01T00:00:00+00:00,false,N/A,N/A,N/A,false,${NO_KEY},true,2022-03-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A`,
].join('\n');

interface Call {
  action: string;
  input: Record<string, unknown>;
}

function awsError(name: string, message = name): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** An IAMClient stand-in: `answer` gets the command name without `Command` and its input. */
function fakeIam(answer: (action: string, input: Record<string, unknown>) => unknown): { client: IAMClient; calls: Call[] } {
  const calls: Call[] = [];
  const client = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      const action = command.constructor.name.replace(/Command$/, '');
      calls.push({ action, input: command.input });
      return answer(action, command.input);
    },
  } as unknown as IAMClient;
  return { client, calls };
}

/** A virtual clock whose sleep advances it and records each pause. */
function virtualClock() {
  let time = 0;
  const pauses: number[] = [];
  return {
    pauses,
    wait: {
      now: () => time,
      sleep: async (milliseconds: number) => {
        pauses.push(milliseconds);
        time += milliseconds;
      },
    },
  };
}

describe('access keys from the credential report', () => {
  it('maps both slots, synthesises the ids and leaves out empty slots', () => {
    const row = { access_key_1_active: 'true', access_key_1_last_rotated: '2023-01-15T10:05:00+00:00', access_key_1_last_used_date: '2024-05-21T09:00:00+00:00', access_key_1_last_used_service: 'bedrock', access_key_2_active: 'false', access_key_2_last_rotated: '2023-02-15T10:05:00+00:00', access_key_2_last_used_date: 'N/A', access_key_2_last_used_service: 'N/A' };
    expect(accessKeyFromReport(row, 1)).toEqual({ accessKeyId: 'key 1', status: 'Active', createDate: '2023-01-15T10:05:00+00:00', lastUsedDate: '2024-05-21T09:00:00+00:00', lastUsedService: 'bedrock' });
    expect(accessKeyFromReport(row, 2)).toEqual({ accessKeyId: 'key 2', status: 'Inactive', createDate: '2023-02-15T10:05:00+00:00', lastUsedDate: null, lastUsedService: null });
    expect(accessKeyFromReport({ access_key_1_active: 'false', access_key_1_last_rotated: 'N/A', access_key_1_last_used_date: 'N/A' }, 1)).toBeNull();
    // An active key the row does not date: only ListAccessKeys can describe it.
    expect(accessKeyFromReport({ access_key_1_active: 'true', access_key_1_last_rotated: 'N/A' }, 1)).toBeUndefined();
  });
});

describe('fetchCredentialReport', () => {
  it('polls at 250 ms first and doubles the pause up to 2 s', async () => {
    const clock = virtualClock();
    let generateCalls = 0;
    const { client } = fakeIam((action) => {
      if (action === 'GenerateCredentialReport') return { State: ++generateCalls >= 7 ? 'COMPLETE' : 'STARTED' };
      return { Content: new TextEncoder().encode(REPORT) };
    });
    const rows = await fetchCredentialReport(client, clock.wait);
    expect(rows.map((row) => row.user)).toEqual(['<root_account>', 'alice', 'bob', 'carol']);
    expect(clock.pauses).toEqual([250, 500, 1000, 2000, 2000, 2000]);
  });

  it('keeps polling while GetCredentialReport says the report is not ready, and times out within maxWaitMs', async () => {
    const clock = virtualClock();
    const { client, calls } = fakeIam((action) => {
      if (action === 'GenerateCredentialReport') return { State: 'COMPLETE' };
      throw awsError('ReportInProgress');
    });
    await expect(fetchCredentialReport(client, { ...clock.wait, maxWaitMs: 5_000 })).rejects.toThrow(CredentialReportTimeoutError);
    // 250 + 500 + 1000 + 2000 = 3750, then the last pause is cut to the 1250 ms left.
    expect(clock.pauses).toEqual([250, 500, 1000, 2000, 1250]);
    expect(clock.pauses.reduce((sum, pause) => sum + pause, 0)).toBe(5_000);
    expect(calls.filter((call) => call.action === 'GetCredentialReport')).toHaveLength(6);
  });

  it('fails at once on an error that is not "not ready"', async () => {
    const { client } = fakeIam(() => {
      throw awsError('AccessDenied');
    });
    await expect(fetchCredentialReport(client, virtualClock().wait)).rejects.toThrow(/AccessDenied/);
  });
});

describe('fetchCredentials', () => {
  const bedrockKey = { ServiceSpecificCredentialId: 'ACCAEXAMPLE1', ServiceName: BEDROCK_SERVICE_NAME, Status: 'Active', CreateDate: new Date('2024-04-01T00:00:00Z'), UserName: 'bob' };

  it('takes passwords, MFA and access keys from the report: no ListAccessKeys or GetAccessKeyLastUsed', async () => {
    const { client, calls } = fakeIam((action, input) => {
      if (action === 'GenerateCredentialReport') return { State: 'COMPLETE' };
      if (action === 'GetCredentialReport') return { Content: new TextEncoder().encode(REPORT) };
      if (action === 'ListServiceSpecificCredentials') return { ServiceSpecificCredentials: input.AllUsers === true ? [bedrockKey] : [], IsTruncated: false };
      throw new Error(`unexpected ${action}`);
    });
    const { credentials, warnings } = await fetchCredentials(client, '123456789012', { wait: virtualClock().wait, userNames: ['alice', 'bob', 'carol'] });
    expect(warnings).toEqual([]);
    expect(credentials.users).toEqual([
      {
        userName: 'alice', passwordEnabled: true, passwordLastUsed: '2024-05-20T08:00:00+00:00', mfaActive: true,
        accessKeys: [
          { accessKeyId: 'key 1', status: 'Active', createDate: '2023-01-15T10:05:00+00:00', lastUsedDate: '2024-05-21T09:00:00+00:00', lastUsedService: 'bedrock' },
          { accessKeyId: 'key 2', status: 'Inactive', createDate: '2023-02-15T10:05:00+00:00', lastUsedDate: null, lastUsedService: null },
        ],
        serviceSpecificCredentials: [],
      },
      {
        userName: 'bob', passwordEnabled: true, passwordLastUsed: null, mfaActive: false, accessKeys: [],
        serviceSpecificCredentials: [{ serviceSpecificCredentialId: 'ACCAEXAMPLE1', serviceName: BEDROCK_SERVICE_NAME, status: 'Active', createDate: '2024-04-01T00:00:00+00:00', expirationDate: null }],
      },
      // Only key 2 in use (key 1 deleted): the slot is kept as AWS numbers it.
      { userName: 'carol', passwordEnabled: false, passwordLastUsed: null, mfaActive: false, accessKeys: [{ accessKeyId: 'key 2', status: 'Active', createDate: '2022-03-01T00:00:00+00:00', lastUsedDate: null, lastUsedService: null }], serviceSpecificCredentials: [] },
    ]);
    expect(calls.map((call) => call.action).filter((action) => action === 'ListAccessKeys' || action === 'GetAccessKeyLastUsed')).toEqual([]);
    const apiKeyCalls = calls.filter((call) => call.action === 'ListServiceSpecificCredentials');
    // One call for every user of the account, filtered to Bedrock.
    expect(apiKeyCalls.map((call) => call.input)).toEqual([{ AllUsers: true, ServiceName: BEDROCK_SERVICE_NAME, Marker: undefined }]);
  });

  it('lists Bedrock API keys user by user where the endpoint refuses AllUsers', async () => {
    const { client, calls } = fakeIam((action, input) => {
      if (action === 'GenerateCredentialReport') return { State: 'COMPLETE' };
      if (action === 'GetCredentialReport') return { Content: new TextEncoder().encode(REPORT) };
      if (action === 'ListServiceSpecificCredentials') {
        if (input.AllUsers) throw awsError('ValidationError');
        return { ServiceSpecificCredentials: input.UserName === 'bob' ? [bedrockKey] : [], IsTruncated: false };
      }
      throw new Error(`unexpected ${action}`);
    });
    const { credentials } = await fetchCredentials(client, '123456789012', { wait: virtualClock().wait, userNames: ['alice', 'bob', 'carol'] });
    expect(credentials.users.map((user) => [user.userName, user.serviceSpecificCredentials.length])).toEqual([['alice', 0], ['bob', 1], ['carol', 0]]);
    const apiKeyCalls = calls.filter((call) => call.action === 'ListServiceSpecificCredentials').map((call) => call.input);
    expect(apiKeyCalls).toEqual([{ AllUsers: true, ServiceName: BEDROCK_SERVICE_NAME, Marker: undefined }, ...['alice', 'bob', 'carol'].map((UserName) => ({ UserName, ServiceName: BEDROCK_SERVICE_NAME, Marker: undefined }))]);
  });

  it('falls back to per-user calls, with real key ids and a warning, when the report is denied', async () => {
    const { client, calls } = fakeIam((action, input) => {
      if (action === 'GenerateCredentialReport') throw awsError('AccessDenied', 'not authorized to perform iam:GenerateCredentialReport');
      if (action === 'GetUser') return { User: { UserName: input.UserName, PasswordLastUsed: input.UserName === 'alice' ? new Date('2024-05-20T08:00:00Z') : undefined } };
      if (action === 'GetLoginProfile') {
        if (input.UserName === 'alice') return { LoginProfile: { UserName: 'alice' } };
        throw awsError('NoSuchEntity');
      }
      if (action === 'ListMFADevices') return { MFADevices: input.UserName === 'alice' ? [{ SerialNumber: 'arn:aws:iam::123456789012:mfa/alice' }] : [], IsTruncated: false };
      if (action === 'ListAccessKeys') return { AccessKeyMetadata: input.UserName === 'bob' ? [{ AccessKeyId: 'AKIAEXAMPLEBOB', Status: 'Active', CreateDate: new Date('2023-01-15T10:05:00Z') }] : [], IsTruncated: false };
      if (action === 'GetAccessKeyLastUsed') return { AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' } };
      if (action === 'ListServiceSpecificCredentials') return { ServiceSpecificCredentials: [], IsTruncated: false };
      throw new Error(`unexpected ${action}`);
    });
    const { credentials, warnings } = await fetchCredentials(client, '123456789012', { wait: virtualClock().wait, userNames: ['alice', 'bob'] });
    expect(warnings).toEqual([expect.stringMatching(/^account 123456789012: the credential report could not be had \(AccessDenied: not authorized.*\); credential facts were read user by user$/)]);
    expect(credentials.users).toEqual([
      { userName: 'alice', passwordEnabled: true, passwordLastUsed: '2024-05-20T08:00:00+00:00', mfaActive: true, accessKeys: [], serviceSpecificCredentials: [] },
      { userName: 'bob', passwordEnabled: false, passwordLastUsed: null, mfaActive: false, accessKeys: [{ accessKeyId: 'AKIAEXAMPLEBOB', status: 'Active', createDate: '2023-01-15T10:05:00+00:00', lastUsedDate: null, lastUsedService: null }], serviceSpecificCredentials: [] },
    ]);
    expect(calls.filter((call) => call.action === 'GenerateCredentialReport')).toHaveLength(1);
  });

  it('falls back when the report is not ready in time, and fails on other errors', async () => {
    const notReady = fakeIam((action) => {
      if (action === 'GenerateCredentialReport') return { State: 'STARTED' };
      if (action === 'GetUser') return { User: { UserName: 'bob' } };
      if (action === 'GetLoginProfile') throw awsError('NoSuchEntity');
      if (action === 'ListMFADevices') return { MFADevices: [] };
      if (action === 'ListAccessKeys') return { AccessKeyMetadata: [] };
      return { ServiceSpecificCredentials: [] };
    });
    const slow = await fetchCredentials(notReady.client, '123456789012', { wait: { ...virtualClock().wait, maxWaitMs: 10_000 }, userNames: ['bob'] });
    expect(slow.warnings).toEqual([expect.stringMatching(/CredentialReportTimeoutError: the credential report was not ready after 10 s/)]);
    expect(slow.credentials.users.map((user) => user.userName)).toEqual(['bob']);

    const broken = fakeIam(() => {
      throw awsError('InternalFailure');
    });
    await expect(fetchCredentials(broken.client, '123456789012', { wait: virtualClock().wait, userNames: ['bob'] })).rejects.toThrow(/InternalFailure/);
  });
});
