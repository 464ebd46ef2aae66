/**
 * Test helpers: compare what the live fetch returns with the offline files, which print documents
 * as JSON objects and dates as the CLI does. Documents are URL-decoded and parsed, dates compared
 * as instants, and lists of named entities sorted so order does not matter.
 */
const DOCUMENT_KEYS = new Set(['PolicyDocument', 'AssumeRolePolicyDocument', 'Document']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Deep copy with documents decoded and dates in one form. */
export function normalise(value: unknown, key = ''): unknown {
  if (DOCUMENT_KEYS.has(key) && typeof value === 'string') return normalise(JSON.parse(value.trimStart().startsWith('{') ? value : decodeURIComponent(value)) as unknown);
  if (typeof value === 'string' && ISO_DATE.test(value)) return new Date(value).toISOString();
  if (Array.isArray(value)) return value.map((item) => normalise(item));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([childKey, child]) => [childKey, normalise(child, childKey)]));
  }
  return value;
}

/** Sorts an array of objects by one string field (for lists whose order the API does not promise). */
export function sortBy<T>(items: T[], field: keyof T): T[] {
  return [...items].sort((left, right) => String(left[field]).localeCompare(String(right[field])));
}
