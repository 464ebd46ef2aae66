import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-database';
import { scans, usageDaily, usageImports } from '../schema';
import type { AppDatabase } from '../client';
import { getUsageForScoring } from './usage-for-scoring';

function scan(database: AppDatabase, isPublished: boolean): number {
  return database.insert(scans).values({ status: 'complete', source: 'offline', trigger: 'cli', queuedAt: '2026-12-01T00:00:00.000Z', finishedAt: '2026-12-01T00:10:00.000Z', isPublished }).returning({ id: scans.id }).get().id;
}

function calls(database: AppDatabase, scanId: number, principalArn: string, day: string, count: number, denied = 0) {
  database
    .insert(usageDaily)
    .values({ scanId, bucketKey: `${principalArn}|${day}|${count}|${denied}`, accountId: '111111111111', principalArn, action: 'bedrock:InvokeModel', modelId: 'anthropic.claude-3-haiku-20240307-v1:0', region: 'us-east-1', day, callerKind: 'workload', callerName: 'x', callerUserId: '', callerBasis: 'session-name', unattributedReason: '', credential: 'session', isStandingCredential: false, calls: count, deniedCalls: denied, lastCallAt: count > 0 ? `${day}T10:00:00Z` : null, lastDeniedAt: denied > 0 ? `${day}T11:00:00Z` : null })
    .run();
}

const ROLE = 'arn:aws:iam::111111111111:role/app';
const asOf = new Date('2026-12-07T00:00:00Z');

describe('getUsageForScoring', () => {
  it('is null before any published scan read CloudTrail (unknown, not unused)', () => {
    const database = createTestDatabase();
    expect(getUsageForScoring(database, asOf, 90)).toBeNull();
    scan(database, true);
    expect(getUsageForScoring(database, asOf, 90)).toBeNull();
  });

  it('sums successful calls of the published scans in the window ending at the new scan; denied attempts and unpublished scans do not count', () => {
    const database = createTestDatabase();
    const first = scan(database, true);
    database.insert(usageImports).values({ scanId: first, source: 'offline', filesRead: 2 }).run();
    calls(database, first, ROLE, '2026-11-30', 4);
    calls(database, first, ROLE, '2026-08-01', 9); // older than 90 days before 2026-12-07
    calls(database, first, 'arn:aws:iam::111111111111:role/denied', '2026-11-30', 0, 3);
    const running = scan(database, false);
    calls(database, running, ROLE, '2026-12-06', 100);
    const evidence = getUsageForScoring(database, asOf, 90);
    expect(evidence?.windowDays).toBe(90);
    expect([...(evidence?.byPrincipal ?? [])]).toEqual([[ROLE, { calls: 4, lastUsed: '2026-11-30T10:00:00Z' }]]);
  });
});
