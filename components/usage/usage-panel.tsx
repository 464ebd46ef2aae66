import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { ColumnHeadings } from '@/components/ui/column-headings';
import { formatDate, formatDateTime } from '@/components/ui/format';
import type { PrincipalUsage } from '@/db/queries/usage-principal';
import type { UsageRecommendation } from '@/lib/usage/recommend-from-usage';
import { UsageOverTimeChart } from './usage-over-time-chart';

const KIND_LABEL = { person: 'person', workload: 'workload', 'iam-user': 'IAM user', unattributed: 'unattributed' } as const;
const KIND_TONE = { person: 'success', workload: 'info', 'iam-user': 'warning', unattributed: 'danger' } as const;

function Stat({ label, value, detail }: { label: string; value: React.ReactNode; detail?: React.ReactNode }) {
  return (
    <div className="rounded-md border border-slate-200 px-3 py-2">
      <dt className="text-xs font-semibold uppercase tracking-wide text-slate-700">{label}</dt>
      <dd className="mt-0.5 text-lg font-semibold tabular-nums text-slate-900">{value}</dd>
      {detail ? <dd className="text-xs text-slate-700">{detail}</dd> : null}
    </div>
  );
}

/** Rows shown before "show more": the busiest few answer most questions, and the page stays short. */
const VISIBLE_COUNT_ROWS = 6;

function CountRows({ rows }: { rows: Array<[string, number, string | null]> }) {
  return rows.map(([name, calls, last]) => (
    <tr key={name}>
      {/* max-w-0 lets the name column take the rest of the width and truncate, the full name on hover. */}
      <td className="w-full max-w-0 truncate py-1 pr-2 font-mono text-xs" title={name}>
        {name}
      </td>
      <td className="py-1 pr-2 text-right tabular-nums">{calls}</td>
      <td className="whitespace-nowrap py-1 text-xs">{formatDate(last)}</td>
    </tr>
  ));
}

function CountTable({ caption, rows, empty, testId }: { caption: string; rows: Array<[string, number, string | null]>; empty: string; testId: string }) {
  const rest = rows.slice(VISIBLE_COUNT_ROWS);
  return (
    <div className="min-w-0">
      <h3 className="mb-1 text-sm font-semibold text-slate-900">{caption}</h3>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">{empty}</p>
      ) : (
        <table className="w-full text-sm" data-testid={testId}>
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-slate-700">
              <ColumnHeadings cellClassName="py-1 font-semibold" gapClassName="pr-2" columns={[{ label: 'Name' }, { label: 'Calls', isNumeric: true }, { label: 'Last used' }]} />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            <CountRows rows={rows.slice(0, VISIBLE_COUNT_ROWS)} />
          </tbody>
        </table>
      )}
      {rest.length > 0 ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-xs text-brand-700">Show {rest.length} more</summary>
          <table className="w-full text-sm">
            <caption className="sr-only">{caption}, continued</caption>
            <tbody className="divide-y divide-slate-100">
              <CountRows rows={rest} />
            </tbody>
          </table>
        </details>
      ) : null}
    </div>
  );
}

/** Models a "reduce" keeps, by model id (the ARN on hover), on one wrapping line. */
function ModelList({ arns }: { arns: string[] }) {
  return (
    <ul className="mt-0.5 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-800" aria-label="Models to keep">
      {arns.map((arn) => (
        <li key={arn} className="break-all font-mono" title={arn}>
          {arn.slice(arn.lastIndexOf('/') + 1)}
        </li>
      ))}
    </ul>
  );
}

/**
 * Who actually used this principal's Bedrock access: the headline "holds N actions, used M", last
 * use and calls per action and model over 30 and 90 days, the people and workloads behind the
 * calls, denied attempts, the usage over time, and the recommendations the evidence supports.
 */
