import { z } from 'zod';
import { REVOCATION_STATUSES } from './statuses';

/** URL state of the revocation list; an unreadable value falls back to its default rather than failing the page. */
export const revocationListQuerySchema = z.object({
  status: z.enum(REVOCATION_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(10).max(100).default(25).catch(25),
});
export type RevocationListQuery = z.infer<typeof revocationListQuerySchema>;

/** Reads the list's URL state; repeated keys take their first value. */
export function parseRevocationListQuery(searchParams: Record<string, string | string[] | undefined>): RevocationListQuery {
  const flat = Object.fromEntries(Object.entries(searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return revocationListQuerySchema.parse(flat);
}
