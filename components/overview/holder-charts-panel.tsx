import type { OpenConflictCount, OverviewCounts } from '@/db/queries/overview';
import { TIERS } from '@/lib/analysis/types';
import { SimpleBarChart } from '@/components/charts/simple-bar-chart';
import { StackedBarChart } from '@/components/charts/stacked-bar-chart';
import { Card } from '@/components/ui/card';
import { TIER_CHART_COLOURS } from '@/components/principals/tier-chip';

const SEVERITY_SERIES = [
  { key: 'critical', label: 'Critical', colour: '#991b1b' },
  { key: 'high', label: 'High', colour: '#dc2626' },
  { key: 'medium', label: 'Medium', colour: '#d97706' },
  { key: 'low', label: 'Low', colour: '#64748b' },
];

function scoreBandColour(index: number): string {
  if (index >= 8) return '#b91c1c';
  if (index >= 6) return '#ea580c';
  if (index >= 3) return '#d97706';
  return '#059669';
}

/** Open conflicts per rule, one stacked bar per rule with a segment per severity. */
function conflictsByRule(conflicts: OpenConflictCount[]): Array<Record<string, number | string>> {
  const byRule = new Map<string, Record<string, number | string>>();
  for (const entry of conflicts) {
    const row = byRule.get(entry.ruleId) ?? { label: entry.ruleId.replace(/^SOD-/, '') };
    const previous = row[entry.severity];
    row[entry.severity] = (typeof previous === 'number' ? previous : 0) + entry.count;
    byRule.set(entry.ruleId, row);
  }
  return [...byRule.values()];
}

/** Holders by tier and by account, the score distribution, and open conflicts by rule. */
export function HolderChartsPanel({ counts, conflicts }: { counts: OverviewCounts; conflicts: OpenConflictCount[] }) {
  const byRule = conflictsByRule(conflicts);
  return (
    <div className="grid grid-cols-1 gap-5 lg:grid-cols-2">
      <Card title="Holders by tier" id="by-tier">
        <SimpleBarChart label="Bedrock holders by tier" valueLabel="Principals" data={TIERS.map((tier) => ({ label: tier, value: counts.byTier[tier], colour: TIER_CHART_COLOURS[tier] }))} />
      </Card>
      <Card title="Holders by account" id="by-account">
        <SimpleBarChart label="Bedrock holders by account (top 12)" valueLabel="Principals" layout="vertical" data={counts.byAccount.slice(0, 12).map((entry) => ({ label: entry.accountName ?? entry.accountId, value: entry.count }))} />
      </Card>
      <Card title="Blast-radius score distribution" id="score-distribution">
        <SimpleBarChart
          label="Principals per blast-radius score band"
          valueLabel="Principals"
          data={counts.scoreBuckets.map((value, index) => ({ label: index === 9 ? '90–100' : `${index * 10}–${index * 10 + 9}`, value, colour: scoreBandColour(index) }))}
        />
      </Card>
      <Card title="Open conflicts by rule and severity" id="conflicts-by-rule">
        {byRule.length === 0 ? <p className="text-sm text-slate-700">No open conflict.</p> : <StackedBarChart label="Open SoD conflicts by rule, stacked by severity" data={byRule} series={SEVERITY_SERIES} />}
      </Card>
    </div>
  );
}
