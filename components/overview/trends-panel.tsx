import type { TrendPoint } from '@/db/queries/overview';
import { TrendLineChart } from '@/components/charts/trend-line-chart';
import { Card } from '@/components/ui/card';
import { formatDate } from '@/components/ui/format';

const SERIES = [
  { key: 'holders', label: 'Bedrock holders', colour: '#1f5fbf' },
  { key: 'conflicts', label: 'SoD conflicts', colour: '#dc2626' },
  { key: 'exposed', label: 'Exposed outside org', colour: '#d97706' },
  { key: 'high', label: 'Score 70+', colour: '#6d28d9' },
];

/** Holders, conflicts and exposure across the last published snapshots. */
export function TrendsPanel({ trends }: { trends: TrendPoint[] }) {
  return (
    <Card title="Trends across snapshots" id="trends" description="The last 10 published snapshots.">
      {trends.length < 2 ? (
        <p className="text-sm text-slate-700">Trends appear after the second published snapshot.</p>
      ) : (
        <TrendLineChart
          label="Bedrock holders, open conflicts and exposure per snapshot"
          data={trends.map((point) => ({ label: `#${point.scanId} ${formatDate(point.finishedAt)}`, holders: point.bedrockPrincipalCount, conflicts: point.openConflictCount, exposed: point.exposedOutsideOrgCount, high: point.highScoreCount }))}
          series={SERIES}
        />
      )}
    </Card>
  );
}
