import { getDatabase } from '@/db/client';
import { getActiveScanId, listPublishedScans, listScanHistory } from '@/db/queries/scans';
import { parseScanListQuery } from '@/lib/scans/search-params';
import { requirePageUser } from '@/server/auth/session';
import { PageShell } from '@/components/layout/page-shell';
import { CompareSnapshotsPanel } from '@/components/scans/compare-snapshots-panel';
import { ScanHistoryPanel } from '@/components/scans/scan-history-panel';
import { ScanNowButton } from '@/components/scans/scan-now-button';

export const metadata = { title: 'Scans' };

export default async function ScansPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('admin', 'auditor');
  const query = parseScanListQuery(await searchParams);
  const database = getDatabase();
  const { rows, total } = listScanHistory(database, { page: query.page, pageSize: query.pageSize });
  return (
    <PageShell
      title="Scans"
      description="Every run of the scanners, newest first. Only published scans are shown on the other pages."
      actions={<ScanNowButton activeScanId={getActiveScanId(database)} canStart={user.role === 'admin'} />}
    >
      <CompareSnapshotsPanel published={listPublishedScans(database, 50)} />
      <ScanHistoryPanel rows={rows} total={total} query={query} isAdmin={user.role === 'admin'} />
    </PageShell>
  );
}
