import Link from 'next/link';
import { getDatabase } from '@/db/client';
import { countOpenConflicts, getOverviewCounts, listTopPrincipals, listTrends } from '@/db/queries/overview';
import { listControlCoverageTrend } from '@/db/queries/control-coverage-trend';
import { ControlCoveragePanel } from '@/components/controls/control-coverage-panel';
import { getLastScan, getLatestPublishedScan } from '@/db/queries/scans';
import { maskToTiers } from '@/lib/analysis/tier-mask';
import { TIERS } from '@/lib/analysis/types';
import { requirePageUser } from '@/server/auth/session';
import { SimpleBarChart } from '@/components/charts/simple-bar-chart';
import { StackedBarChart } from '@/components/charts/stacked-bar-chart';
import { TrendLineChart } from '@/components/charts/trend-line-chart';
import { StatusBadge } from '@/components/ui/badge';
import { Card, StatCard } from '@/components/ui/card';
import { NoScanYet } from '@/components/ui/empty-state';
import { formatAge, formatDate } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/page-header';
import { ScoreBadge } from '@/components/ui/score-badge';
import { TIER_CHART_COLOURS, TierChips } from '@/components/ui/tier-chip';
import { ProvenancePanel } from '@/components/usage/provenance-panel';
import { getProvenanceOverview } from '@/db/queries/usage-provenance';
import { getPeopleOverview } from '@/db/queries/people/people-overview';
import { PeopleOverviewPanel } from '@/components/people/people-overview-panel';

export const metadata = { title: 'Overview' };

const SEVERITY_SERIES = [
  { key: 'critical', label: 'Critical', colour: '#991b1b' },
  { key: 'high', label: 'High', colour: '#dc2626' },
  { key: 'medium', label: 'Medium', colour: '#d97706' },
  { key: 'low', label: 'Low', colour: '#64748b' },
];

