import type { DeniedAction, DenialSource } from '@/lib/analysis/types';
import { Card } from '@/components/ui/card';
import { TierChip } from '@/components/ui/tier-chip';
import { DecidedConditions } from './decided-conditions';

const SOURCE_LABEL: Record<DenialSource['source'], string> = { scp: 'SCP', boundary: 'permissions boundary', identity: 'identity policy' };

function denialText(deniedBy: DenialSource): string {
  const kind = deniedBy.kind === 'explicit' ? 'Explicit Deny' : 'Not allowed';
  const statementId = deniedBy.statementId ? `, statement ${deniedBy.statementId}` : '';
  const statementNumber = deniedBy.statementIndex === null ? '' : ` #${deniedBy.statementIndex + 1}`;
  return `${kind} in ${SOURCE_LABEL[deniedBy.source]} ${deniedBy.policyName}${statementId}${statementNumber}`;
}

/** Actions an identity policy allows but a Deny, the boundary or an SCP blocks. */
export function DeniedActionsPanel({ denied }: { denied: DeniedAction[] }) {
  return (
    <Card title="Denied actions" id="denied" description="Actions an identity policy allows but something else blocks.">
      {denied.length === 0 ? (
        <p className="text-sm text-slate-700">None.</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {denied.map((entry, index) => (
            <li key={`${entry.action}-${index}`}>
              <span className="flex flex-wrap items-center gap-1">
                <code className="break-all font-mono text-xs">{entry.action}</code> <TierChip tier={entry.tier} />
              </span>
              <p className="text-xs text-slate-700">{denialText(entry.deniedBy)}</p>
              <DecidedConditions lists={[entry.deniedBy.decided]} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
