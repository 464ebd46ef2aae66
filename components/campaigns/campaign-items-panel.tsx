import { FilterBar, SelectField, TextField } from '@/components/data-table/filter-bar';
import { Pagination } from '@/components/ui/pagination';
import type { GroupProgress } from '@/db/queries/campaigns/progress';
import { CAMPAIGN_ITEM_STATUS_FILTERS, toLinkParams, type CampaignItemSearchParams } from '@/lib/campaigns/search-params';
import { CampaignItemsTable } from './campaign-items-table';
import { cardClass } from './form-styles';
import type { InboxItemView } from './inbox-items';

const STATUS_LABELS: Record<(typeof CAMPAIGN_ITEM_STATUS_FILTERS)[number], string> = { all: 'All', pending: 'Pending', decided: 'Decided', attested: 'Attested', revoked: 'Revoked', 'not-certified': 'Not certified' };

/** The campaign's items on the list kit: filters, the table (riskiest first) and server paging. */
export function CampaignItemsPanel({ campaignId, query, items, total, pageSize, reviewers, accounts }: { campaignId: number; query: CampaignItemSearchParams; items: InboxItemView[]; total: number; pageSize: number; reviewers: GroupProgress[]; accounts: { id: string; name: string | null }[] }) {
  const basePath = `/campaigns/${campaignId}`;
  const link = toLinkParams(query);
  return (
    <section aria-labelledby="items-heading" className={`${cardClass} space-y-3`}>
      <h2 id="items-heading" className="text-lg font-semibold">
        Items
      </h2>
      <FilterBar action={basePath} hidden={{ sort: link.sort, direction: link.direction }} resetHref={basePath} label="Filter items">
        <SelectField name="status" label="Status" value={query.status} allLabel={null} options={CAMPAIGN_ITEM_STATUS_FILTERS.map((status) => ({ value: status, label: STATUS_LABELS[status] }))} />
        <SelectField name="reviewer" label="Reviewer" value={query.reviewer} allLabel="All reviewers" options={reviewers.map((row) => ({ value: row.key, label: row.key }))} />
        <SelectField name="account" label="Account" value={query.account} allLabel="All accounts" options={accounts.map((account) => ({ value: account.id, label: account.name ? `${account.name} (${account.id})` : account.id }))} />
        <TextField name="q" label="Principal name" value={query.q} type="search" />
      </FilterBar>
      {total === 0 ? <p className="text-sm text-slate-700">No items match these filters.</p> : <CampaignItemsTable items={items} basePath={basePath} params={link} sort={{ key: query.sort, direction: query.direction }} page={query.page} />}
      <Pagination basePath={basePath} label="Item pages" params={link} page={query.page} pageSize={pageSize} total={total} />
    </section>
  );
}
