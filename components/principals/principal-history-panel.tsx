import Link from 'next/link';
import type { PrincipalHistoryPoint } from '@/db/queries/principals';
import { maskToTiers } from '@/lib/analysis/tier-mask';
import { TrendLineChart } from '@/components/charts/trend-line-chart';
import { Card } from '@/components/ui/card';
import { ColumnHeadings } from '@/components/ui/column-headings';
import { formatDate } from '@/components/ui/format';
import { ScoreBadge } from '@/components/principals/score-badge';
import { TierChips } from '@/components/principals/tier-chip';

function SnapshotCell({ point, principalId }: { point: PrincipalHistoryPoint; principalId: number }) {
  const label = point.principalId === principalId ? <span>#{point.scanId} (this one)</span> : <Link href={`/principals/${point.principalId}`} className="text-brand-700 underline">#{point.scanId}</Link>;
  return (
    <>
      {label} <span className="text-slate-700">{formatDate(point.finishedAt)}</span>
    </>
  );
}

/** The same ARN across the last snapshots: score trend and a row per snapshot, linked. */
export function PrincipalHistoryPanel({ history, principalId, principalName }: { history: PrincipalHistoryPoint[]; principalId: number; principalName: string }) {
  return (
    <Card title="History across snapshots" id="history">
      {history.length < 2 ? (
        <p className="text-sm text-slate-700">{history.length === 1 ? 'Only one snapshot so far.' : 'No history.'}</p>
      ) : (
        <>
          <TrendLineChart
            label={`Blast radius of ${principalName} per snapshot`}
            height={120}
            yDomain={[0, 100]}
            data={history.map((point) => ({ label: `#${point.scanId} ${formatDate(point.finishedAt)}`, score: point.score, actions: point.actionCount }))}
            series={[{ key: 'score', label: 'Score', colour: '#1f5fbf' }]}
          />
          {/* The chart carries its own table of scores; tiers and action counts per snapshot are one click away. */}
          <details className="mt-2">
            <summary className="cursor-pointer text-xs text-brand-700">Score, tiers and actions of each of the {history.length} snapshots</summary>
            <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label="Score per snapshot">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Score, tiers and action count per snapshot</caption>
                <thead className="border-b border-slate-200 text-slate-700">
                  <tr>
                    <ColumnHeadings cellClassName="py-1.5" gapClassName="pr-3" columns={[{ label: 'Snapshot' }, { label: 'Score' }, { label: 'Tiers' }, { label: 'Actions', isNumeric: true }]} />
                  </tr>
                </thead>
                <tbody>
                  {history.map((point) => (
                    <tr key={point.scanId} className="border-b border-slate-100">
                      <td className="py-1.5 pr-3">
                        <SnapshotCell point={point} principalId={principalId} />
                      </td>
                      <td className="py-1.5 pr-3">
                        <ScoreBadge score={point.score} />
                      </td>
                      <td className="py-1.5 pr-3">
                        <TierChips tiers={maskToTiers(point.tiersMask)} />
                      </td>
                      <td className="py-1.5 text-right tabular-nums">{point.actionCount}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </Card>
  );
}
