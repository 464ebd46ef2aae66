import type { ConflictSideGrant, PrincipalConflict } from '@/db/queries/principals';
import { compareByDefiningness } from '@/lib/analysis/catalogue/defining-actions';
import { Badge, SeverityBadge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { formatDate } from '@/components/ui/format';
import { GrantPathText } from '@/components/ui/grant-path';
import { TierChip } from '@/components/ui/tier-chip';

const SHOWN_GRANTS = 10;
const SHOWN_ACTIONS = 6;

function ConflictSide({ label, side }: { label: string; side: ConflictSideGrant[] }) {
  return (
    <div className="min-w-0">
      <h3 className="font-semibold text-slate-700">{label}</h3>
      <ul className="mt-1 space-y-1">
        {side.slice(0, SHOWN_GRANTS).map((grant, index) => {
          const actions = [...grant.actions].sort(compareByDefiningness);
          return (
            <li key={index}>
              <GrantPathText path={grant.path} />
              <span className="mt-0.5 flex flex-wrap items-center gap-1">
                {actions.slice(0, SHOWN_ACTIONS).map((action) => (
                  <code key={action} className="break-all font-mono">
                    {action}
                  </code>
                ))}
                {actions.length > SHOWN_ACTIONS ? <span className="text-slate-700">+{actions.length - SHOWN_ACTIONS} more</span> : null}
                {grant.tiers.map((tier) => (
                  <TierChip key={tier} tier={tier} />
                ))}
              </span>
            </li>
          );
        })}
      </ul>
      {side.length > SHOWN_GRANTS ? <p className="mt-1 text-slate-700">and {side.length - SHOWN_GRANTS} more grants.</p> : null}
    </div>
  );
}

/** The principal's separation-of-duties conflicts, both sides by their defining actions. */
export function PrincipalConflictsPanel({ conflicts }: { conflicts: PrincipalConflict[] }) {
  return (
    <Card title="Separation-of-duties conflicts" id="conflicts">
      {conflicts.length === 0 ? (
        <p className="text-sm text-slate-700">No conflict.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {conflicts.map((conflict) => (
            <li key={conflict.id} className="py-1.5">
              <details className="text-xs">
                {/* The conflict on one line; the marker is replaced by the "both sides" cue at its end. */}
                <summary className="flex cursor-pointer list-none flex-wrap items-center gap-2 text-sm [&::-webkit-details-marker]:hidden">
                  <SeverityBadge severity={conflict.severity} /> <code className="font-mono text-xs">{conflict.ruleId}</code> <span className="font-medium text-slate-900">{conflict.title}</span>
                  {conflict.exception ? <Badge tone="success">exception until {formatDate(conflict.exception.expiresAt)}</Badge> : null}
                  <span className="text-brand-700 underline underline-offset-2">both sides ▾</span>
                </summary>
                <div className="mt-2 grid grid-cols-1 gap-3 md:grid-cols-2">
                  <ConflictSide label="Side A" side={conflict.sideA} />
                  <ConflictSide label="Side B" side={conflict.sideB} />
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
