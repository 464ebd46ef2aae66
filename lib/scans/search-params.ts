import { z } from 'zod';

/** URL state of the scan history; an unreadable value falls back to its default rather than failing the page. */
export const scanListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(10).max(100).default(25).catch(25),
});
export type ScanListQuery = z.infer<typeof scanListQuerySchema>;

/** Reads the list's URL state; repeated keys take their first value. */
export function parseScanListQuery(searchParams: Record<string, string | string[] | undefined>): ScanListQuery {
  const flat = Object.fromEntries(Object.entries(searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return scanListQuerySchema.parse(flat);
}
