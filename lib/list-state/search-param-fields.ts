import { z } from 'zod';

/**
 * The zod fields every list page's URL state is made of. Unknown or malformed values fall back to
 * defaults instead of failing the page: a stale bookmark still opens.
 */

/** Free text, trimmed; empty means absent. */
export const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((value) => (value ? value : undefined))
  .catch(undefined);

/** A 0-100 score bound; an empty form field ("") means no bound, not 0 (`z.coerce` alone would make it 0). */
export const optionalScore = z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), z.coerce.number().int().min(0).max(100).optional()).catch(undefined);

/** Sort direction, page and page size: the same on every server-paged table. */
export const pagingFields = {
  direction: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(10).max(100).default(25).catch(25),
};

/** Next.js `searchParams` (string | string[]) as one value per key: the first one wins. */
export function flattenSearchParams(searchParams: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}

/**
 * The URL state to carry through sort links, paging and the export: every field but the page,
 * as strings, leaving out the ones at their default so URLs stay short.
 */
export function stateParamsOf(query: Readonly<Record<string, string | number | undefined>>, defaults: Readonly<Record<string, string | number>>): Record<string, string | undefined> {
  const params: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(query)) {
    if (key === 'page') continue;
    params[key] = value === undefined || value === defaults[key] ? undefined : String(value);
  }
  return params;
}
