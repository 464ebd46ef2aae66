import { describe, expect, it } from 'vitest';
import { runPool } from './promise-pool';

const tick = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe('runPool', () => {
  it('keeps at most `limit` workers running and returns results in input order', async () => {
    let running = 0;
    let peak = 0;
    const results = await runPool([30, 5, 20, 1, 10, 2], 3, async (delay, index) => {
      running += 1;
      peak = Math.max(peak, running);
      await tick(delay);
      running -= 1;
      return index * 10;
    });
    expect(results).toEqual([0, 10, 20, 30, 40, 50]);
    expect(peak).toBe(3);
  });

  it('starts nothing new once the signal aborts, and refuses a bad limit', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    await runPool([1, 2, 3, 4], 1, async (item) => {
      started.push(item);
      if (item === 2) controller.abort();
    }, controller.signal);
    expect(started).toEqual([1, 2]);
    await expect(runPool([1], 0, async () => 1)).rejects.toThrow(RangeError);
  });
});
