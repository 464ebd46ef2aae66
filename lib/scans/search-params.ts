import { z } from 'zod';
import { pagingSearchParams, parseSearchParams } from '../http/search-params';

/** URL state of the scan history; an unreadable value falls back to its default rather than failing the page. */
export const scanListQuerySchema = z.object({
  ...pagingSearchParams,
});
export type ScanListQuery = z.infer<typeof scanListQuerySchema>;

/** Reads the list's URL state; repeated keys take their first value. */
export function parseScanListQuery(searchParams: Record<string, string | string[] | undefined>): ScanListQuery {
  return parseSearchParams(scanListQuerySchema, searchParams);
}
