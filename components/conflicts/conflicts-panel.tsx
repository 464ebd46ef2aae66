import type { ConflictListRow } from '@/db/queries/conflicts';
import { conflictListParams, type ConflictListQuery } from '@/lib/conflicts/search-params';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { ConflictsTable, type ConflictViewer } from './conflicts-table';
import { ExceptionFeedbackProvider } from './exception-feedback';

/** A page of conflicts with its pager, or a plain-words empty state that says which filters hide what. */
export function ConflictsPanel({ rows, total, query, viewer }: { rows: ConflictListRow[]; total: number; query: ConflictListQuery; viewer: ConflictViewer }) {
  const params = conflictListParams(query);
  return (
    <ExceptionFeedbackProvider>
      {rows.length === 0 ? (
        <EmptyState title={query.rule || query.severity || query.account || query.excepted !== 'hide' ? 'No conflict matches these filters' : 'No open conflict in this snapshot'}>
          <p>{query.excepted === 'hide' ? 'Conflicts accepted as exceptions are hidden; choose “Include accepted exceptions” to see them.' : 'Change or reset the filters.'}</p>
        </EmptyState>
      ) : (
        <>
          <ConflictsTable rows={rows} grouping={query.group} viewer={viewer} basePath="/conflicts" params={params} />
          <Pagination basePath="/conflicts" params={params} page={query.page} pageSize={query.pageSize} total={total} label="Conflict pages" />
        </>
      )}
    </ExceptionFeedbackProvider>
  );
}
