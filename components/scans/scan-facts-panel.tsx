import type { ReactNode } from 'react';
import type { ScanDetail } from '@/db/queries/scans';
import { Badge, StatusBadge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { formatDateTime, formatDuration } from '@/components/ui/format';

/** What a scan was (status, source, who asked, when) and, when it reported any, its error. */
export function ScanFactsPanel({ scan }: { scan: ScanDetail }) {
  const facts: Array<[string, ReactNode]> = [
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
    <>
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
    </>
  );
}
