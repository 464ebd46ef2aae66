import { listAccountOptions } from '@/db/queries/account-options';
import { listPrincipalOwners, listPrincipals, parsePrincipalListQuery } from '@/db/queries/principals';
import { stateParamsOf } from '@/lib/list-state/search-param-fields';
import { openSnapshotPage, type PageSearchParams } from '@/server/http/open-snapshot-page';
import { ListPageHeader } from '@/components/data-table/list-page-header';
import { PrincipalsListPanel } from '@/components/principals/principals-list-panel';
import { ListPageShell } from '@/components/layout/list-page-shell';

export const metadata = { title: 'Principals' };

export default async function PrincipalsPage({ searchParams }: { searchParams: PageSearchParams }) {
  const { user, query, database, scan } = await openSnapshotPage(['admin', 'auditor', 'owner'], parsePrincipalListQuery, searchParams);
  const isOwner = user.role === 'owner';
  // The URL state without paging, carried through sort links, paging and the export.
  const params = stateParamsOf(query, { scope: 'bedrock', sort: 'score', pageSize: 25 });
  const description = isOwner ? 'The IAM users and roles you own that can use Amazon Bedrock' : 'IAM users and roles that can use Amazon Bedrock';
  const header = <ListPageHeader title="Principals" description={description} scan={scan} exportPath="/api/principals/export" params={params} />;
  if (!scan) return <ListPageShell header={header} />;
  const { rows, total } = listPrincipals(database, user, scan.id, query);
  return (
    <ListPageShell header={header}>
      <PrincipalsListPanel scanId={scan.id} query={query} params={params} rows={rows} total={total} accounts={listAccountOptions(database)} owners={isOwner ? null : listPrincipalOwners(database, scan.id)} />
    </ListPageShell>
  );
}
