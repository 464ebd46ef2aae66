import { FilterBar, SelectField, TextField } from '@/components/data-table/filter-bar';
import { TIERS } from '@/lib/analysis/types';
import type { InboxSearchParams } from '@/lib/campaigns/search-params';

const STATUS_OPTIONS = [
  { value: 'pending', label: 'Undecided' },
  { value: 'decided', label: 'Decided' },
  { value: 'all', label: 'All' },
];

/** The inbox filters as a GET form on the list kit: campaign, status, account (by name), tier, principal. */
export function InboxFiltersPanel({ query, campaigns, accounts, hidden }: { query: InboxSearchParams; campaigns: { id: number; name: string; pending: number; total: number }[]; accounts: { id: string; name: string | null }[]; hidden: Record<string, string | undefined> }) {
  return (
    <FilterBar action="/inbox" hidden={hidden} resetHref="/inbox" label="Filter my reviews">
      <SelectField name="campaign" label="Campaign" value={query.campaign ? String(query.campaign) : undefined} allLabel="All campaigns" className="min-w-56" options={campaigns.map((campaign) => ({ value: String(campaign.id), label: `${campaign.name} (${campaign.pending} of ${campaign.total} undecided)` }))} />
      <SelectField name="status" label="Status" value={query.status} allLabel={null} options={STATUS_OPTIONS} />
      <SelectField name="account" label="Account" value={query.account} allLabel="All accounts" options={accounts.map((account) => ({ value: account.id, label: account.name ? `${account.name} (${account.id})` : account.id }))} />
      <SelectField name="tier" label="Tier" value={query.tier} allLabel="All tiers" className="min-w-28" options={TIERS.map((tier) => ({ value: tier, label: tier }))} />
      <TextField name="q" label="Principal name" value={query.q} type="search" />
    </FilterBar>
  );
}
