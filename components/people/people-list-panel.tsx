import type { PeopleListRow } from '@/db/queries/people/list-people';
import { withDecodedTiers } from '@/lib/analysis/tier-mask';
import { TIERS } from '@/lib/analysis/types';
import { hasPeopleFilters, peopleDirectionOf, peopleStateParams, type PeopleListQuery } from '@/lib/people/search-params';
import { AccountFilterField } from '@/components/data-table/account-filter-field';
import { FilterBar, SelectField, TextField } from '@/components/data-table/filter-bar';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { PeopleTable } from './people-table';

export interface PeopleListPanelProps {
  scanId: number;
  query: PeopleListQuery;
  rows: PeopleListRow[];
  total: number;
  options: { groups: Array<{ id: string; name: string }>; permissionSets: string[] };
  accounts: Array<{ id: string; name: string }> | null;
}

/** The people list: filters, the server-sorted table and its pager, or why it is empty. */
export function PeopleListPanel({ scanId, query, rows, total, options, accounts }: PeopleListPanelProps) {
  const params = peopleStateParams(query);
  const isFiltered = hasPeopleFilters(query);
  return (
    <>
      {/* Keyed by the URL state: its fields are uncontrolled, and a client-side Reset must show the reset values. */}
      <FilterBar key={JSON.stringify(params)} action="/people" hidden={{ sort: params.sort, direction: params.direction, pageSize: params.pageSize }} resetHref="/people" label="Filter people">
        <TextField name="q" label="Search name or email" value={query.q} type="search" placeholder="e.g. maya" className="min-w-56 flex-1" />
        <SelectField name="group" label="Group" value={query.group} allLabel="Any group" options={options.groups.map((group) => ({ value: group.id, label: group.name }))} />
        <AccountFilterField value={query.account} accounts={accounts} />
        <SelectField name="permissionSet" label="Permission set" value={query.permissionSet} allLabel="Any set" options={options.permissionSets.map((name) => ({ value: name, label: name }))} />
        <SelectField name="tier" label="Tier" value={query.tier} allLabel="Any tier" options={TIERS.map((tier) => ({ value: tier, label: tier }))} className="min-w-28" />
        <TextField name="minScore" label="Min score" value={query.minScore} type="number" min={0} max={100} className="w-24" />
        <TextField name="maxScore" label="Max score" value={query.maxScore} type="number" min={0} max={100} className="w-24" />
        <SelectField name="scope" label="Show" value={query.scope === 'all' ? 'all' : undefined} allLabel="With Bedrock access" options={[{ value: 'all', label: 'Everybody' }]} className="min-w-32" />
      </FilterBar>
      {rows.length === 0 ? (
        <EmptyState title={isFiltered ? 'Nobody matches these filters' : 'No person in this snapshot'}>
          {isFiltered ? <p>Change or reset the filters to see more.</p> : <p>Snapshot #{scanId} read no IAM Identity Center data (add identity-center.json to the import, or configure scan.live.identityCenter).</p>}
        </EmptyState>
      ) : (
        <>
          <PeopleTable
            rows={rows.map(({ id: _id, ...row }) => withDecodedTiers(row))}
            params={params}
            sort={{ key: query.sort, direction: peopleDirectionOf(query) }}
          />
          <Pagination basePath="/people" params={params} page={query.page} pageSize={query.pageSize} total={total} label="People pages" />
        </>
      )}
    </>
  );
}
