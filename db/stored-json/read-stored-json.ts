import { z } from 'zod';

/** Where a JSON value is stored: `table.column` and the row's key, so a corrupt one can be found. */
export interface StoredJsonPlace {
  column: string;
  row: number | string;
}

/**
 * Stored JSON that is not what its column declares (not JSON at all, or another shape). The
 * writers are ours, so this means a damaged database or a writer and reader that disagree: a
 * server error to fix, never something to show as an empty value.
 */
export class StoredJsonError extends Error {
  readonly column: string;
  readonly row: number | string;

  constructor(place: StoredJsonPlace, problem: string, options?: { cause?: unknown }) {
    super(`Stored JSON in ${place.column} of row ${place.row} is not valid: ${problem}`, options);
    this.name = 'StoredJsonError';
    this.column = place.column;
    this.row = place.row;
  }
}

const SHOWN_ISSUES = 3;

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, SHOWN_ISSUES).map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(top level)'}: ${issue.message}`);
  const more = error.issues.length - shown.length;
  return more > 0 ? `${shown.join('; ')}; and ${more} more` : shown.join('; ');
}

/** Parses one stored JSON value through its column's schema: the typed value, or a StoredJsonError naming the place. */
export function readStoredJson<Schema extends z.ZodType>(schema: Schema, text: string, place: StoredJsonPlace): z.output<Schema> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StoredJsonError(place, (error as Error).message, { cause: error });
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new StoredJsonError(place, describeIssues(result.error), { cause: result.error });
  return result.data;
}
