import type { ConflictSideGrant, PrincipalConflict } from '@/db/queries/principals';
import { compareByDefiningness } from '@/lib/analysis/catalogue/defining-actions';
import { Badge, SeverityBadge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { formatDate } from '@/components/ui/format';
import { GrantPathText } from '@/components/principals/grant-path';
import { TierChip } from '@/components/principals/tier-chip';

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
                {/* The conflict on one line behind a disclosure arrow; the rule id and both sides open under it. */}
                <summary className="flex cursor-pointer list-none flex-wrap items-center gap-2 text-sm [&::-webkit-details-marker]:hidden" title={`Rule ${conflict.ruleId}`}>
                  <span className="text-brand-700" aria-hidden="true">▸</span>
                  <SeverityBadge severity={conflict.severity} /> <span className="font-medium text-slate-900">{conflict.title}</span>
                  <span className="sr-only">(show both sides)</span>
                  {conflict.exception ? <Badge tone="success">exception until {formatDate(conflict.exception.expiresAt)}</Badge> : null}
                </summary>
                <p className="mt-1 text-slate-700">
                  Rule <code className="font-mono">{conflict.ruleId}</code>
                </p>
                <div className="mt-1 grid grid-cols-1 gap-3 md:grid-cols-2">
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
