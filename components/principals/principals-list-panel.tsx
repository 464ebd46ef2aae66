import { directionOf, EXPOSURES, type PrincipalListQuery, type PrincipalListRow } from '@/db/queries/principals';
import { withDecodedTiers } from '@/lib/analysis/tier-mask';
import { TIERS } from '@/lib/analysis/types';
import { AccountFilterField } from '@/components/data-table/account-filter-field';
import { FilterBar, SelectField, TextField } from '@/components/data-table/filter-bar';
import { PrincipalsTable } from '@/components/data-table/principals-table';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';

const EXPOSURE_LABEL: Record<(typeof EXPOSURES)[number], string> = { 'outside-org': 'Reachable from outside the organisation', 'unpinned-oidc': 'OIDC trust without pinned subject', public: 'Public trust (*)' };

export interface PrincipalsListPanelProps {
  scanId: number;
  query: PrincipalListQuery;
  /** The URL state without paging (see principalStateParams). */
  params: Record<string, string | undefined>;
  rows: PrincipalListRow[];
  total: number;
  accounts: Array<{ id: string; name: string }> | null;
  /** Owners to filter by; null for an owner, who sees only their own. */
  owners: string[] | null;
}

function hasFilters(query: PrincipalListQuery): boolean {
  return Boolean(query.q || query.account || query.tier || query.minScore !== undefined || query.maxScore !== undefined || query.owner || query.exposure || query.hasConflict);
}

function emptyTitle(query: PrincipalListQuery, isOwner: boolean): string {
  if (hasFilters(query)) return 'No principal matches these filters';
  return isOwner ? 'You own no principal with Bedrock access' : 'No principal holds Bedrock access in this snapshot';
}

/** The principals list: filters, the server-sorted table and its pager, or why it is empty. */
export function PrincipalsListPanel({ scanId, query, params, rows, total, accounts, owners }: PrincipalsListPanelProps) {
  return (
    <>
      <FilterBar action="/principals" hidden={{ sort: params.sort, direction: params.direction, pageSize: params.pageSize }} resetHref="/principals" label="Filter principals">
        <TextField name="q" label="Search name or ARN" value={query.q} type="search" placeholder="e.g. ml-pipeline" className="min-w-56 flex-1" />
        <AccountFilterField value={query.account} accounts={accounts} />
        <SelectField name="tier" label="Tier" value={query.tier} allLabel="Any tier" options={TIERS.map((tier) => ({ value: tier, label: tier }))} className="min-w-28" />
        <TextField name="minScore" label="Min score" value={query.minScore} type="number" min={0} max={100} className="w-24" />
        <TextField name="maxScore" label="Max score" value={query.maxScore} type="number" min={0} max={100} className="w-24" />
        {owners ? <SelectField name="owner" label="Owner" value={query.owner} allLabel="Any owner" options={[{ value: 'none', label: 'Unowned' }, ...owners.map((owner) => ({ value: owner, label: owner }))]} /> : null}
        <SelectField name="exposure" label="Exposure" value={query.exposure} allLabel="Any exposure" options={EXPOSURES.map((exposure) => ({ value: exposure, label: EXPOSURE_LABEL[exposure] }))} />
        <SelectField name="hasConflict" label="SoD conflict" value={query.hasConflict} allLabel="Any" options={[{ value: 'yes', label: 'Has a conflict' }, { value: 'no', label: 'No conflict' }]} className="min-w-28" />
        <SelectField name="scope" label="Show" value={query.scope === 'all' ? 'all' : undefined} allLabel="Bedrock holders" options={[{ value: 'all', label: 'All principals' }]} className="min-w-32" />
      </FilterBar>
      {rows.length === 0 ? (
        <EmptyState title={emptyTitle(query, owners === null)}>{hasFilters(query) ? <p>Change or reset the filters to see more.</p> : <p>The latest published snapshot (#{scanId}) has none.</p>}</EmptyState>
      ) : (
        <>
          <PrincipalsTable
            rows={rows.map(withDecodedTiers)}
            params={params}
            sort={{ key: query.sort, direction: directionOf(query) }}
          />
          <Pagination basePath="/principals" params={params} page={query.page} pageSize={query.pageSize} total={total} label="Principals pages" />
        </>
      )}
    </>
  );
}
