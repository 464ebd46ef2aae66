import { toCsvCell } from '../export/csv';

/** CSV for evidence files: the same cells as every export (`lib/export/csv.ts`: quoted, formulas neutralised). */
export const escapeCsvCell = toCsvCell;

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
