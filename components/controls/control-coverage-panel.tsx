import type { ReactNode } from 'react';
import { TrendLineChart } from '@/components/charts/trend-line-chart';
import { Card } from '@/components/ui/card';
import { formatDate } from '@/components/ui/format';
import type { ControlCoveragePoint } from '@/db/queries/control-coverage-trend';

function share(part: number, whole: number): string {
  return whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`;
}

function CoverageFigure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="text-2xl font-bold tabular-nums text-slate-900">{children}</dd>
    </div>
  );
}

/** The covered holders as a share of all, with their count beside it. */
function CoveredShare({ covered, holders }: { covered: number; holders: number }) {
  return (
    <>
      {share(covered, holders)} <span className="text-sm font-normal text-slate-700">({covered})</span>
    </>
  );
}

/** Overview: share of production invoke holders covered by an enforced guardrail and by logging, and its trend. */
export function ControlCoveragePanel({ points }: { points: ControlCoveragePoint[] }) {
  const latest = points.at(-1);
  return (
    <Card title="Production invoke holders under controls" id="control-coverage" description="Covered: an enforced guardrail (or logging) in every region where the principal can invoke models.">
      {!latest ? (
        <p className="text-sm text-slate-700">No controls were read in the published snapshots yet.</p>
      ) : (
        <>
          <dl className="mb-3 grid grid-cols-1 gap-3 sm:grid-cols-3" data-testid="control-coverage">
            <CoverageFigure label="Production invoke holders">{latest.productionInvokeHolders}</CoverageFigure>
            <CoverageFigure label="Guardrail enforced">
              <CoveredShare covered={latest.guardrailCovered} holders={latest.productionInvokeHolders} />
            </CoverageFigure>
            <CoverageFigure label="Invocations logged">
              <CoveredShare covered={latest.loggingCovered} holders={latest.productionInvokeHolders} />
            </CoverageFigure>
          </dl>
          {points.length >= 2 ? (
            <TrendLineChart
              label="Share of production invoke holders covered, per snapshot (%)"
              yDomain={[0, 100]}
              data={points.map((point) => ({ label: `#${point.scanId} ${formatDate(point.finishedAt)}`, guardrail: point.productionInvokeHolders === 0 ? 0 : Math.round((point.guardrailCovered / point.productionInvokeHolders) * 100), logging: point.productionInvokeHolders === 0 ? 0 : Math.round((point.loggingCovered / point.productionInvokeHolders) * 100) }))}
              series={[
                { key: 'guardrail', label: 'Guardrail enforced (%)', colour: '#059669' },
                { key: 'logging', label: 'Invocations logged (%)', colour: '#1f5fbf' },
              ]}
            />
          ) : (
            <p className="text-sm text-slate-700">The trend appears after the second snapshot with controls.</p>
          )}
        </>
      )}
    </Card>
  );
}
