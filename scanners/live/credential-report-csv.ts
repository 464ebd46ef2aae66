import { UnexpectedResponseError } from './errors';

/** One row of the IAM credential report, by column name. */
export type CredentialReportRow = Record<string, string>;

const REQUIRED_COLUMNS = ['user', 'arn', 'password_enabled', 'password_last_used', 'mfa_active', 'access_key_1_last_rotated', 'access_key_2_last_rotated'];

/** Splits CSV text into rows of cells (RFC 4180: quoted cells may hold commas, quotes, newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let isQuoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (isQuoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') isQuoted = false;
      else cell += character;
    } else if (character === '"') isQuoted = true;
    else if (character === ',') {
      row.push(cell);
      cell = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += character;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((cells) => cells.length > 1 || cells[0] !== '');
}

/**
 * Parses the credential report (the CSV that GetCredentialReport returns base64-encoded) into one
 * record per row, the `<root_account>` row included.
 *
 * @throws UnexpectedResponseError when the header lacks a column the scanner reads.
 */
export function parseCredentialReport(csv: string): CredentialReportRow[] {
  const [header, ...rows] = parseCsv(csv);
  const missing = REQUIRED_COLUMNS.filter((column) => !header?.includes(column));
  if (!header || missing.length > 0) throw new UnexpectedResponseError(`the credential report lacks the columns ${missing.join(', ')}`);
  return rows.map((cells) => Object.fromEntries(header.map((column, index) => [column, cells[index] ?? ''])));
}

/** A report date cell as a timestamp string, or null for `N/A`, `no_information`, `not_supported`. */
export function reportDateOrNull(value: string | undefined): string | null {
  return value && /^\d{4}-\d{2}-\d{2}T/.test(value) ? value : null;
}
