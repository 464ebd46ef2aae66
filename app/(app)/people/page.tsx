import { listAccountOptions } from '@/db/queries/account-options';
import { listPeople, listPeopleFilterOptions } from '@/db/queries/people/list-people';
import { parsePeopleListQuery, peopleStateParams } from '@/lib/people/search-params';
import { openSnapshotPage, type PageSearchParams } from '@/server/http/open-snapshot-page';
import { ListPageHeader } from '@/components/data-table/list-page-header';
import { PeopleListPanel } from '@/components/people/people-list-panel';
import { ListPageShell } from '@/components/layout/list-page-shell';

export const metadata = { title: 'People' };

export default async function PeoplePage({ searchParams }: { searchParams: PageSearchParams }) {
  const { query, database, scan } = await openSnapshotPage(['admin', 'auditor'], parsePeopleListQuery, searchParams);
  const header = <ListPageHeader title="People" description="IAM Identity Center users and the Bedrock access their assignments give them" scan={scan} exportPath="/api/people/export" params={peopleStateParams(query)} />;
  if (!scan) return <ListPageShell header={header} />;
  const { rows, total } = listPeople(database, scan.id, query);
  return (
    <ListPageShell header={header}>
      <PeopleListPanel scanId={scan.id} query={query} rows={rows} total={total} options={listPeopleFilterOptions(database, scan.id)} accounts={listAccountOptions(database)} />
    </ListPageShell>
  );
}
