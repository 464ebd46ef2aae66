import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { campaignItems, campaigns } from '../../schema';
import type { CampaignKind, CampaignStatus } from '../../../lib/campaigns/campaign-states';
import { toLikePattern, toPaging } from '../viewer';
import { statusCountColumns, toCounts, type CampaignListRow } from './progress';

export interface CampaignPageQuery {
  q?: string;
  status?: CampaignStatus;
  kind?: CampaignKind;
  sort: 'launched' | 'due' | 'name';
  direction?: 'asc' | 'desc';
  page: number;
  pageSize?: number;
}

/** Sortable columns (an allow-list: the URL names a key, never a column). Newest launches first by default. */
const SORT_COLUMNS = {
  launched: { column: campaigns.id, defaultDirection: 'desc' },
  due: { column: campaigns.dueAt, defaultDirection: 'asc' },
  name: { column: campaigns.name, defaultDirection: 'asc' },
} as const;

/** One page of launched campaigns, filtered by name, status and kind, with each one's decision counts. */
export function listCampaignPage(database: AppDatabase, query: CampaignPageQuery): { rows: CampaignListRow[]; total: number } {
  const conditions: SQL[] = [];
  if (query.q?.trim()) conditions.push(sql`${campaigns.name} LIKE ${toLikePattern(query.q.trim())} ESCAPE '\\'`);
  if (query.status) conditions.push(eq(campaigns.status, query.status));
  if (query.kind) conditions.push(eq(campaigns.kind, query.kind));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const sort = SORT_COLUMNS[query.sort];
  const direction = query.direction ?? sort.defaultDirection;
  const { limit, offset } = toPaging(query.page, query.pageSize ?? 25);
  const rows = database
    .select({
      id: campaigns.id,
      name: campaigns.name,
      kind: campaigns.kind,
      status: campaigns.status,
      isPartialSnapshot: campaigns.isPartialSnapshot,
      launchedAt: campaigns.launchedAt,
      dueAt: campaigns.dueAt,
      closedAt: campaigns.closedAt,
      ...statusCountColumns,
      total: sql<number>`count(${campaignItems.id})`,
    })
    .from(campaigns)
    .leftJoin(campaignItems, eq(campaignItems.campaignId, campaigns.id))
    .where(where)
    .groupBy(campaigns.id)
    .orderBy(direction === 'asc' ? asc(sort.column) : desc(sort.column), desc(campaigns.id))
    .limit(limit)
    .offset(offset)
    .all()
    .map(({ total, pending, attested, revoked, notCertified, ...campaign }) => ({ ...campaign, counts: toCounts({ total: Number(total), pending, attested, revoked, notCertified }) }));
  const total = database.select({ total: count() }).from(campaigns).where(where).get()?.total ?? 0;
  return { rows, total };
}
