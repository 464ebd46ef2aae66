import { getDatabase } from '@/db/client';
import { listControlCoverageTrend } from '@/db/queries/control-coverage-trend';
import { countOpenConflicts, getOverviewCounts, listTopPrincipals, listTrends } from '@/db/queries/overview';
import { getPeopleOverview } from '@/db/queries/people/people-overview';
import { getLastScan, getLatestPublishedScan } from '@/db/queries/scans';
import { getProvenanceOverview } from '@/db/queries/usage-provenance';
import { requirePageUser } from '@/server/auth/session';
import { ControlCoveragePanel } from '@/components/controls/control-coverage-panel';
import { NoScanPage, PageShell } from '@/components/layout/page-shell';
import { HolderChartsPanel } from '@/components/overview/holder-charts-panel';
import { KeyFiguresPanel } from '@/components/overview/key-figures-panel';
import { TopPrincipalsTable } from '@/components/overview/top-principals-table';
import { TrendsPanel } from '@/components/overview/trends-panel';
import { PeopleOverviewPanel } from '@/components/people/people-overview-panel';
import { Card } from '@/components/ui/card';
import { formatAge } from '@/components/ui/format';
import { ProvenancePanel } from '@/components/usage/provenance-panel';

export const metadata = { title: 'Overview' };

export default async function OverviewPage() {
  await requirePageUser('admin', 'auditor');
  const database = getDatabase();
  const scan = getLatestPublishedScan(database);
  if (!scan) return <NoScanPage title="Overview" />;
  const conflicts = countOpenConflicts(database, scan.id);
  const criticalHigh = conflicts.filter((entry) => entry.severity === 'critical' || entry.severity === 'high').reduce((sum, entry) => sum + entry.count, 0);
  const peopleOverview = getPeopleOverview(database, scan.id);
  const counts = getOverviewCounts(database, scan.id);
  return (
    <PageShell title="Overview" description={`Snapshot #${scan.id} (${scan.status}), published ${formatAge(scan.finishedAt)}.`}>
      <KeyFiguresPanel counts={counts} criticalHighConflicts={criticalHigh} lastScan={getLastScan(database)} />
      <HolderChartsPanel counts={counts} conflicts={conflicts} />
      <ControlCoveragePanel points={listControlCoverageTrend(database, 10)} />
      <TrendsPanel trends={listTrends(database, 10)} />
      <ProvenancePanel overview={getProvenanceOverview(database, scan.id)} />
      {peopleOverview ? <PeopleOverviewPanel overview={peopleOverview} /> : null}
      <Card title="Top 10 by blast radius" id="top-10">
        <TopPrincipalsTable rows={listTopPrincipals(database, scan.id, 10)} />
      </Card>
    </PageShell>
  );
}
