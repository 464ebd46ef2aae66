import type { TierSummary } from '@/lib/analysis/catalogue/defining-actions';
import { TierChip } from '@/components/principals/tier-chip';

/** One line per tier: the tier, how many actions, and the actions that define it. */
export function TierSummaryList({ summaries, testId }: { summaries: TierSummary[]; testId?: string }) {
  return (
    <ul className="space-y-0.5" data-testid={testId}>
      {summaries.map((summary) => (
        <li key={summary.tier} className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-sm" data-tier={summary.tier}>
          <TierChip tier={summary.tier} />
          <span className="tabular-nums text-slate-800">
            {summary.actionCount} action{summary.actionCount === 1 ? '' : 's'}
          </span>
          <span className="flex min-w-0 flex-wrap gap-x-2 text-xs text-slate-700">
            {summary.definingActions.map((action) => (
              <code key={action} className="break-all font-mono">
                {action}
              </code>
            ))}
            {summary.actionCount > summary.definingActions.length ? <span>+{summary.actionCount - summary.definingActions.length} more</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** "invoke 31 · agent 67": the tiers of one grant path with their action counts, on one line. */
export function TierCounts({ summaries }: { summaries: TierSummary[] }) {
  return (
    <span className="flex flex-wrap items-center gap-1">
      {summaries.map((summary) => (
        <span key={summary.tier} className="inline-flex items-center gap-0.5 text-xs tabular-nums text-slate-800" title={`${summary.actionCount} ${summary.tier} action(s)`}>
          <TierChip tier={summary.tier} />
          {summary.actionCount}
        </span>
      ))}
    </span>
  );
}
