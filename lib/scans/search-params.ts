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

/** A scan id in the URL: a positive whole number, else absent (the page picks its default). */
const scanIdParam = z.coerce
  .number()
  .refine((id) => Number.isSafeInteger(id) && id > 0)
  .nullable()
  .catch(null);

/** URL state of the drift page: the two snapshots to compare, each absent when not given or unreadable. */
export const driftQuerySchema = z.object({ from: scanIdParam, to: scanIdParam });
export type DriftQuery = z.infer<typeof driftQuerySchema>;

/** Reads the drift page's URL state; repeated keys take their first value. */
export function parseDriftQuery(searchParams: Record<string, string | string[] | undefined>): DriftQuery {
  return parseSearchParams(driftQuerySchema, searchParams);
}
