import type { RevocationListRow } from '@/db/queries/revocations/list';
import type { RevocationListQuery } from '@/lib/revocations/search-params';
import { REVOCATION_STATUSES } from '@/lib/revocations/statuses';
import { FilterBar } from '@/components/data-table/filter-bar';
import { DeclaredFilters, type FilterDefinition } from '@/components/data-table/declared-filters';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { RevocationsTable } from './revocations-table';

const FILTERS: FilterDefinition[] = [{ kind: 'select', name: 'status', label: 'Status', allLabel: 'Any status', options: REVOCATION_STATUSES.map((status) => ({ value: status, label: status })) }];

/** The revocation list: status filter, table, pager, or an empty state that says where revocations come from. */
export function RevocationsPanel({ rows, total, query }: { rows: RevocationListRow[]; total: number; query: RevocationListQuery }) {
  const params = { status: query.status };
  return (
    <>
      <FilterBar action="/revocations" resetHref="/revocations" label="Filter revocations">
        <DeclaredFilters filters={FILTERS} values={params} />
      </FilterBar>
      {rows.length === 0 ? (
        <EmptyState title={query.status ? `No ${query.status} revocation` : 'No revocation yet'}>
          <p>Revocations come from revoke decisions in campaigns and from admins on a principal’s grant.</p>
        </EmptyState>
      ) : (
        <>
          <RevocationsTable rows={rows} />
          <Pagination basePath="/revocations" params={params} page={query.page} pageSize={query.pageSize} total={total} label="Revocation pages" />
        </>
      )}
    </>
  );
}
