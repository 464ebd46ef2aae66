import { describe, expect, it } from 'vitest';
import { MAX_PAGE, parsePageParam } from './page-param';

describe('parsePageParam', () => {
  it.each([
    [undefined, 1],
    ['', 1],
    ['3', 3],
    [['4', '9'], 4],
    ['1e308', 1],
    ['-1', 1],
    ['0', 1],
    ['NaN', 1],
    ['Infinity', 1],
    ['2.5', 1],
    ['abc', 1],
    ['9'.repeat(400), 1],
    [String(MAX_PAGE), MAX_PAGE],
    [String(MAX_PAGE + 1), 1],
  ] as const)('%j -> %i', (input, expected) => {
    expect(parsePageParam(input as string | string[] | undefined)).toBe(expected);
  });
});
