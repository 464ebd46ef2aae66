import { z } from 'zod';
import { TIERS } from '../analysis/types';
import { pageParamSchema } from '../http/page-param';
import { defaultDirection, ITEM_SORTS, SORT_DIRECTIONS, type ItemSort, type SortDirection } from './item-sort';

/** The inbox's status filter: undecided by default. */
export const INBOX_STATUS_FILTERS = ['pending', 'decided', 'all'] as const;
export type InboxStatusFilter = (typeof INBOX_STATUS_FILTERS)[number];

/** A campaign page's item filter: any item status, or undecided/decided together. */
export const CAMPAIGN_ITEM_STATUS_FILTERS = ['all', 'pending', 'decided', 'attested', 'revoked', 'not-certified'] as const;
export type CampaignItemStatusFilter = (typeof CAMPAIGN_ITEM_STATUS_FILTERS)[number];

type RawSearchParams = Record<string, string | string[] | undefined>;

/** A URL value that is absent, empty or unreadable is "no filter", never an error page. */
const optionalText = z.string().trim().min(1).max(200).optional().catch(undefined);
const accountParam = z.string().regex(/^\d{12}$/).optional().catch(undefined);
const sortParams = {
  sort: z.enum(ITEM_SORTS).default('risk').catch('risk'),
  direction: z.enum(SORT_DIRECTIONS).optional().catch(undefined),
};

const inboxSearchParamsSchema = z.object({
  campaign: z.coerce.number().int().positive().optional().catch(undefined),
  status: z.enum(INBOX_STATUS_FILTERS).default('pending').catch('pending'),
  account: accountParam,
  tier: z.enum(TIERS).optional().catch(undefined),
  q: optionalText,
  page: pageParamSchema,
  ...sortParams,
});

const campaignItemSearchParamsSchema = z.object({
  status: z.enum(CAMPAIGN_ITEM_STATUS_FILTERS).default('all').catch('all'),
  reviewer: z.string().trim().toLowerCase().pipe(z.email()).optional().catch(undefined),
  account: accountParam,
  q: optionalText,
  page: pageParamSchema,
  ...sortParams,
});

function flatten(raw: RawSearchParams): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, (Array.isArray(value) ? value[0] : value) || undefined]));
}

function withDirection<Parsed extends { sort: ItemSort; direction?: SortDirection }>(parsed: Parsed): Parsed & { direction: SortDirection } {
  return { ...parsed, direction: parsed.direction ?? defaultDirection(parsed.sort) };
}

export type InboxSearchParams = z.infer<typeof inboxSearchParamsSchema> & { direction: SortDirection };
export type CampaignItemSearchParams = z.infer<typeof campaignItemSearchParamsSchema> & { direction: SortDirection };

/** "My reviews" URL state: filters, sort (riskiest first by default) and page. */
export function parseInboxSearchParams(raw: RawSearchParams): InboxSearchParams {
  return withDirection(inboxSearchParamsSchema.parse(flatten(raw)));
}

/** A campaign page's item table URL state. */
export function parseCampaignItemSearchParams(raw: RawSearchParams): CampaignItemSearchParams {
  return withDirection(campaignItemSearchParamsSchema.parse(flatten(raw)));
}

/** The URL state as link parameters (defaults left out, so links stay short). */
export function toLinkParams(params: { sort: ItemSort; direction: SortDirection } & Record<string, unknown>): Record<string, string | undefined> {
  const link: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(params)) {
    if (key === 'page' || value === undefined || value === null) continue;
    link[key] = String(value);
  }
  if (params.sort === 'risk') link.sort = undefined;
  if (params.direction === defaultDirection(params.sort)) link.direction = undefined;
  return link;
}
