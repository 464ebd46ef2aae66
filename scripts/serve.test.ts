import { describe, expect, it } from 'vitest';
import { workerCount } from './serve';

describe('workerCount', () => {
  it('defaults to one worker per core', () => {
    expect(workerCount([], {}, 4)).toBe(4);
  });

  it('takes --workers over WEB_WORKERS over the core count', () => {
    expect(workerCount(['--workers', '3'], { WEB_WORKERS: '2' }, 8)).toBe(3);
    expect(workerCount([], { WEB_WORKERS: '2' }, 8)).toBe(2);
  });

  it('refuses a count that is not a whole number of at least 1', () => {
    for (const value of ['0', '-1', '1.5', 'many']) expect(() => workerCount(['--workers', value], {}, 2)).toThrow(/whole number of at least 1/);
  });
});
