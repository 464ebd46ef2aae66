import { z } from 'zod';

/** The last page any list serves; a bigger number is a crafted URL, not a real page. */
export const MAX_PAGE = 100_000;

/**
 * A list page number from the URL, the way every list reads it: a whole number from 1 to
 * `MAX_PAGE`, else page 1. `?page=1e308`, `-3`, `NaN`, `2.5` or `Infinity` would otherwise reach
 * SQLite as an OFFSET it cannot hold (a 500 instead of a page).
 */
export const pageParamSchema = z.coerce.number().int().min(1).max(MAX_PAGE).default(1).catch(1);

export function parsePageParam(value: string | string[] | undefined): number {
  return pageParamSchema.parse(Array.isArray(value) ? value[0] : value);
}
