import { z } from 'zod';
import { pagingSearchParams, parseSearchParams } from '../http/search-params';
import { REVOCATION_STATUSES } from './statuses';

/** URL state of the revocation list; an unreadable value falls back to its default rather than failing the page. */
export const revocationListQuerySchema = z.object({
  status: z.enum(REVOCATION_STATUSES).optional().catch(undefined),
  ...pagingSearchParams,
});
export type RevocationListQuery = z.infer<typeof revocationListQuerySchema>;

/** Reads the list's URL state; repeated keys take their first value. */
export function parseRevocationListQuery(searchParams: Record<string, string | string[] | undefined>): RevocationListQuery {
  return parseSearchParams(revocationListQuerySchema, searchParams);
}
