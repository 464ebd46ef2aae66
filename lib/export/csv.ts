/**
 * CSV cells for spreadsheets and evidence files (RFC 4180, CRLF line ends), the one rule for
 * every export. Every cell is quoted, so no content can start another cell or row. Formula
 * injection: a cell that a spreadsheet would read as a formula gets a `'` before the formula
 * character, so Excel, Sheets and LibreOffice show it as text. Spreadsheets trim leading
 * whitespace before parsing (` =1+1` is a formula), and where the list separator is `;`
 * (much of Europe) each `;` starts a new cell, so the rule applies at the start of the cell and
 * after every `;`, after whitespace. Justifications and principal names are typed by people and
 * must not carry `=HYPERLINK(...)` into an auditor's workbook.
 */

// A segment starting with a tab or carriage return (OWASP's list: both can start a formula).
const CONTROL_START = /(^|;)(?=[\t\r])/g;
// A segment whose first non-whitespace character starts a formula (fullwidth forms included:
// some East Asian locales of Excel accept them).
const FORMULA_START = /(^|;)(\s*)(?=[=+\-@\uff1d\uff0b\uff0d\uff20])/g;

/** The text with a `'` before every formula start (cell start and after each `;`, after whitespace). */
export function neutraliseFormula(text: string): string {
  return text.replace(CONTROL_START, "$1'").replace(FORMULA_START, "$1$2'");
}

/** One quoted cell. Numbers and booleans are never formulas; null is an empty cell. */
export function toCsvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '""';
  const text = typeof value === 'string' ? neutraliseFormula(value) : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsvLine(values: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return `${values.map(toCsvCell).join(',')}\r\n`;
}
