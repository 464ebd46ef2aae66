import { describe, expect, it } from 'vitest';
import { summarizeItemUsage } from './item-usage-evidence';

const rows = [
  { action: 'bedrock:InvokeModel', callerKind: 'person' as const, callerName: 'jane', calls: 5, deniedCalls: 0, lastCallAt: '2026-10-01T00:00:00Z' },
  { action: 'bedrock:InvokeModel', callerKind: 'workload' as const, callerName: 'ci', calls: 9, deniedCalls: 1, lastCallAt: '2026-10-03T00:00:00Z' },
  { action: 'bedrock:CreateModelCustomizationJob', callerKind: 'person' as const, callerName: 'sam', calls: 0, deniedCalls: 2, lastCallAt: null },
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
