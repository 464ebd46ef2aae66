import { z } from 'zod';
import { TIERS } from '../analysis/types';

export const PRINCIPAL_SORTS = ['score', 'name', 'account', 'lastUsed', 'conflicts'] as const;
export type PrincipalSort = (typeof PRINCIPAL_SORTS)[number];
export const EXPOSURES = ['outside-org', 'unpinned-oidc', 'public'] as const;

const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((value) => (value ? value : undefined));
/** An empty form field ("") means no bound, not 0: `z.coerce` alone would turn it into 0. */
const optionalScore = z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), z.coerce.number().int().min(0).max(100).optional()).catch(undefined);

/**
 * The URL state of the principals table (and its CSV export). Unknown or malformed values fall
 * back to defaults instead of failing the page: a stale bookmark still opens.
 */
export const principalListQuerySchema = z.object({
  /** A 12-digit account id, or an account's exact name (case-insensitive): large organisations type it. */
  account: optionalText.catch(undefined),
  tier: z.enum(TIERS).optional().catch(undefined),
  minScore: optionalScore,
  maxScore: optionalScore,
  owner: optionalText.catch(undefined),
  exposure: z.enum(EXPOSURES).optional().catch(undefined),
  hasConflict: z.enum(['yes', 'no']).optional().catch(undefined),
  /** Principals without any Bedrock grant are hidden unless asked for. */
  scope: z.enum(['bedrock', 'all']).default('bedrock').catch('bedrock'),
  q: optionalText.catch(undefined),
  sort: z.enum(PRINCIPAL_SORTS).default('score').catch('score'),
  direction: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(10).max(100).default(25).catch(25),
});

export type PrincipalListQuery = z.infer<typeof principalListQuerySchema>;

/** Turns Next.js `searchParams` (string | string[]) into a typed query. */
export function parsePrincipalListQuery(searchParams: Record<string, string | string[] | undefined>): PrincipalListQuery {
  const flat = Object.fromEntries(Object.entries(searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return principalListQuerySchema.parse(flat);
}

const DEFAULT_DIRECTION: Record<PrincipalSort, 'asc' | 'desc'> = { score: 'desc', name: 'asc', account: 'asc', lastUsed: 'desc', conflicts: 'desc' };

export function directionOf(query: Pick<PrincipalListQuery, 'sort' | 'direction'>): 'asc' | 'desc' {
  return query.direction ?? DEFAULT_DIRECTION[query.sort];
}
