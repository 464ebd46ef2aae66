import type { CampaignListRow } from '@/db/queries/campaigns/progress';
import type { CampaignListSearchParams } from '@/lib/campaigns/campaign-list-search-params';
import { CAMPAIGN_KIND_LABELS, CAMPAIGN_KINDS, CAMPAIGN_STATUS_LABELS, CAMPAIGN_STATUSES } from '@/lib/campaigns/campaign-states';
import { FilterBar, SelectField, TextField } from '@/components/data-table/filter-bar';
import { Card } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { CampaignsTable } from './campaigns-table';

export const CAMPAIGN_PAGE_SIZE = 25;

/** Launched campaigns: filters, one server page of the table, paging. An empty result says why. */
export function CampaignListPanel({ rows, total, query, params, isAdmin }: { rows: CampaignListRow[]; total: number; query: CampaignListSearchParams; params: Record<string, string | undefined>; isAdmin: boolean }) {
  const hasFilters = Boolean(query.q || query.status || query.kind);
  return (
    <Card title="Launched campaigns" id="launched" className="min-w-0">
      <FilterBar action="/campaigns" hidden={{ sort: params.sort, direction: params.direction }} resetHref="/campaigns" label="Filter campaigns">
        <TextField name="q" label="Search by name" value={query.q} type="search" placeholder="e.g. Q3" className="min-w-48 flex-1" />
        <SelectField name="status" label="Status" value={query.status} allLabel="Any status" options={CAMPAIGN_STATUSES.map((status) => ({ value: status, label: CAMPAIGN_STATUS_LABELS[status] }))} className="min-w-32" />
        <SelectField name="kind" label="Kind" value={query.kind} allLabel="Any kind" options={CAMPAIGN_KINDS.map((kind) => ({ value: kind, label: CAMPAIGN_KIND_LABELS[kind] }))} className="min-w-32" />
      </FilterBar>
      <div className="mt-3">
        {rows.length === 0 ? (
          <p className="text-sm text-slate-700" data-testid="campaigns-empty">
            {hasFilters ? 'No campaign matches these filters. Change or reset them to see more.' : `No campaign yet.${isAdmin ? ' Start one with “New campaign”.' : ''}`}
          </p>
        ) : (
          <CampaignsTable rows={rows} params={params} sort={{ key: query.sort, direction: query.direction ?? (query.sort === 'launched' ? 'desc' : 'asc') }} />
        )}
        <Pagination basePath="/campaigns" params={params} page={query.page} pageSize={CAMPAIGN_PAGE_SIZE} total={total} label="Campaign pages" />
      </div>
    </Card>
  );
}
