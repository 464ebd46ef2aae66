import { describe, expect, it } from 'vitest';
import { FaultController } from './faults';

/** Runs `attempts` of one request and says which were throttled. */
function attemptsOf(faults: FaultController, key: string, attempts: number): boolean[] {
  return Array.from({ length: attempts }, () => faults.registerCall('ListAccountAssignments', key).kind === 'throttle');
}

describe('throttleEveryNthCall', () => {
  it('throttles about one call in n over all requests', () => {
    const faults = new FaultController({ throttleEveryNthCall: 3 });
    const decisions = Array.from({ length: 300 }, (_, index) => faults.registerCall('ListRoles', `request-${index}`).kind);
    expect(decisions.filter((kind) => kind === 'throttle')).toHaveLength(100);
  });

  it('lets the retry of a throttled request pass, however many calls arrive in between', () => {
    const faults = new FaultController({ throttleEveryNthCall: 3 });
    faults.registerCall('ListRoles', 'a');
    faults.registerCall('ListRoles', 'b');
    // The third call is throttled; two other requests arrive before its retry, as under concurrency.
    expect(faults.registerCall('ListAccountAssignments', 'unlucky').kind).toBe('throttle');
    faults.registerCall('ListRoles', 'c');
    faults.registerCall('ListRoles', 'd');
    // Counted globally, this retry would be call 6, a multiple of 3, and be throttled again.
    expect(faults.registerCall('ListAccountAssignments', 'unlucky').kind).toBe('none');
  });

  it('throttles every attempt when n is 1, so tests still see retries run out', () => {
    const faults = new FaultController({ throttleEveryNthCall: 1 });
    expect(attemptsOf(faults, 'same', 5)).toEqual([true, true, true, true, true]);
  });

  it('numbers a request afresh once it has passed, and restarts when the faults change', () => {
    const faults = new FaultController({ throttleEveryNthCall: 2 });
    expect(attemptsOf(faults, 'same', 3)).toEqual([false, true, false]);
    expect(attemptsOf(faults, 'same', 1)).toEqual([true]);
    faults.set({ throttleEveryNthCall: 2 });
    expect(attemptsOf(faults, 'same', 2)).toEqual([false, true]);
  });
});
