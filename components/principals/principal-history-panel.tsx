import type { PrincipalHistoryPoint } from '@/db/queries/principals';
import { TrendLineChart } from '@/components/charts/trend-line-chart';
import { Card } from '@/components/ui/card';
import { formatDate } from '@/components/ui/format';
import { PrincipalHistoryTable } from '@/components/principals/principal-history-table';

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
            height={160}
            yDomain={[0, 100]}
            data={history.map((point) => ({ label: `#${point.scanId} ${formatDate(point.finishedAt)}`, score: point.score, actions: point.actionCount }))}
            series={[{ key: 'score', label: 'Score', colour: '#1f5fbf' }]}
          />
          <div className="mt-3">
            <PrincipalHistoryTable history={history} principalId={principalId} />
          </div>
        </>
      )}
    </Card>
  );
}
