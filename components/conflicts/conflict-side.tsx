import type { ConflictSideGrant } from '@/db/queries/principals';
import { TierChip } from '@/components/principals/tier-chip';

const SHOWN_ACTIONS = 3;

/**
 * One side of a conflict on one line: its tiers and the actions that put the principal on this
 * side (the rule matched exactly these), the rest behind a count whose hover lists them all.
 */
export function ConflictSide({ grants }: { grants: ConflictSideGrant[] }) {
  const actions = [...new Set(grants.flatMap((grant) => grant.actions))];
  const tiers = [...new Set(grants.flatMap((grant) => grant.tiers))];
  const policies = [...new Set(grants.map((grant) => (grant.path.attachedVia === 'group' ? `${grant.path.policyName} (via ${grant.path.groupName ?? 'group'})` : grant.path.policyName)))];
  return (
    <div className="min-w-44 max-w-xs">
      <p className="flex flex-wrap items-center gap-1">
        {tiers.map((tier) => (
          <TierChip key={tier} tier={tier} />
        ))}
        {actions.slice(0, SHOWN_ACTIONS).map((action) => (
          <code key={action} className="break-all font-mono text-xs text-slate-900">
            {action}
          </code>
        ))}
        {actions.length > SHOWN_ACTIONS ? (
          <span className="text-xs text-slate-700" title={actions.join(', ')}>
            +{actions.length - SHOWN_ACTIONS} more
          </span>
        ) : null}
      </p>
      <p className="truncate text-xs text-slate-700" title={policies.join(', ')}>
        {policies.join(', ')}
      </p>
    </div>
  );
}
