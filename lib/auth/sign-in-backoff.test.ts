import { describe, expect, it } from 'vitest';
import { backoffRemainingMs, DEFAULT_BACKOFF_POLICY } from './sign-in-backoff';

describe('backoffRemainingMs', () => {
  const policy = DEFAULT_BACKOFF_POLICY;
  it('lets the free failures through', () => {
    expect(backoffRemainingMs(0, null, 1000)).toBe(0);
    expect(backoffRemainingMs(policy.freeFailures, 1000, 1000)).toBe(0);
  });

  it('doubles the wait with each failure beyond the free ones, up to the cap', () => {
    const waits = [1, 2, 3, 4, 5, 12, 40].map((extra) => backoffRemainingMs(policy.freeFailures + extra, 0, 0));
    expect(waits.slice(0, 5)).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(waits[5]).toBe(policy.maxDelayMs);
    expect(waits[6]).toBe(policy.maxDelayMs);
  });

  it('counts from the last failure', () => {
    expect(backoffRemainingMs(policy.freeFailures + 3, 10_000, 12_500)).toBe(1500);
    expect(backoffRemainingMs(policy.freeFailures + 3, 10_000, 14_000)).toBe(0);
  });
});
