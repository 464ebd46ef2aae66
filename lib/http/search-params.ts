import { z } from 'zod';

/** Paging fields every list's URL state shares; an unreadable value falls back to the default. */
export const pagingSearchParams = {
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(10).max(100).default(25).catch(25),
};

/**
 * Reads a page's `searchParams` through a feature's schema (`lib/<feature>/search-params.ts`):
 * repeated keys take their first value, so `?status=a&status=b` reads as `a`.
 */
export function parseSearchParams<Schema extends z.ZodType>(schema: Schema, searchParams: Record<string, string | string[] | undefined>): z.infer<Schema> {
  const flat = Object.fromEntries(Object.entries(searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return schema.parse(flat);
}
