import { describe, expect, it } from 'vitest';
import { summarizeProvenance, summarizeUsage, toExportedUsage, windowStartDay, type UsageRow } from './summarize-usage';

const asOf = new Date('2026-10-31T12:00:00Z');

function row(overrides: Partial<UsageRow>): UsageRow {
  return { action: 'bedrock:InvokeModel', modelId: 'anthropic.claude-3-haiku-20240307-v1:0', day: '2026-10-30', callerKind: 'person', callerName: 'jane@example.com', callerUserId: '', unattributedReason: '', isStandingCredential: false, calls: 1, deniedCalls: 0, lastCallAt: '2026-10-30T10:00:00Z', lastDeniedAt: null, ...overrides };
}

describe('summarizeUsage', () => {
  it('windows by day, keeps denied attempts out of use, and orders callers by calls', () => {
    const detail = summarizeUsage(
      [
        row({ calls: 3 }),
        row({ day: '2026-09-01', calls: 2, lastCallAt: '2026-09-01T08:00:00Z', callerKind: 'workload', callerName: 'repo:org/evals' }),
        row({ day: '2026-07-01', calls: 50, lastCallAt: '2026-07-01T08:00:00Z' }), // before the 90-day window
        row({ modelId: 'amazon.titan-text-express-v1', calls: 0, deniedCalls: 4, lastCallAt: null, lastDeniedAt: '2026-10-29T00:00:00Z' }),
        row({ action: 'bedrock:ListFoundationModels', modelId: '', day: '2026-10-31', calls: 1, callerKind: 'iam-user', callerName: 'shared-bot', isStandingCredential: true, lastCallAt: '2026-10-31T09:00:00Z' }),
      ],
      asOf,
      90,
    );
    expect(detail).toMatchObject({ windowDays: 90, calls: 6, deniedCalls: 4, calls30: 4, deniedCalls30: 4, lastUsed: '2026-10-31T09:00:00Z', lastDenied: '2026-10-29T00:00:00Z', standingCredentialCalls: 1, distinctPeople: 1, distinctWorkloads: 1 });
    expect(detail.actions).toEqual({ 'bedrock:InvokeModel': { calls: 5, lastUsed: '2026-10-30T10:00:00Z' }, 'bedrock:ListFoundationModels': { calls: 1, lastUsed: '2026-10-31T09:00:00Z' } });
    expect(Object.keys(detail.models)).toEqual(['anthropic.claude-3-haiku-20240307-v1:0']);
    expect(detail.callers.map((caller) => [caller.kind, caller.name, caller.calls])).toEqual([
      ['person', 'jane@example.com', 3],
      ['workload', 'repo:org/evals', 2],
      ['iam-user', 'shared-bot', 1],
    ]);
    expect(detail.daily).toHaveLength(90);
    expect(detail.daily[0]?.day).toBe(windowStartDay(asOf, 90));
    expect(detail.daily.at(-1)).toEqual({ day: '2026-10-31', calls: 1, deniedCalls: 0 });
    expect(Object.keys(toExportedUsage(detail)).sort()).toEqual(['actions', 'callers', 'calls', 'deniedCalls', 'lastUsed', 'models', 'windowDays']);
  });

  it('no rows: unused, a zero chart', () => {
    const detail = summarizeUsage([], asOf, 30);
    expect(detail).toMatchObject({ calls: 0, lastUsed: null, callers: [] });
    expect(detail.daily.every((day) => day.calls === 0)).toBe(true);
  });
});

describe('summarizeProvenance', () => {
  it('person and workload are attributed; IAM users are neither; reasons are counted', () => {
    expect(
      summarizeProvenance([
        { callerKind: 'person', unattributedReason: '', events: 5 },
        { callerKind: 'workload', unattributedReason: '', events: 3 },
        { callerKind: 'iam-user', unattributedReason: '', events: 2 },
        { callerKind: 'unattributed', unattributedReason: 'arbitrary-session-name', events: 4 },
        { callerKind: 'unattributed', unattributedReason: 'root-user', events: 1 },
      ]),
    ).toEqual({ events: 15, attributed: 8, unattributed: 5, byReason: { 'arbitrary-session-name': 4, 'root-user': 1 } });
  });
});
