/**
 * CSV cells for spreadsheets: RFC 4180 quoting, and formula-injection protection (a cell that
 * starts with = + - @, or a tab / carriage return, is prefixed with ' so Excel and Sheets show
 * it as text instead of running it).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function toCsvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsvLine(values: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return `${values.map(toCsvCell).join(',')}\r\n`;
}
