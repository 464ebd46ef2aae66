import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDatabase } from '@/db/client';
import { getScanDetail } from '@/db/queries/scans';
import { requirePageUser } from '@/server/auth/session';
import { NotFoundError } from '@/lib/http/errors';
import { Badge, StatusBadge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { formatDateTime, formatDuration } from '@/components/ui/format';

export const metadata = { title: 'Scan' };

export default async function ScanPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser('admin', 'auditor');
  const { id } = await params;
  const scanId = Number(id);
  if (!Number.isSafeInteger(scanId) || scanId <= 0) notFound();
  let scan: ReturnType<typeof getScanDetail>;
  try {
    scan = getScanDetail(getDatabase(), scanId);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const facts: Array<[string, React.ReactNode]> = [
    ['Status', <span key="status" className="flex gap-1"><StatusBadge status={scan.status} />{scan.isPublished ? <Badge tone="info">published</Badge> : <Badge>not published</Badge>}</span>],
    ['Source', `${scan.source} · ${scan.trigger}${scan.sourceLocation ? ` · ${scan.sourceLocation}` : ''}`],
    ['Requested by', scan.requestedBy ?? '—'],
    ['Queued', formatDateTime(scan.queuedAt)],
    ['Started', formatDateTime(scan.startedAt)],
    ['Finished', formatDateTime(scan.finishedAt)],
    ['Duration', formatDuration(scan.durationMs)],
    ['Progress', scan.progressMessage ?? '—'],
  ];
  return (
    <div className="mx-auto max-w-6xl space-y-5">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/scans" className="text-brand-700 underline underline-offset-2">
          Scans
        </Link>{' '}
        / <span aria-current="page">Scan #{scan.id}</span>
      </nav>
      <h1 className="text-2xl font-bold text-slate-900">Scan #{scan.id}</h1>
      <Card>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt className="text-xs font-semibold uppercase tracking-wide text-slate-700">{label}</dt>
              <dd className="mt-0.5">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
      {scan.error ? (
        <ErrorState title={scan.status === 'failed' ? 'The scan failed' : 'Problems reported by the scan'}>
          <pre className="whitespace-pre-wrap break-words font-mono text-xs">{scan.error}</pre>
        </ErrorState>
      ) : null}
      <Card title="Accounts" id="accounts" description={`${scan.accountCount} account(s), ${scan.failedAccountCount} failed. A failed account keeps its error; the rest of the scan is kept.`}>
        {scan.accounts.length === 0 ? (
          <p className="text-sm text-slate-700">No per-account outcome recorded{scan.status === 'queued' || scan.status === 'running' ? ' yet' : ''}.</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="scan-accounts-table">
            <caption className="sr-only">Outcome per account</caption>
            <thead className="border-b border-slate-200 text-slate-700">
              <tr>
                <th scope="col" className="py-2 pr-3">Account</th>
                <th scope="col" className="py-2 pr-3">Outcome</th>
                <th scope="col" className="py-2 pr-3 text-right">Principals</th>
                <th scope="col" className="py-2 pr-3 text-right">Bedrock holders</th>
                <th scope="col" className="py-2 pr-3 text-right">Duration</th>
                <th scope="col" className="py-2">Error</th>
              </tr>
            </thead>
            <tbody>
              {scan.accounts.map((account) => (
                <tr key={account.accountId} className="border-b border-slate-100 align-top last:border-0">
                  <td className="py-2 pr-3">
                    {account.accountName ?? account.accountId}
                    <p className="font-mono text-xs text-slate-700">{account.accountId}</p>
                  </td>
                  <td className="py-2 pr-3">
                    <StatusBadge status={account.status} />
                  </td>
                  <td className="py-2 pr-3 text-right tabular-nums">{account.principalCount}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{account.bedrockPrincipalCount}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{formatDuration(account.durationMs)}</td>
                  <td className="py-2 text-xs text-red-900">{account.error ? <span className="break-words">{account.error}</span> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
