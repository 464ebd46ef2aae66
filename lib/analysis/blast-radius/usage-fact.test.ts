import { describe, expect, it } from 'vitest';
import { usageFactOf } from './usage-fact';

const now = new Date('2026-12-07T00:00:00Z');
const evidence = { windowDays: 90, byPrincipal: new Map([['arn:aws:iam::111111111111:role/used', { calls: 7, lastUsed: '2026-12-01T09:00:00Z' }]]) };

describe('usageFactOf', () => {
  it('is null without CloudTrail evidence: unknown, never unused', () => {
    expect(usageFactOf(null, 'arn:aws:iam::111111111111:role/used', '2020-01-01T00:00:00Z', now)).toBeNull();
  });

  it('reads the calls of the principal, and none for a principal the evidence does not list', () => {
    expect(usageFactOf(evidence, 'arn:aws:iam::111111111111:role/used', '2020-01-01T00:00:00Z', now)).toEqual({ windowDays: 90, calls: 7, lastUsed: '2026-12-01T09:00:00Z', ageDays: 2532 });
    expect(usageFactOf(evidence, 'arn:aws:iam::111111111111:role/idle', '2026-11-27T12:00:00Z', now)).toEqual({ windowDays: 90, calls: 0, lastUsed: null, ageDays: 9 });
  });

  it('an unreadable creation date is old enough to judge', () => {
    expect(usageFactOf(evidence, 'arn:aws:iam::111111111111:role/idle', 'not a date', now)?.ageDays).toBeGreaterThan(90);
  });
});
