import { describe, expect, it } from 'vitest';
import { buildCsv, escapeCsvCell } from './csv';

describe('escapeCsvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    [' padded ', '" padded "'],
  ])('%j -> %s', (input, expected) => expect(escapeCsvCell(input)).toBe(expected));
  it('leaves numbers alone (negative numbers are not formulas) and empties null', () => {
    expect(escapeCsvCell(-5)).toBe('-5');
    expect(escapeCsvCell(null)).toBe('');
    expect(escapeCsvCell(true)).toBe('true');
  });
});

describe('buildCsv', () => {
  it('writes a header and CRLF-terminated rows', () => {
    const csv = buildCsv([{ header: 'name', value: (row: { name: string }) => row.name }], [{ name: 'a' }, { name: 'b,c' }]);
    expect(csv).toBe('name\r\na\r\n"b,c"\r\n');
  });
});
