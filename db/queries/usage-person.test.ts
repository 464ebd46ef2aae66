import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-database';
import { identityCenterUsers, scans, usageDaily, usageImports } from '../schema';
import type { AppDatabase } from '../client';
import { getPersonUsage } from './usage-person';
import { getExportedPersonUsage } from './usage-export-people';

const MAYA = '906702fc7c-1b2d4e5f-6a7b-8c9d-0e1f-2a3b4c5d6e7f';
const OMAR = '906702fc7c-aabbccdd-1122-3344-5566-778899aabbcc';
const SSO_ROLE = 'arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Bedrock_Developer_0123456789abcdef';
const OTHER_ROLE = 'arn:aws:iam::222222222222:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Bedrock_Admin_fedcba9876543210';

let bucket = 0;
function row(database: AppDatabase, scanId: number, values: { principalArn: string; callerKind: 'person' | 'workload' | 'iam-user' | 'unattributed'; callerName: string; callerUserId: string; day: string; calls: number; deniedCalls?: number; modelId?: string; action?: string; callerBasis?: string }) {
  bucket += 1;
  database
    .insert(usageDaily)
    .values({
      scanId,
      bucketKey: `b${bucket}`,
      accountId: values.principalArn.split(':')[4],
      principalArn: values.principalArn,
      action: values.action ?? 'bedrock:InvokeModel',
      modelId: values.modelId ?? 'anthropic.claude-3-haiku-20240307-v1:0',
      region: 'eu-west-1',
      day: values.day,
      callerKind: values.callerKind,
      callerName: values.callerName,
      callerUserId: values.callerUserId,
      callerBasis: values.callerBasis ?? (values.callerUserId ? 'on-behalf-of' : 'session-name'),
      unattributedReason: '',
      credential: 'session',
      isStandingCredential: false,
      calls: values.calls,
      deniedCalls: values.deniedCalls ?? 0,
      lastCallAt: values.calls > 0 ? `${values.day}T10:00:00Z` : null,
      lastDeniedAt: values.deniedCalls ? `${values.day}T11:00:00Z` : null,
    })
    .run();
}

function seed() {
  const database = createTestDatabase();
  const scanId = database.insert(scans).values({ status: 'complete', source: 'offline', trigger: 'cli', queuedAt: '2026-12-01T00:00:00.000Z', finishedAt: '2026-12-01T00:10:00.000Z', isPublished: true }).returning({ id: scans.id }).get().id;
  database.insert(usageImports).values({ scanId, source: 'offline', filesRead: 4 }).run();
  row(database, scanId, { principalArn: SSO_ROLE, callerKind: 'person', callerName: 'maya@example.com', callerUserId: MAYA, day: '2026-11-20', calls: 5 });
  row(database, scanId, { principalArn: OTHER_ROLE, callerKind: 'person', callerName: 'maya@example.com', callerUserId: MAYA, day: '2026-11-28', calls: 2, deniedCalls: 1, modelId: 'amazon.titan-text-express-v1', action: 'bedrock:Converse' });
  row(database, scanId, { principalArn: SSO_ROLE, callerKind: 'person', callerName: 'omar@example.com', callerUserId: OMAR, day: '2026-11-25', calls: 7 });
  // The same name without a UserId and not from an Identity Center role session: not joined.
  row(database, scanId, { principalArn: SSO_ROLE, callerKind: 'person', callerName: 'maya@example.com', callerUserId: '', day: '2026-11-26', calls: 40 });
  row(database, scanId, { principalArn: SSO_ROLE, callerKind: 'workload', callerName: 'ci', callerUserId: '', day: '2026-11-26', calls: 9 });
  // Older than the 90-day window before 2026-12-01.
  row(database, scanId, { principalArn: SSO_ROLE, callerKind: 'person', callerName: 'maya@example.com', callerUserId: MAYA, day: '2026-08-01', calls: 11 });
  return { database, scanId };
}

