import { describe, expect, it } from 'vitest';
import { toCsvCell, toCsvLine } from './csv';

describe('csv', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    [null, ''],
  ])('%s -> %s', (input, expected) => {
    expect(toCsvCell(input)).toBe(expected);
  });

  it('leaves numbers alone and ends lines with CRLF', () => {
    expect(toCsvLine(['a', -5, 3])).toBe('a,-5,3\r\n');
  });
});
