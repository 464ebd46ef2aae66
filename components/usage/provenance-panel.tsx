import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { ColumnHeadings } from '@/components/ui/column-headings';
import { TrendLineChart } from '@/components/charts/trend-line-chart';
import type { ProvenanceOverview } from '@/db/queries/usage-provenance';

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

/**
 * Provenance coverage on the overview: the share of Bedrock calls tied to a person or a named
 * workload, per account and per week; the top unattributed callers (with why); and the people
 * and workloads that call most.
 */
export function ProvenancePanel({ overview }: { overview: ProvenanceOverview }) {
  const { total } = overview;
  const iamUserEvents = total.events - total.attributed - total.unattributed;
  return (
    <Card
      title="Usage provenance"
      id="provenance"
      description={overview.hasEvidence ? `${percent(total.attributed, total.events)}% of ${total.events.toLocaleString('en')} Bedrock calls in ${overview.windowDays} days are tied to a person or a named workload; ${iamUserEvents.toLocaleString('en')} were made with IAM users' standing credentials and ${total.unattributed.toLocaleString('en')} are unattributed.` : 'No CloudTrail evidence imported yet: add a cloudtrail/ folder to the import, or scan live.'}
    >
      {overview.hasEvidence ? (
        <div className="space-y-5" data-testid="provenance-panel">
          <div className="grid grid-cols-1 gap-5 lg:grid-cols-2">
            <div className="min-w-0">
              <h3 className="mb-1 text-sm font-semibold text-slate-900">Coverage per week</h3>
              <TrendLineChart label="Provenance coverage per week (percent of calls attributed)" data={overview.trend.map((week) => ({ label: week.week.slice(5), coverage: percent(week.attributed, week.events) }))} series={[{ key: 'coverage', label: 'Attributed %', colour: '#1f5fbf' }]} yDomain={[0, 100]} height={220} />
            </div>
            <div tabIndex={0} role="region" aria-label="Coverage per account" className="min-w-0 overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-600">
              <h3 className="mb-1 text-sm font-semibold text-slate-900">Coverage per account</h3>
              <table className="w-full text-sm" data-testid="provenance-accounts">
                <thead>
                  <tr className="text-left text-xs uppercase tracking-wide text-slate-700">
                    <ColumnHeadings cellClassName="py-1 font-semibold" gapClassName="pr-2" columns={[{ label: 'Account' }, { label: 'Calls', isNumeric: true }, { label: 'Attributed', isNumeric: true }, { label: 'Unattributed', isNumeric: true }]} />
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {overview.byAccount.map((account) => (
                    <tr key={account.accountId}>
                      <td className="py-1 pr-2">
                        {account.accountName ?? account.accountId} <span className="text-xs text-slate-700">{account.accountId}</span>
                      </td>
                      <td className="py-1 pr-2 text-right tabular-nums">{account.events.toLocaleString('en')}</td>
                      <td className="py-1 pr-2 text-right tabular-nums">{percent(account.attributed, account.events)}%</td>
                      <td className="py-1 text-right tabular-nums">{account.unattributed.toLocaleString('en')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
          <div className="grid grid-cols-1 gap-5 lg:grid-cols-2">
            <div className="min-w-0">
              <h3 className="mb-1 text-sm font-semibold text-slate-900">Top unattributed callers</h3>
              {overview.topUnattributed.length === 0 ? (
                <p className="text-sm text-slate-700">Every call is tied to an identity.</p>
              ) : (
                <ul className="divide-y divide-slate-100 text-sm" data-testid="provenance-unattributed">
                  {overview.topUnattributed.map((entry) => (
                    <li key={`${entry.principalArn}:${entry.reason}`} className="flex flex-wrap items-center gap-2 py-1">
                      <span className="break-all font-mono text-xs">{entry.principalArn || 'no IAM principal'}</span>
                      <Badge tone="danger">{entry.reason.replaceAll('-', ' ')}</Badge>
                      <span className="ml-auto tabular-nums">{entry.events.toLocaleString('en')}</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div className="min-w-0">
              <h3 className="mb-1 text-sm font-semibold text-slate-900">People and workloads by invocations</h3>
              <ul className="divide-y divide-slate-100 text-sm" data-testid="provenance-callers">
                {overview.topCallers.map((caller) => (
                  <li key={`${caller.kind}:${caller.name}`} className="flex flex-wrap items-center gap-2 py-1">
                    <Badge tone={caller.kind === 'person' ? 'success' : 'info'}>{caller.kind}</Badge>
                    <span className="break-all font-mono text-xs">{caller.name}</span>
                    <span className="ml-auto tabular-nums">{caller.calls.toLocaleString('en')}</span>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </div>
      ) : null}
    </Card>
  );
}
