import type { ItemUsageEvidence } from '@/lib/usage/item-usage-evidence';

/** The usage evidence beside a campaign item: who used the entitlement's actions, how much, last when; no use is marked. */
export function ItemUsage({ usage }: { usage: ItemUsageEvidence | null | undefined }) {
  if (usage === undefined) return null;
  return (
    <div className="sm:col-span-3" data-testid="item-usage">
      <dt className="inline font-medium">Usage, {usage?.windowDays ?? 90} days: </dt>
      <dd className="inline">
        {usage === null ? (
          'no CloudTrail evidence imported'
        ) : usage.isUnused ? (
          <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">No use{usage.deniedCalls > 0 ? ` (${usage.deniedCalls} denied attempts)` : ''}</span>
        ) : (
          <>
            {usage.calls.toLocaleString('en')} call(s), last {usage.lastUsed?.slice(0, 10)}, by {usage.callers.map((caller) => `${caller.name} (${caller.kind}, ${caller.calls})`).join(', ')}
            {usage.callerCount > usage.callers.length ? ` and ${usage.callerCount - usage.callers.length} more` : ''}
            {usage.deniedCalls > 0 ? `; ${usage.deniedCalls} denied attempts` : ''}
          </>
        )}
      </dd>
    </div>
  );
}
