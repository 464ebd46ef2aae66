import { describe, expect, it } from 'vitest';
import { parseDriftQuery } from './search-params';

describe('parseDriftQuery', () => {
  it('reads two positive scan ids, the first of repeated keys', () => {
    expect(parseDriftQuery({ from: '3', to: ['7', '9'] })).toEqual({ from: 3, to: 7 });
  });

  it('leaves a missing or unreadable id absent so the page picks its default', () => {
    for (const value of [undefined, '', '0', '-2', '2.5', 'abc', '1e400', '9007199254740993']) {
      expect(parseDriftQuery({ from: value, to: '4' })).toEqual({ from: null, to: 4 });
    }
  });
});
