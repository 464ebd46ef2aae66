import { describe, expect, it } from 'vitest';
import { callsOfPerson, summarizeItemUsage } from './item-usage-evidence';

const rows = [
  { action: 'bedrock:InvokeModel', callerKind: 'person' as const, callerName: 'jane', callerUserId: '', calls: 5, deniedCalls: 0, lastCallAt: '2026-10-01T00:00:00Z' },
  { action: 'bedrock:InvokeModel', callerKind: 'workload' as const, callerName: 'ci', callerUserId: '', calls: 9, deniedCalls: 1, lastCallAt: '2026-10-03T00:00:00Z' },
  { action: 'bedrock:CreateModelCustomizationJob', callerKind: 'person' as const, callerName: 'sam', callerUserId: '', calls: 0, deniedCalls: 2, lastCallAt: null },
];

describe('summarizeItemUsage', () => {
  it('counts only the item’s own actions, callers by calls', () => {
    expect(summarizeItemUsage(rows, ['bedrock:InvokeModel'], true, 90)).toEqual({ windowDays: 90, calls: 14, deniedCalls: 1, lastUsed: '2026-10-03T00:00:00Z', callers: [{ kind: 'workload', name: 'ci', calls: 9 }, { kind: 'person', name: 'jane', calls: 5 }], callerCount: 2, isUnused: false });
  });
  it('marks no use, with denied attempts, and says unknown without CloudTrail', () => {
    expect(summarizeItemUsage(rows, ['bedrock:CreateModelCustomizationJob'], true, 90)).toMatchObject({ calls: 0, deniedCalls: 2, isUnused: true });
    expect(summarizeItemUsage(rows, ['bedrock:InvokeModel'], false, 90)).toBeNull();
  });
});

describe('callsOfPerson: an assignment item counts the person’s own calls through the role', () => {
  const shared = [
    { action: 'bedrock:InvokeModel', callerKind: 'person' as const, callerName: 'maya@example.com', callerUserId: '9067a1b2-maya', calls: 4, deniedCalls: 0, lastCallAt: '2026-11-02T00:00:00Z' },
    { action: 'bedrock:InvokeModel', callerKind: 'person' as const, callerName: 'liam@example.com', callerUserId: '9067a1b2-liam', calls: 30, deniedCalls: 0, lastCallAt: '2026-11-05T00:00:00Z' },
    // A session whose user id was not resolved: matched by the name it carries, in any case.
    { action: 'bedrock:Converse', callerKind: 'person' as const, callerName: 'Maya@Example.com', callerUserId: '', calls: 2, deniedCalls: 1, lastCallAt: '2026-11-03T00:00:00Z' },
    // A workload or an IAM user of the same name is never the person.
    { action: 'bedrock:InvokeModel', callerKind: 'workload' as const, callerName: 'maya@example.com', callerUserId: '', calls: 50, deniedCalls: 0, lastCallAt: '2026-11-06T00:00:00Z' },
  ];
  const maya = { userId: '9067a1b2-maya', userName: 'maya@example.com', email: 'maya@example.com' };

  it('keeps the calls attributed to the person by id, or by name where the id was not resolved', () => {
    expect(callsOfPerson(shared, maya).map((row) => row.calls)).toEqual([4, 2]);
    expect(summarizeItemUsage(callsOfPerson(shared, maya), ['bedrock:InvokeModel', 'bedrock:Converse'], true, 90)).toMatchObject({ calls: 6, deniedCalls: 1, lastUsed: '2026-11-03T00:00:00Z', isUnused: false });
  });

  it('a person who made no call through a role others use is unused there', () => {
    const sam = { userId: '9067a1b2-sam', userName: 'sam', email: null };
    expect(summarizeItemUsage(callsOfPerson(shared, sam), ['bedrock:InvokeModel'], true, 90)).toMatchObject({ calls: 0, isUnused: true });
  });
});
