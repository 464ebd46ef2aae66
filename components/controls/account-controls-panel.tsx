import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { ColumnHeadings } from '@/components/ui/column-headings';
import type { ControlAccountView } from '@/db/queries/controls-posture';
import type { ControlSwitcherView } from '@/db/queries/control-switchers';
import type { ControlRecommendation } from '@/lib/controls/recommend-controls';
import { CopyJsonButton } from './copy-json-button';

/** Groups the switchers of one account by control, then principal (regions joined). */
function groupSwitchers(switchers: ControlSwitcherView[]) {
  const groups = new Map<string, { control: string; principalName: string; principalId: number | null; principalArn: string; regions: string[]; actions: Set<string>; grants: Set<string> }>();
  for (const switcher of switchers) {
    const key = `${switcher.control}|${switcher.principalArn}`;
    const group = groups.get(key) ?? { control: switcher.control, principalName: switcher.principalName, principalId: switcher.principalId, principalArn: switcher.principalArn, regions: [], actions: new Set<string>(), grants: new Set<string>() };
    group.regions.push(switcher.region);
    for (const action of switcher.actions) group.actions.add(action);
    for (const grant of switcher.grants) group.grants.add(grant.description);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * One account, collapsed to a summary line (name, environment, OU, how many can switch a control
 * off, how many recommendations) so the page stays about three screens long; opening it shows who
 * can switch each control off (with the grant) and the recommended policies.
 */
export function AccountControlsPanel({ account, switchers, recommendations }: { account: ControlAccountView; switchers: ControlSwitcherView[]; recommendations: ControlRecommendation[] }) {
  const groups = groupSwitchers(switchers);
  return (
    <details id={`account-${account.accountId}`} className="group border-b border-slate-100 last:border-0">
      <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 hover:bg-slate-50">
        <h3 className="min-w-0 text-sm font-semibold text-slate-900 [overflow-wrap:anywhere]">
          {account.accountName} <span className="font-mono text-xs font-normal text-slate-700">({account.accountId})</span>
        </h3>
        <span className="text-xs text-slate-700">
          {account.environment} · {account.ouPath.map((unit) => unit.name).join(' / ') || 'root'}
        </span>
        <span className="ml-auto flex flex-wrap gap-1">
          <Badge tone={groups.length > 0 ? 'warning' : 'neutral'}>{groups.length} can switch off</Badge>
          <Badge tone={recommendations.length > 0 ? 'info' : 'neutral'}>
            {recommendations.length} {recommendations.length === 1 ? 'recommendation' : 'recommendations'}
          </Badge>
        </span>
      </summary>
      <div className="px-4 pb-4 pt-1">
      <h3 className="text-sm font-semibold text-slate-900">Who can switch a control off</h3>
      {groups.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">Nobody in the snapshot holds an action that disables an enforced control here.</p>
      ) : (
        <details className="mt-1">
          <summary className="cursor-pointer text-sm text-brand-700 underline underline-offset-2">
            {groups.length} {groups.length === 1 ? 'principal' : 'principals'} ({groups.filter((group) => group.control === 'guardrail').length} for the guardrail, {groups.filter((group) => group.control === 'logging').length} for logging)
          </summary>
        <table className="mt-1 w-full text-left text-sm" data-testid={`switchers-${account.accountId}`}>
          <caption className="sr-only">Principals that can switch off the controls of {account.accountName}</caption>
          <thead className="text-xs text-slate-700">
            <tr>
              <ColumnHeadings cellClassName="py-1" gapClassName="pr-3" columns={[{ label: 'Control' }, { label: 'Principal' }, { label: 'Actions' }, { label: 'Granted by' }]} />
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={`${group.control}-${group.principalArn}`} className="border-t border-slate-100 align-top">
                <td className="py-1 pr-3">
                  <Badge tone={group.control === 'guardrail' ? 'info' : 'neutral'}>{group.control}</Badge>
                  <span className="block text-xs text-slate-700">{group.regions.join(', ')}</span>
                </td>
                <td className="py-1 pr-3">
                  {group.principalId !== null ? (
                    <Link href={`/principals/${group.principalId}`} className="font-medium text-brand-700 underline underline-offset-2">
                      {group.principalName}
                    </Link>
                  ) : (
                    group.principalName
                  )}
                  <span className="block break-all text-xs text-slate-700">{group.principalArn}</span>
                </td>
                <td className="py-1 pr-3">
                  {[...group.actions].map((action) => (
                    <code key={action} className="block font-mono text-xs">
                      {action}
                    </code>
                  ))}
                </td>
                <td className="py-1 text-xs text-slate-800">{[...group.grants].join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </details>
      )}
      <h3 className="mt-4 text-sm font-semibold text-slate-900">Recommendations</h3>
      {recommendations.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">No missing control that could be read.</p>
      ) : (
        <ul className="mt-1 space-y-2" data-testid={`recommendations-${account.accountId}`}>
          {recommendations.map((recommendation, index) => (
            <li key={index} className="rounded border border-slate-200 p-2">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <p className="text-sm font-semibold text-slate-900">{recommendation.title}</p>
                  <p className="text-xs text-slate-700">{recommendation.where}</p>
                </div>
                <CopyJsonButton text={recommendation.policy} label={`Copy the JSON of: ${recommendation.title}`} />
              </div>
              <details className="mt-1">
                <summary className="cursor-pointer text-xs text-brand-700 underline underline-offset-2">Policy JSON and command</summary>
                <pre className="mt-2 max-h-64 overflow-auto rounded bg-slate-900 p-2 text-xs text-slate-100" tabIndex={0}>
                  {recommendation.policy}
                </pre>
                <p className="mt-1 break-all font-mono text-xs text-slate-700">{recommendation.command}</p>
              </details>
            </li>
          ))}
        </ul>
      )}
      </div>
    </details>
  );
}
