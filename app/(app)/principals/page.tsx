import { getDatabase } from '@/db/client';
import { listAccountOptions } from '@/db/queries/account-options';
import { directionOf, EXPOSURES, listPrincipalOwners, listPrincipals, parsePrincipalListQuery, type PrincipalListQuery } from '@/db/queries/principals';
import { getLatestPublishedScan } from '@/db/queries/scans';
import { maskToTiers } from '@/lib/analysis/tier-mask';
import { TIERS } from '@/lib/analysis/types';
import { requirePageUser } from '@/server/auth/session';
import { PrincipalsTable } from '@/components/data-table/principals-table';
import { FilterBar, SelectField, TextField } from '@/components/data-table/filter-bar';
import { buttonClassName } from '@/components/ui/button';
import { EmptyState, NoScanYet } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { hrefWith, Pagination } from '@/components/ui/pagination';
import { formatAge } from '@/components/ui/format';

export const metadata = { title: 'Principals' };

const EXPOSURE_LABEL: Record<(typeof EXPOSURES)[number], string> = { 'outside-org': 'Reachable from outside the organisation', 'unpinned-oidc': 'OIDC trust without pinned subject', public: 'Public trust (*)' };

/** The URL state without paging, to carry through sort links, paging and the export. */
function stateParams(query: PrincipalListQuery): Record<string, string | undefined> {
  return {
    q: query.q,
    account: query.account,
    tier: query.tier,
    minScore: query.minScore?.toString(),
    maxScore: query.maxScore?.toString(),
    owner: query.owner,
    exposure: query.exposure,
    hasConflict: query.hasConflict,
    scope: query.scope === 'all' ? 'all' : undefined,
    sort: query.sort === 'score' ? undefined : query.sort,
    direction: query.direction,
    pageSize: query.pageSize === 25 ? undefined : String(query.pageSize),
  };
}

export default async function PrincipalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('admin', 'auditor', 'owner');
  const query = parsePrincipalListQuery(await searchParams);
  const database = getDatabase();
  const scan = getLatestPublishedScan(database);
  const isOwner = user.role === 'owner';
  const header = (
    <PageHeader
      title="Principals"
      description={
        scan ? (
          <>
            {isOwner ? 'The IAM users and roles you own that can use Amazon Bedrock' : 'IAM users and roles that can use Amazon Bedrock'} · snapshot #{scan.id}, {formatAge(scan.finishedAt)}
          </>
        ) : undefined
      }
      actions={
        scan ? (
          <a href={hrefWith('/api/principals/export', stateParams(query), {})} className={buttonClassName('secondary', 'sm')} download>
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

  const { rows, total } = listPrincipals(database, user, scan.id, query);
  const accounts = listAccountOptions(database);
  const owners = isOwner ? [] : listPrincipalOwners(database, scan.id);
  const params = stateParams(query);
  const hasFilters = Boolean(query.q || query.account || query.tier || query.minScore !== undefined || query.maxScore !== undefined || query.owner || query.exposure || query.hasConflict);

  return (
    <div className="mx-auto max-w-7xl space-y-4">
      {header}
      <FilterBar action="/principals" hidden={{ sort: params.sort, direction: params.direction, pageSize: params.pageSize }} resetHref="/principals" label="Filter principals">
        <TextField name="q" label="Search name or ARN" value={query.q} type="search" placeholder="e.g. ml-pipeline" className="min-w-56 flex-1" />
        {accounts ? (
          <SelectField name="account" label="Account" value={query.account} allLabel="All accounts" options={accounts.map((account) => ({ value: account.id, label: `${account.name} (${account.id})` }))} />
        ) : (
          <TextField name="account" label="Account" value={query.account} placeholder="Account id or exact name" className="w-52" />
        )}
        <SelectField name="tier" label="Tier" value={query.tier} allLabel="Any tier" options={TIERS.map((tier) => ({ value: tier, label: tier }))} className="min-w-28" />
        <TextField name="minScore" label="Min score" value={query.minScore} type="number" min={0} max={100} className="w-24" />
        <TextField name="maxScore" label="Max score" value={query.maxScore} type="number" min={0} max={100} className="w-24" />
        {isOwner ? null : <SelectField name="owner" label="Owner" value={query.owner} allLabel="Any owner" options={[{ value: 'none', label: 'Unowned' }, ...owners.map((owner) => ({ value: owner, label: owner }))]} />}
        <SelectField name="exposure" label="Exposure" value={query.exposure} allLabel="Any exposure" options={EXPOSURES.map((exposure) => ({ value: exposure, label: EXPOSURE_LABEL[exposure] }))} />
        <SelectField name="hasConflict" label="SoD conflict" value={query.hasConflict} allLabel="Any" options={[{ value: 'yes', label: 'Has a conflict' }, { value: 'no', label: 'No conflict' }]} className="min-w-28" />
        <SelectField name="scope" label="Show" value={query.scope === 'all' ? 'all' : undefined} allLabel="Bedrock holders" options={[{ value: 'all', label: 'All principals' }]} className="min-w-32" />
      </FilterBar>

      {rows.length === 0 ? (
        <EmptyState title={hasFilters ? 'No principal matches these filters' : isOwner ? 'You own no principal with Bedrock access' : 'No principal holds Bedrock access in this snapshot'}>
          {hasFilters ? <p>Change or reset the filters to see more.</p> : <p>The latest published snapshot (#{scan.id}) has none.</p>}
        </EmptyState>
      ) : (
        <>
          <PrincipalsTable
            rows={rows.map((row) => ({
              id: row.id,
              name: row.name,
              arn: row.arn,
              type: row.type,
              permissionSetName: row.permissionSetName,
              accountId: row.accountId,
              accountName: row.accountName,
              ownerEmail: row.ownerEmail,
              tiers: maskToTiers(row.tiersMask),
              score: row.score,
              conflictCount: row.conflictCount,
              maxConflictSeverity: row.maxConflictSeverity,
              lastUsedAt: row.lastUsedAt,
            }))}
            params={params}
            sort={{ key: query.sort, direction: directionOf(query) }}
          />
          <Pagination basePath="/principals" params={params} page={query.page} pageSize={query.pageSize} total={total} label="Principals pages" />
        </>
      )}
    </div>
  );
}
