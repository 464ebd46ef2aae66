import Link from 'next/link';
import { getDatabase } from '@/db/client';
import { computeDrift, loadDriftEntitlements } from '@/db/queries/drift';
import { isPublishedScan, listPublishedScans } from '@/db/queries/scans';
import { parseDriftQuery } from '@/lib/scans/search-params';
import { requirePageUser } from '@/server/auth/session';
import { Breadcrumb } from '@/components/ui/breadcrumb';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { DriftPanel } from '@/components/scans/drift-panel';

export const metadata = { title: 'Drift' };

export default async function DriftPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('admin', 'auditor');
  const query = parseDriftQuery(await searchParams);
  const database = getDatabase();
  const published = listPublishedScans(database, 2);
  const fromId = query.from ?? published[1]?.id ?? null;
  const toId = query.to ?? published[0]?.id ?? null;
  const header = <PageHeader title="Drift between snapshots" description={fromId && toId ? `From snapshot #${fromId} to #${toId}.` : undefined} />;

  if (fromId === null || toId === null) {
    return (
      <div className="mx-auto max-w-6xl">
        {header}
        <EmptyState title="Two published snapshots are needed">
          <p>Drift compares two published scans; there are fewer than two so far.</p>
        </EmptyState>
      </div>
    );
  }
  if (!isPublishedScan(database, fromId) || !isPublishedScan(database, toId)) {
    return (
      <div className="mx-auto max-w-6xl">
        {header}
        <ErrorState title="Unknown snapshot">Both scans must exist and be published. Pick them on the <Link href="/scans" className="underline">Scans</Link> page.</ErrorState>
      </div>
    );
  }
  const drift = computeDrift(loadDriftEntitlements(database, fromId), loadDriftEntitlements(database, toId));
  const publishedAll = listPublishedScans(database, 200);
  const finishedAtOf = (id: number) => publishedAll.find((scan) => scan.id === id)?.finishedAt ?? null;

  return (
    <div className="mx-auto max-w-6xl space-y-5">
      <Breadcrumb parent={{ href: '/scans', label: 'Scans' }} current="Drift" />
      {header}
      <DriftPanel drift={drift} from={{ id: fromId, finishedAt: finishedAtOf(fromId) }} to={{ id: toId, finishedAt: finishedAtOf(toId) }} />
    </div>
  );
}
