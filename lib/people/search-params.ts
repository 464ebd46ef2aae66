import { z } from 'zod';
import { TIERS } from '../analysis/types';
import { flattenSearchParams, optionalScore, optionalText, pagingFields, stateParamsOf } from '../list-state/search-param-fields';

export const PEOPLE_SORTS = ['score', 'name', 'accounts', 'conflicts'] as const;
export type PeopleSort = (typeof PEOPLE_SORTS)[number];
export const PEOPLE_SCOPES = ['bedrock', 'all'] as const;

/** The URL state of the people list (and its CSV export); bad values fall back to defaults. */
export const peopleListQuerySchema = z.object({
  q: optionalText,
  /** A group id. */
  group: optionalText,
  /** A 12-digit account id or an account's exact name. */
  account: optionalText,
  /** A permission set name. */
  permissionSet: optionalText,
  tier: z.enum(TIERS).optional().catch(undefined),
  minScore: optionalScore,
  maxScore: optionalScore,
  /** People without any Bedrock access are hidden unless asked for. */
  scope: z.enum(PEOPLE_SCOPES).default('bedrock').catch('bedrock'),
  sort: z.enum(PEOPLE_SORTS).default('score').catch('score'),
  ...pagingFields,
});
export type PeopleListQuery = z.infer<typeof peopleListQuerySchema>;

export function parsePeopleListQuery(searchParams: Record<string, string | string[] | undefined>): PeopleListQuery {
  return peopleListQuerySchema.parse(flattenSearchParams(searchParams));
}

const DEFAULT_DIRECTION: Record<PeopleSort, 'asc' | 'desc'> = { score: 'desc', name: 'asc', accounts: 'desc', conflicts: 'desc' };

export function peopleDirectionOf(query: Pick<PeopleListQuery, 'sort' | 'direction'>): 'asc' | 'desc' {
  return query.direction ?? DEFAULT_DIRECTION[query.sort];
}

/** The URL state without paging, carried through sort links, paging and the export. */
export function peopleStateParams(query: PeopleListQuery): Record<string, string | undefined> {
  return stateParamsOf(query, { scope: 'bedrock', sort: 'score', pageSize: 25 });
}

/** Whether any filter narrows the list (for the empty state's wording). */
export function hasPeopleFilters(query: PeopleListQuery): boolean {
  return Boolean(query.q || query.group || query.account || query.permissionSet || query.tier || query.minScore !== undefined || query.maxScore !== undefined);
}