export default async function OverviewPage() {
  await requirePageUser('admin', 'auditor');
  const database = getDatabase();
  const scan = getLatestPublishedScan(database);
  const lastScan = getLastScan(database);
  if (!scan) {
    return (
      <div className="mx-auto max-w-7xl">
        <PageHeader title="Overview" />
        <NoScanYet />
      </div>
    );
  }
  const counts = getOverviewCounts(database, scan.id);
  const conflicts = countOpenConflicts(database, scan.id);
  const top = listTopPrincipals(database, scan.id, 10);
  const trends = listTrends(database, 10);
  const peopleOverview = getPeopleOverview(database, scan.id);

  const criticalHigh = conflicts.filter((entry) => entry.severity === 'critical' || entry.severity === 'high').reduce((sum, entry) => sum + entry.count, 0);
  const conflictsByRule = new Map<string, Record<string, number | string>>();
  for (const entry of conflicts) {
    const row = conflictsByRule.get(entry.ruleId) ?? { label: entry.ruleId.replace(/^SOD-/, '') };
    row[entry.severity] = ((row[entry.severity] as number | undefined) ?? 0) + entry.count;
    conflictsByRule.set(entry.ruleId, row);
  }

  return (
    <div className="mx-auto max-w-7xl space-y-5">
      <PageHeader title="Overview" description={`Snapshot #${scan.id} (${scan.status}), published ${formatAge(scan.finishedAt)}.`} />

      <section aria-labelledby="kpi-heading">
        <h2 id="kpi-heading" className="sr-only">
          Key figures
        </h2>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" data-testid="kpi-cards">
          <StatCard label="Bedrock holders" value={counts.bedrockPrincipalCount.toLocaleString('en')} detail={`of ${counts.principalCount.toLocaleString('en')} principals`} href="/principals" />
          <StatCard label="Critical / high conflicts" value={criticalHigh.toLocaleString('en')} tone={criticalHigh > 0 ? 'danger' : 'neutral'} detail="open, without exception" href="/conflicts" />
          <StatCard label="Exposed outside org" value={counts.exposedOutsideOrgCount.toLocaleString('en')} tone={counts.exposedOutsideOrgCount > 0 ? 'warning' : 'neutral'} href="/principals?exposure=outside-org" />
          <StatCard label="Unpinned OIDC" value={counts.unpinnedOidcCount.toLocaleString('en')} tone={counts.unpinnedOidcCount > 0 ? 'warning' : 'neutral'} href="/principals?exposure=unpinned-oidc" />
          <StatCard label="Public trusts" value={counts.publicTrustCount.toLocaleString('en')} tone={counts.publicTrustCount > 0 ? 'danger' : 'neutral'} href="/principals?exposure=public" />
          <StatCard
            label="Last scan"
            value={lastScan ? <StatusBadge status={lastScan.status} /> : '—'}
            detail={lastScan ? `#${lastScan.id}, ${formatAge(lastScan.finishedAt ?? lastScan.queuedAt)}` : undefined}
            href={lastScan ? `/scans/${lastScan.id}` : '/scans'}
          />
        </div>
      </section>

      <div className="grid grid-cols-1 gap-5 lg:grid-cols-2">
        <Card title="Holders by tier" id="by-tier">
          <SimpleBarChart label="Bedrock holders by tier" valueLabel="Principals" data={TIERS.map((tier) => ({ label: tier, value: counts.byTier[tier], colour: TIER_CHART_COLOURS[tier] }))} />
        </Card>
        <Card title="Holders by account" id="by-account">
          <SimpleBarChart
            label="Bedrock holders by account (top 12)"
            valueLabel="Principals"
            layout="vertical"
            data={counts.byAccount.slice(0, 12).map((entry) => ({ label: entry.accountName ?? entry.accountId, value: entry.count }))}
          />
        </Card>
        <Card title="Blast-radius score distribution" id="score-distribution">
          <SimpleBarChart
            label="Principals per blast-radius score band"
            valueLabel="Principals"
            data={counts.scoreBuckets.map((value, index) => ({ label: index === 9 ? '90–100' : `${index * 10}–${index * 10 + 9}`, value, colour: index >= 8 ? '#b91c1c' : index >= 6 ? '#ea580c' : index >= 3 ? '#d97706' : '#059669' }))}
          />
        </Card>
        <Card title="Open conflicts by rule and severity" id="conflicts-by-rule">
          {conflictsByRule.size === 0 ? <p className="text-sm text-slate-700">No open conflict.</p> : <StackedBarChart label="Open SoD conflicts by rule, stacked by severity" data={[...conflictsByRule.values()]} series={SEVERITY_SERIES} />}
        </Card>
      </div>

      <ControlCoveragePanel points={listControlCoverageTrend(database, 10)} />

      <Card title="Trends across snapshots" id="trends" description="The last 10 published snapshots.">
        {trends.length < 2 ? (
          <p className="text-sm text-slate-700">Trends appear after the second published snapshot.</p>
        ) : (
          <TrendLineChart
            label="Bedrock holders, open conflicts and exposure per snapshot"
            data={trends.map((point) => ({ label: `#${point.scanId} ${formatDate(point.finishedAt)}`, holders: point.bedrockPrincipalCount, conflicts: point.openConflictCount, exposed: point.exposedOutsideOrgCount, high: point.highScoreCount }))}
            series={[
              { key: 'holders', label: 'Bedrock holders', colour: '#1f5fbf' },
              { key: 'conflicts', label: 'SoD conflicts', colour: '#dc2626' },
              { key: 'exposed', label: 'Exposed outside org', colour: '#d97706' },
              { key: 'high', label: 'Score 70+', colour: '#6d28d9' },
            ]}
          />
        )}
      </Card>

      <ProvenancePanel overview={getProvenanceOverview(database, scan.id)} />
      {peopleOverview ? <PeopleOverviewPanel overview={peopleOverview} /> : null}

      <Card title="Top 10 by blast radius" id="top-10">
        <table className="w-full text-left text-sm" data-testid="top-principals">
          <caption className="sr-only">The ten principals with the highest blast-radius score</caption>
          <thead className="border-b border-slate-200 text-slate-700">
            <tr>
              <th scope="col" className="py-2 pr-3">Principal</th>
              <th scope="col" className="py-2 pr-3">Account</th>
              <th scope="col" className="py-2 pr-3">Tiers</th>
              <th scope="col" className="py-2 pr-3 text-right">Conflicts</th>
              <th scope="col" className="py-2 text-right">Score</th>
            </tr>
          </thead>
          <tbody>
            {top.map((row) => (
              <tr key={row.id} className="border-b border-slate-100 last:border-0">
                <td className="py-2 pr-3">
                  <Link href={`/principals/${row.id}`} className="font-medium text-brand-700 underline underline-offset-2">
                    {row.name}
                  </Link>{' '}
                  <span className="text-xs text-slate-700">{row.type}</span>
                </td>
                <td className="py-2 pr-3">{row.accountName ?? row.accountId}</td>
                <td className="py-2 pr-3">
                  <TierChips tiers={maskToTiers(row.tiersMask)} />
                </td>
                <td className="py-2 pr-3 text-right tabular-nums">{row.conflictCount}</td>
                <td className="py-2 text-right">
                  <ScoreBadge score={row.score} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
