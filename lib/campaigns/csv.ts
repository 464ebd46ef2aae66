/**
 * CSV for evidence files (RFC 4180). A cell that a spreadsheet would read as a formula (starting
 * with =, +, -, @, tab or carriage return) is prefixed with a single quote, because justifications
 * and principal names are typed by people and could carry `=HYPERLINK(...)` into an auditor's Excel.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeCsvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | null | undefined;
}

/** Header line and one line per row, CRLF line ends (what spreadsheets expect). */
export function buildCsv<Row>(columns: readonly CsvColumn<Row>[], rows: Iterable<Row>): string {
  const lines = [columns.map((column) => escapeCsvCell(column.header)).join(',')];
  for (const row of rows) lines.push(columns.map((column) => escapeCsvCell(column.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
