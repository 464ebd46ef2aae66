import Link from 'next/link';
import { getDatabase } from '@/db/client';
import { getActiveScanId, listPublishedScans, listScanHistory } from '@/db/queries/scans';
import { requirePageUser } from '@/server/auth/session';
import { ScanNowButton } from '@/components/scans/scan-now-button';
import { fieldClass, fieldLabelClass } from '@/components/data-table/filter-bar';
import { Badge, StatusBadge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDateTime, formatDuration } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { parsePageParam } from '@/lib/http/page-param';

export const metadata = { title: 'Scans' };

const PAGE_SIZE = 25;

export default async function ScansPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('admin', 'auditor');
  const raw = await searchParams;
  const page = parsePageParam(raw.page);
  const database = getDatabase();
  const { rows, total } = listScanHistory(database, { page, pageSize: PAGE_SIZE });
  const activeScanId = getActiveScanId(database);
  const published = listPublishedScans(database, 50);

  return (
    <div className="mx-auto max-w-7xl space-y-5">
      <PageHeader title="Scans" description="Every run of the scanners, newest first. Only published scans are shown on the other pages." actions={<ScanNowButton activeScanId={activeScanId} canStart={user.role === 'admin'} />} />

      {published.length >= 2 ? (
        <Card title="Compare two snapshots" id="compare">
          <form method="get" action="/scans/drift" className="flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor="drift-from" className={fieldLabelClass}>
                From (older)
              </label>
              <select id="drift-from" name="from" defaultValue={published[1].id} className={fieldClass}>
                {published.map((scan) => (
                  <option key={scan.id} value={scan.id}>
                    #{scan.id} · {formatDateTime(scan.finishedAt)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="drift-to" className={fieldLabelClass}>
                To (newer)
              </label>
              <select id="drift-to" name="to" defaultValue={published[0].id} className={fieldClass}>
                {published.map((scan) => (
                  <option key={scan.id} value={scan.id}>
                    #{scan.id} · {formatDateTime(scan.finishedAt)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
              Show drift
            </button>
          </form>
        </Card>
      ) : null}

      {rows.length === 0 ? (
        <EmptyState title="No scan yet">
          <p>
            Run <code className="rounded bg-slate-100 px-1 font-mono text-xs">npm run cli -- scan --from demo/org</code>
            {user.role === 'admin' ? ' or press “Scan now”.' : ' or ask an admin to scan.'}
          </p>
        </EmptyState>
      ) : (
        <>
          <div tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-brand-600">
            <table className="w-full text-left text-sm" data-testid="scans-table">
              <caption className="sr-only">Scan history</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2">Scan</th>
                  <th scope="col" className="px-3 py-2">Status</th>
                  <th scope="col" className="px-3 py-2">Source</th>
                  <th scope="col" className="px-3 py-2">Requested</th>
                  <th scope="col" className="px-3 py-2">Finished</th>
                  <th scope="col" className="px-3 py-2 text-right">Duration</th>
                  <th scope="col" className="px-3 py-2 text-right">Accounts (failed)</th>
                  <th scope="col" className="px-3 py-2">Error</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((scan) => (
                  <tr key={scan.id} className="border-b border-slate-100 align-top last:border-0">
                    <td className="px-3 py-2">
                      <Link href={`/scans/${scan.id}`} className="font-medium text-brand-700 underline underline-offset-2">
                        Scan #{scan.id}
                      </Link>
                    </td>
                    <td className="px-3 py-2">
                      <span className="flex flex-wrap gap-1">
                        <StatusBadge status={scan.status} />
                        {scan.isPublished ? <Badge tone="info">published</Badge> : null}
                      </span>
                    </td>
                    <td className="px-3 py-2">
                      {scan.source} · {scan.trigger}
                    </td>
                    <td className="px-3 py-2">
                      {formatDateTime(scan.queuedAt)}
                      <p className="text-xs text-slate-700">{scan.requestedBy ?? '—'}</p>
                    </td>
                    <td className="px-3 py-2">{formatDateTime(scan.finishedAt)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatDuration(scan.durationMs)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {scan.accountCount}
                      {scan.failedAccountCount > 0 ? <span className="text-red-800"> ({scan.failedAccountCount} failed)</span> : null}
                    </td>
                    <td className="max-w-xs px-3 py-2 text-xs text-red-900">{scan.error ? <span className="line-clamp-2 break-words">{scan.error}</span> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination basePath="/scans" params={{}} page={page} pageSize={PAGE_SIZE} total={total} label="Scan pages" />
        </>
      )}
    </div>
  );
}
