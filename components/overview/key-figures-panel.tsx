import type { OverviewCounts } from '@/db/queries/overview';
import { StatusBadge } from '@/components/ui/badge';
import { StatCard } from '@/components/ui/card';
import { formatAge } from '@/components/ui/format';

/** The six figures at the top of the overview, each linking to the list behind it. */
export function KeyFiguresPanel({ counts, criticalHighConflicts, lastScan }: { counts: OverviewCounts; criticalHighConflicts: number; lastScan: { id: number; status: string; queuedAt: string; finishedAt: string | null } | null }) {
  return (
    <section aria-labelledby="kpi-heading">
      <h2 id="kpi-heading" className="sr-only">
        Key figures
      </h2>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" data-testid="kpi-cards">
        <StatCard label="Bedrock holders" value={counts.bedrockPrincipalCount.toLocaleString('en')} detail={`of ${counts.principalCount.toLocaleString('en')} principals`} href="/principals" />
        <StatCard label="Critical / high conflicts" value={criticalHighConflicts.toLocaleString('en')} tone={criticalHighConflicts > 0 ? 'danger' : 'neutral'} detail="open, without exception" href="/conflicts" />
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
  );
}
