import { getDatabase } from '@/db/client';
import { listAccountOptions } from '@/db/queries/account-options';
import { listPeople, listPeopleFilterOptions, parsePeopleListQuery, peopleDirectionOf, type PeopleListQuery } from '@/db/queries/people/list-people';
import { getLatestPublishedScan } from '@/db/queries/scans';
import { maskToTiers } from '@/lib/analysis/tier-mask';
import { TIERS } from '@/lib/analysis/types';
import { requirePageUser } from '@/server/auth/session';
import { FilterBar, SelectField, TextField } from '@/components/data-table/filter-bar';
import { PeopleTable } from '@/components/people/people-table';
import { buttonClassName } from '@/components/ui/button';
import { EmptyState, NoScanYet } from '@/components/ui/empty-state';
import { formatAge } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/page-header';
import { hrefWith, Pagination } from '@/components/ui/pagination';

export const metadata = { title: 'People' };

/** The URL state without paging, carried through sort links, paging and the export. */
function stateParams(query: PeopleListQuery): Record<string, string | undefined> {
  return {
    q: query.q,
    group: query.group,
    account: query.account,
    permissionSet: query.permissionSet,
    tier: query.tier,
    minScore: query.minScore?.toString(),
    maxScore: query.maxScore?.toString(),
    scope: query.scope === 'all' ? 'all' : undefined,
    sort: query.sort === 'score' ? undefined : query.sort,
    direction: query.direction,
    pageSize: query.pageSize === 25 ? undefined : String(query.pageSize),
  };
}

export default async function PeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('admin', 'auditor');
  const query = parsePeopleListQuery(await searchParams);
  const database = getDatabase();
  const scan = getLatestPublishedScan(database);
  const params = stateParams(query);
  const header = (
    <PageHeader
      title="People"
      description={scan ? <>IAM Identity Center users and the Bedrock access their assignments give them · snapshot #{scan.id}, {formatAge(scan.finishedAt)}</> : undefined}
      actions={
        scan ? (
          <a href={hrefWith('/api/people/export', params, {})} className={buttonClassName('secondary', 'sm')} download>
            Export CSV
          </a>
        ) : undefined
      }
    />
  );
  if (!scan) {
    return (
      <div className="mx-auto max-w-7xl">
        {header}
        <NoScanYet />
      </div>
    );
  }
  const { rows, total } = listPeople(database, scan.id, query);
  const options = listPeopleFilterOptions(database, scan.id);
  const accounts = listAccountOptions(database);
  const hasFilters = Boolean(query.q || query.group || query.account || query.permissionSet || query.tier || query.minScore !== undefined || query.maxScore !== undefined);

  return (
    <div className="mx-auto max-w-7xl space-y-4">
      {header}
      {/* Keyed by the URL state: its fields are uncontrolled, and a client-side Reset must show the reset values. */}
      <FilterBar key={JSON.stringify(params)} action="/people" hidden={{ sort: params.sort, direction: params.direction, pageSize: params.pageSize }} resetHref="/people" label="Filter people">
        <TextField name="q" label="Search name or email" value={query.q} type="search" placeholder="e.g. maya" className="min-w-56 flex-1" />
        <SelectField name="group" label="Group" value={query.group} allLabel="Any group" options={options.groups.map((group) => ({ value: group.id, label: group.name }))} />
        {accounts ? (
          <SelectField name="account" label="Account" value={query.account} allLabel="All accounts" options={accounts.map((account) => ({ value: account.id, label: `${account.name} (${account.id})` }))} />
        ) : (
          <TextField name="account" label="Account" value={query.account} placeholder="Account id or exact name" className="w-52" />
        )}
        <SelectField name="permissionSet" label="Permission set" value={query.permissionSet} allLabel="Any set" options={options.permissionSets.map((name) => ({ value: name, label: name }))} />
        <SelectField name="tier" label="Tier" value={query.tier} allLabel="Any tier" options={TIERS.map((tier) => ({ value: tier, label: tier }))} className="min-w-28" />
        <TextField name="minScore" label="Min score" value={query.minScore} type="number" min={0} max={100} className="w-24" />
        <TextField name="maxScore" label="Max score" value={query.maxScore} type="number" min={0} max={100} className="w-24" />
        <SelectField name="scope" label="Show" value={query.scope === 'all' ? 'all' : undefined} allLabel="With Bedrock access" options={[{ value: 'all', label: 'Everybody' }]} className="min-w-32" />
      </FilterBar>
      {rows.length === 0 ? (
        <EmptyState title={hasFilters ? 'Nobody matches these filters' : 'No person in this snapshot'}>
          {hasFilters ? <p>Change or reset the filters to see more.</p> : <p>Snapshot #{scan.id} read no IAM Identity Center data (add identity-center.json to the import, or configure scan.live.identityCenter).</p>}
        </EmptyState>
      ) : (
        <>
          <PeopleTable
            rows={rows.map((row) => ({
              userId: row.userId,
              userName: row.userName,
              displayName: row.displayName,
              email: row.email,
              accountCount: row.accountCount,
              bedrockAccountCount: row.bedrockAccountCount,
              assignmentCount: row.assignmentCount,
              tiers: maskToTiers(row.tiersMask),
              score: row.score,
              conflictCount: row.conflictCount,
              maxConflictSeverity: row.maxConflictSeverity,
            }))}
            params={params}
            sort={{ key: query.sort, direction: peopleDirectionOf(query) }}
          />
          <Pagination basePath="/people" params={params} page={query.page} pageSize={query.pageSize} total={total} label="People pages" />
        </>
      )}
    </div>
  );
}
