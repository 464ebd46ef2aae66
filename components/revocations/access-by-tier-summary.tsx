import { groupActionsByTier } from '@/lib/revocations/access-by-tier';
import { TierChip } from '@/components/principals/tier-chip';

/**
 * Bedrock access as a tier summary ("govern 2 · customize 14 · invoke 6"), the full action list
 * behind a disclosure grouped by tier, instead of a comma-separated wall of actions.
 */
export function AccessByTierSummary({ title, actions, empty, testId }: { title: string; actions: readonly string[]; empty: string; testId: string }) {
  const groups = groupActionsByTier(actions);
  return (
    <div data-testid={testId} className="min-w-0">
      <h3 className="font-semibold">
        {title} ({actions.length} action{actions.length === 1 ? '' : 's'})
      </h3>
      {groups.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">{empty}</p>
      ) : (
        <>
          <ul className="mt-1 flex flex-wrap gap-2" aria-label={`${title} by tier`}>
            {groups.map((group) => (
              <li key={group.tier} className="inline-flex items-center gap-1 text-sm">
                <TierChip tier={group.tier} />
                <span className="tabular-nums text-slate-800">{group.actions.length}</span>
              </li>
            ))}
          </ul>
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-brand-700 underline underline-offset-2">Show all {actions.length} actions</summary>
            <div role="region" tabIndex={0} aria-label={`All ${actions.length} actions by tier`} className="mt-2 max-h-96 overflow-y-auto focus-visible:outline-2 focus-visible:outline-brand-600">
              <dl className="space-y-2">
                {groups.map((group) => (
                  <div key={group.tier}>
                    <dt className="text-xs font-semibold text-slate-700">{group.tier}</dt>
                    <dd>
                      <ul className="flex flex-wrap gap-x-3 gap-y-1">
                        {group.actions.map((action) => (
                          <li key={action} className="font-mono text-xs text-slate-900 [overflow-wrap:anywhere]">
                            {action}
                          </li>
                        ))}
                      </ul>
                    </dd>
                  </div>
                ))}
              </dl>
            </div>
          </details>
        </>
      )}
    </div>
  );
}
