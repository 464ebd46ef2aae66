import type { DriftResult } from '@/db/queries/drift';
import { Card, StatCard } from '@/components/ui/card';
import { formatDateTime } from '@/components/ui/format';
import { DriftChangeList, DriftEntitlementList, DriftPrincipalList } from './drift-lists';

export interface DriftSnapshot {
  id: number;
  finishedAt: string | null;
}

/** What changed between two published snapshots: counts first, then each kind of change listed. */
export function DriftPanel({ drift, from, to }: { drift: DriftResult; from: DriftSnapshot; to: DriftSnapshot }) {
  return (
    <>
      <p className="-mt-3 text-sm text-slate-700">
        #{from.id} finished {formatDateTime(from.finishedAt)} → #{to.id} finished {formatDateTime(to.finishedAt)}. {drift.unchangedCount} entitlement(s) unchanged.
      </p>
      <section aria-labelledby="drift-summary-heading">
        <h2 id="drift-summary-heading" className="sr-only">
          Summary
        </h2>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
          <StatCard label="Principals added" value={drift.principalsAdded.length} tone={drift.principalsAdded.length ? 'warning' : 'neutral'} />
          <StatCard label="Principals removed" value={drift.principalsRemoved.length} />
          <StatCard label="Entitlements added" value={drift.entitlementsAdded.length} tone={drift.entitlementsAdded.length ? 'warning' : 'neutral'} />
          <StatCard label="Entitlements removed" value={drift.entitlementsRemoved.length} />
          <StatCard label="Widened" value={drift.widened.length} tone={drift.widened.length ? 'danger' : 'neutral'} />
          <StatCard label="Narrowed" value={drift.narrowed.length} />
        </div>
      </section>
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-2">
        <Card title="Widened entitlements" id="widened" description="Same grant path, more actions.">
          <DriftChangeList changes={drift.widened} kind="gained" />
        </Card>
        <Card title="Narrowed entitlements" id="narrowed" description="Same grant path, fewer actions.">
          <DriftChangeList changes={drift.narrowed} kind="lost" />
        </Card>
        <Card title="Entitlements added" id="entitlements-added">
          <DriftEntitlementList entries={drift.entitlementsAdded} />
        </Card>
        <Card title="Entitlements removed" id="entitlements-removed">
          <DriftEntitlementList entries={drift.entitlementsRemoved} />
        </Card>
        <Card title="Principals added" id="principals-added" description="Bedrock holders that held nothing before.">
          <DriftPrincipalList principals={drift.principalsAdded} />
        </Card>
        <Card title="Principals removed" id="principals-removed" description="No longer hold Bedrock access (links open the older snapshot).">
          <DriftPrincipalList principals={drift.principalsRemoved} />
        </Card>
      </div>
    </>
  );
}