describe('usage per Identity Center person', () => {
  it('sums the calls tied to the UserId across every role, with actions, models, denied attempts and days', () => {
    const { database, scanId } = seed();
    const usage = getPersonUsage(database, scanId, MAYA);
    expect(usage.hasCloudTrail).toBe(true);
    expect(usage.detail).toMatchObject({ windowDays: 90, calls: 7, deniedCalls: 1, lastUsed: '2026-11-28T10:00:00Z', distinctPeople: 1, distinctWorkloads: 0 });
    expect(usage.detail.actions).toEqual({ 'bedrock:InvokeModel': { calls: 5, lastUsed: '2026-11-20T10:00:00Z' }, 'bedrock:Converse': { calls: 2, lastUsed: '2026-11-28T10:00:00Z' } });
    expect(Object.keys(usage.detail.models).sort()).toEqual(['amazon.titan-text-express-v1', 'anthropic.claude-3-haiku-20240307-v1:0']);
    expect(usage.detail.callers).toEqual([{ kind: 'person', name: 'maya@example.com', calls: 7, lastUsed: '2026-11-28T10:00:00Z' }]);
  });

  it('a person with no call has zero use; without CloudTrail the evidence is missing, not zero', () => {
    const { database, scanId } = seed();
    expect(getPersonUsage(database, scanId, '906702fc7c-00000000-0000-0000-0000-000000000000').detail).toMatchObject({ calls: 0, lastUsed: null });
    const empty = createTestDatabase();
    const bare = empty.insert(scans).values({ status: 'complete', source: 'offline', trigger: 'cli', queuedAt: '2026-12-01T00:00:00.000Z', finishedAt: '2026-12-01T00:10:00.000Z', isPublished: true }).returning({ id: scans.id }).get().id;
    expect(getPersonUsage(empty, bare, MAYA).hasCloudTrail).toBe(false);
  });

  it('exports per person the same usage shape as per principal, keyed by UserId', () => {
    const { database, scanId } = seed();
    const byPerson = getExportedPersonUsage(database, scanId);
    expect([...byPerson.keys()].sort()).toEqual([MAYA, OMAR].sort());
    expect(byPerson.get(MAYA)).toEqual({
      windowDays: 90,
      lastUsed: '2026-11-28T10:00:00Z',
      calls: 7,
      deniedCalls: 1,
      actions: { 'bedrock:InvokeModel': { calls: 5, lastUsed: '2026-11-20T10:00:00Z' }, 'bedrock:Converse': { calls: 2, lastUsed: '2026-11-28T10:00:00Z' } },
      models: { 'anthropic.claude-3-haiku-20240307-v1:0': { calls: 5, lastUsed: '2026-11-20T10:00:00Z' }, 'amazon.titan-text-express-v1': { calls: 2, lastUsed: '2026-11-28T10:00:00Z' } },
      callers: [{ kind: 'person', name: 'maya@example.com', calls: 7, lastUsed: '2026-11-28T10:00:00Z' }],
    });
    expect(byPerson.get(OMAR)).toMatchObject({ calls: 7, deniedCalls: 0 });
  });

  it('joins Identity Center role sessions named after the person\'s UserName in the snapshot, and nothing else by name', () => {
    const { database, scanId } = seed();
    database.insert(identityCenterUsers).values({ scanId, userId: MAYA, userName: 'maya@example.com' }).run();
    row(database, scanId, { principalArn: SSO_ROLE, callerKind: 'person', callerName: 'maya@example.com', callerUserId: '', callerBasis: 'identity-center-session', day: '2026-11-29', calls: 3 });
    // The same name established otherwise (a source identity anyone can set) is not her.
    row(database, scanId, { principalArn: OTHER_ROLE, callerKind: 'person', callerName: 'maya@example.com', callerUserId: '', callerBasis: 'source-identity', day: '2026-11-29', calls: 50 });
    expect(getPersonUsage(database, scanId, MAYA).detail).toMatchObject({ calls: 10, lastUsed: '2026-11-29T10:00:00Z' });
    expect(getPersonUsage(database, scanId, OMAR).detail).toMatchObject({ calls: 7 });
    expect(getExportedPersonUsage(database, scanId).get(MAYA)).toMatchObject({ calls: 10, lastUsed: '2026-11-29T10:00:00Z' });
  });
});
