import { describe, expect, it } from 'vitest';
import { buildCsv, escapeCsvCell } from '../campaigns/csv';
import { neutraliseFormula, toCsvCell, toCsvLine } from './csv';

describe('csv', () => {
  it.each([
    ['plain', '"plain"'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['+1', `"'+1"`],
    ['-2', `"'-2"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tTAB', `"'\tTAB"`],
    ['\r=1+1', `"'\r=1+1"`],
    [null, '""'],
    ['', '""'],
  ])('%j -> %s (every cell quoted)', (input, expected) => {
    expect(toCsvCell(input)).toBe(expected);
  });

  it.each([
    // Leading whitespace does not hide a formula: spreadsheets trim it before parsing.
    [' =1+1', " '=1+1"],
    ['   @SUM(A1)', "   '@SUM(A1)"],
    ['\n=cmd', "\n'=cmd"],
    ['\u00a0+1', "\u00a0'+1"],
    // In locales whose list separator is `;`, each `;` starts a new cell.
    ['ok;=HYPERLINK("http://evil")', `ok;'=HYPERLINK("http://evil")`],
    ['a; -1+cmd|x', "a; '-1+cmd|x"],
    ['a;b;@x', "a;b;'@x"],
    ['nothing;to see', 'nothing;to see'],
    ['keep until 2030-01-01', 'keep until 2030-01-01'],
  ])('neutralises %j after trimming and at every ;', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it('quotes numbers and booleans too, and never treats them as formulas', () => {
    expect(toCsvLine(['a', -5, 3, true])).toBe('"a","-5","3","true"\r\n');
  });

  it('is the one rule behind campaign evidence CSV', () => {
    expect(escapeCsvCell(' =1+1')).toBe(`" '=1+1"`);
    expect(buildCsv([{ header: 'name', value: (row: { name: string }) => row.name }], [{ name: 'a;=1' }])).toBe(`"name"\r\n"a;'=1"\r\n`);
  });
});
