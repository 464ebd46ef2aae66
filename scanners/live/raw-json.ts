/**
 * SDK outputs carry `Date` objects, `undefined` members and `$metadata`; the raw shapes are what
 * the AWS CLI prints. This turns one into the other without touching the SDK object.
 */

/** The CLI's timestamp form: `2023-01-15T10:00:00+00:00` (milliseconds only when present). */
export function formatCliDate(date: Date): string {
  const iso = date.toISOString();
  return (iso.endsWith('.000Z') ? iso.slice(0, -5) : iso.slice(0, -1)) + '+00:00';
}

/** A JSON value as the CLI would print it. */
export type RawJson = string | number | boolean | null | RawJson[] | { [key: string]: RawJson };

/** Deep copy with Dates formatted, undefined members and `$metadata` dropped. */
export function toRawJson(value: unknown): RawJson | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (value instanceof Date) return formatCliDate(value);
  if (Array.isArray(value)) return value.map((item) => toRawJson(item) ?? null);
  if (typeof value === 'object') {
    const result: { [key: string]: RawJson } = {};
    for (const [key, child] of Object.entries(value)) {
      if (key === '$metadata') continue;
      const converted = toRawJson(child);
      if (converted !== undefined) result[key] = converted;
    }
    return result;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return undefined;
}
