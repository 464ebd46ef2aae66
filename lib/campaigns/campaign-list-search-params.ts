import { z } from 'zod';
import { CAMPAIGN_KINDS, CAMPAIGN_STATUSES } from './campaign-states';
import { pageParamSchema } from '../http/page-param';

export const CAMPAIGN_SORT_KEYS = ['launched', 'due', 'name'] as const;

const single = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const optionalEnum = <Values extends readonly [string, ...string[]]>(values: Values) => z.preprocess(single, z.enum(values).optional().catch(undefined));

/**
 * The campaigns list's URL state. Unknown or malformed values fall back to the default rather
 * than failing the page: a URL is user input, and a stale bookmark should still open the list.
 */
export const campaignListSearchParamsSchema = z.object({
  q: z.preprocess(single, z.string().trim().max(120).optional().catch(undefined)),
  status: optionalEnum(CAMPAIGN_STATUSES),
  kind: optionalEnum(CAMPAIGN_KINDS),
  sort: z.preprocess(single, z.enum(CAMPAIGN_SORT_KEYS).default('launched').catch('launched')),
  direction: optionalEnum(['asc', 'desc'] as const),
  page: z.preprocess(single, pageParamSchema),
});

export type CampaignListSearchParams = z.infer<typeof campaignListSearchParamsSchema>;

export function parseCampaignListSearchParams(raw: Record<string, string | string[] | undefined>): CampaignListSearchParams {
  return campaignListSearchParamsSchema.parse(raw);
}

/** The URL state without the page, for sort links, filters and paging (defaults left out). */
export function campaignListStateParams(query: CampaignListSearchParams): Record<string, string | undefined> {
  return { q: query.q || undefined, status: query.status, kind: query.kind, sort: query.sort === 'launched' ? undefined : query.sort, direction: query.direction };
}
