import type { ConflictSideGrant } from '@/db/queries/principals';
import { compareByDefiningness } from '@/lib/analysis/catalogue/defining-actions';
import { TierChip } from '@/components/principals/tier-chip';

const SHOWN_ACTIONS = 2;

/**
 * One side of a conflict in three short lines: its tiers and action count, the actions that best
 * say what the side lets the principal do (most defining first; all of them on hover), and the
 * policies that grant them.
 */
export function ConflictSide({ grants }: { grants: ConflictSideGrant[] }) {
  const actions = [...new Set(grants.flatMap((grant) => grant.actions))].sort(compareByDefiningness);
  const tiers = [...new Set(grants.flatMap((grant) => grant.tiers))];
  const policies = [...new Set(grants.map((grant) => (grant.path.attachedVia === 'group' ? `${grant.path.policyName} (via ${grant.path.groupName ?? 'group'})` : grant.path.policyName)))];
  const shown = actions.slice(0, SHOWN_ACTIONS);
  return (
    <div className="min-w-44 max-w-xs">
      <p className="flex flex-wrap items-center gap-1">
        {tiers.map((tier) => (
          <TierChip key={tier} tier={tier} />
        ))}
        <span className="text-xs tabular-nums text-slate-700">
          {actions.length} action{actions.length === 1 ? '' : 's'}
        </span>
      </p>
      <p className="flex min-w-0 gap-1 text-xs" title={actions.join(', ')}>
        <span className="truncate text-slate-900">
          {shown.map((action, index) => (
            <span key={action}>
              {index > 0 ? ', ' : null}
              <code className="font-mono">{action}</code>
            </span>
          ))}
        </span>
        {actions.length > shown.length ? <span className="shrink-0 text-slate-700">+{actions.length - shown.length} more</span> : null}
      </p>
      <p className="truncate text-xs text-slate-700" title={policies.join(', ')}>
        {policies.join(', ')}
      </p>
    </div>
  );
}
