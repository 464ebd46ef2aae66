import type { ScanHistoryRow } from '@/db/queries/scans';
import type { ScanListQuery } from '@/lib/scans/search-params';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { ScansTable } from './scans-table';

/** The scan history with its pager, or how to run the first scan. */
export function ScanHistoryPanel({ rows, total, query, isAdmin }: { rows: ScanHistoryRow[]; total: number; query: ScanListQuery; isAdmin: boolean }) {
  if (rows.length === 0) {
    return (
      <EmptyState title="No scan yet">
        <p>
          Run <code className="rounded bg-slate-100 px-1 font-mono text-xs">npm run cli -- scan --from demo/org</code>
          {isAdmin ? ' or press “Scan now”.' : ' or ask an admin to scan.'}
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      <ScansTable rows={rows} />
      <Pagination basePath="/scans" params={{}} page={query.page} pageSize={query.pageSize} total={total} label="Scan pages" />
    </>
  );
}