export function UsagePanel({ usage, heldActionCount, usedHeldActionCount, recommendations }: { usage: PrincipalUsage; heldActionCount: number; usedHeldActionCount: number; recommendations: UsageRecommendation[] }) {
  const { detail } = usage;
  const advisor = usage.accessAdvisor.find((entry) => entry.serviceNamespace === 'bedrock' && entry.actionName === '');
  const headline = usage.hasCloudTrail ? `Holds ${heldActionCount} action${heldActionCount === 1 ? '' : 's'}, used ${usedHeldActionCount}` : `Holds ${heldActionCount} action${heldActionCount === 1 ? '' : 's'}; no CloudTrail evidence imported`;
  return (
    <Card title="Usage evidence" id="usage" description={`Bedrock calls from CloudTrail over the last ${detail.windowDays} days up to ${formatDate(usage.asOf)}, tied to the people and workloads behind them.`}>
      <div className="space-y-4" data-testid="usage-panel">
        <p className="text-lg font-semibold text-slate-900" data-testid="usage-headline">
          {headline}
        </p>
        {usage.hasCloudTrail ? (
          <>
            <dl className="grid grid-cols-2 gap-2 md:grid-cols-3 xl:grid-cols-6">
              <Stat label="Last use" value={detail.lastUsed ? formatDate(detail.lastUsed) : 'none'} detail={detail.lastUsed ? formatDateTime(detail.lastUsed) : `in ${detail.windowDays} days`} />
              <Stat label="Calls, 30 days" value={detail.calls30} />
              <Stat label={`Calls, ${detail.windowDays} days`} value={detail.calls} />
              <Stat label="Denied attempts" value={detail.deniedCalls} detail={detail.lastDenied ? `last ${formatDate(detail.lastDenied)}` : undefined} />
              <Stat label="People" value={detail.distinctPeople} detail={`${detail.distinctWorkloads} workload(s)`} />
              <Stat label="Standing-credential calls" value={detail.standingCredentialCalls} detail={usage.standingSourceCount > 0 ? `from ${usage.standingSourceCount} address(es)` : undefined} />
            </dl>
            {/* Wide: the chart beside who called; the per-action and per-model counts one click away. */}
            <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
              <div className="min-w-0">
                <UsageOverTimeChart daily={detail.daily} label={`Bedrock calls per day over ${detail.windowDays} days`} height={170} />
              </div>
              <div>
                <h3 className="mb-1 text-sm font-semibold text-slate-900">Who called</h3>
                {detail.callers.length === 0 ? (
                  <p className="text-sm text-slate-700">Nobody in {detail.windowDays} days.</p>
                ) : (
                  <ul className="divide-y divide-slate-100 text-sm" data-testid="usage-callers">
                    {detail.callers.slice(0, VISIBLE_COUNT_ROWS).map((caller) => (
                      <li key={`${caller.kind}:${caller.name}`} className="flex items-center gap-2 py-1">
                        <Badge tone={KIND_TONE[caller.kind]}>{KIND_LABEL[caller.kind]}</Badge>
                        <span className="min-w-0 flex-1 truncate font-mono text-xs" title={caller.name}>
                          {caller.name}
                        </span>
                        <span className="whitespace-nowrap tabular-nums">{caller.calls} call(s)</span>
                        <span className="whitespace-nowrap text-xs text-slate-700">last {formatDate(caller.lastUsed)}</span>
                      </li>
                    ))}
                    {detail.callers.length > VISIBLE_COUNT_ROWS ? <li className="py-1 text-xs text-slate-700">+{detail.callers.length - VISIBLE_COUNT_ROWS} more</li> : null}
                  </ul>
                )}
              </div>
            </div>
            <details>
              <summary className="cursor-pointer text-sm text-brand-700">
                Calls per action ({Object.keys(detail.actions).length}) and per model or inference profile ({Object.keys(detail.models).length})
              </summary>
              <div className="mt-2 grid grid-cols-1 gap-4 lg:grid-cols-2">
                <CountTable caption="Calls per action" testId="usage-actions" empty="No call." rows={Object.entries(detail.actions).sort((a, b) => b[1].calls - a[1].calls).map(([action, count]) => [action, count.calls, count.lastUsed])} />
                <CountTable caption="Calls per model or inference profile" testId="usage-models" empty="No model call." rows={Object.entries(detail.models).sort((a, b) => b[1].calls - a[1].calls).map(([model, count]) => [model, count.calls, count.lastUsed])} />
              </div>
            </details>
          </>
        ) : null}
        {advisor ? (
          <p className="text-sm text-slate-800" data-testid="usage-access-advisor">
            Access Advisor (IAM last-accessed, not CloudTrail): Bedrock last authenticated {advisor.lastAuthenticatedAt ? formatDateTime(advisor.lastAuthenticatedAt) : 'never in its tracking period'}
            {advisor.lastAuthenticatedRegion ? ` in ${advisor.lastAuthenticatedRegion}` : ''}.
          </p>
        ) : null}
        {recommendations.length > 0 ? (
          <div>
            <h3 className="mb-1 text-sm font-semibold text-slate-900">What the evidence recommends</h3>
            <ul className="divide-y divide-slate-100" data-testid="usage-recommendations">
              {recommendations.map((recommendation) => (
                <li key={recommendation.kind + recommendation.title} className="py-1 text-sm">
                  <div className="flex flex-wrap items-baseline gap-x-2">
                    <Badge tone={recommendation.action === 'revoke' ? 'danger' : recommendation.action === 'reduce' ? 'warning' : 'info'}>{recommendation.action}</Badge>
                    <span className="font-medium text-slate-900">{recommendation.title}</span>
                    <span className="text-xs text-slate-700">
                      {recommendation.detail} ({recommendation.evidence === 'access-advisor' ? 'Access Advisor date' : 'CloudTrail'})
                    </span>
                  </div>
                  {recommendation.modelArns && recommendation.modelArns.length > 0 ? <ModelList arns={recommendation.modelArns} /> : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
