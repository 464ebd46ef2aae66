import type { DeniedAction, DenialSource } from '@/lib/analysis/types';
import { summarizeTiers } from '@/lib/analysis/catalogue/defining-actions';
import { Card } from '@/components/ui/card';
import { TierChip } from '@/components/principals/tier-chip';
import { DecidedConditions } from './decided-conditions';
import { TierSummaryList } from './tier-summary-list';

const SOURCE_LABEL: Record<DenialSource['source'], string> = { scp: 'SCP', boundary: 'permissions boundary', identity: 'identity policy' };

/** A group this small is listed in full; a larger one shows its tiers and keeps the list behind "Show all". */
const INLINE_LIMIT = 6;

function denialText(deniedBy: DenialSource): string {
  const kind = deniedBy.kind === 'explicit' ? 'Explicit Deny' : 'Not allowed';
  const statementId = deniedBy.statementId ? `, statement ${deniedBy.statementId}` : '';
  const statementNumber = deniedBy.statementIndex === null ? '' : ` #${deniedBy.statementIndex + 1}`;
  return `${kind} in ${SOURCE_LABEL[deniedBy.source]} ${deniedBy.policyName}${statementId}${statementNumber}`;
}

interface DenialGroup {
  reason: string;
  entries: DeniedAction[];
}

/** One group per denying policy statement, largest first: a boundary usually blocks hundreds of actions for one reason. */
function groupByReason(denied: DeniedAction[]): DenialGroup[] {
  const groups = new Map<string, DeniedAction[]>();
  for (const entry of denied) {
    const reason = denialText(entry.deniedBy);
    const entries = groups.get(reason);
    if (entries) entries.push(entry);
    else groups.set(reason, [entry]);
  }
  return [...groups].map(([reason, entries]) => ({ reason, entries })).sort((left, right) => right.entries.length - left.entries.length || left.reason.localeCompare(right.reason));
}

function ActionList({ entries }: { entries: DeniedAction[] }) {
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1">
      {entries.map((entry) => (
        <li key={entry.action} className="flex items-center gap-1">
          <code className="break-all font-mono text-xs">{entry.action}</code> <TierChip tier={entry.tier} />
        </li>
      ))}
    </ul>
  );
}

/** Actions an identity policy allows but a Deny, the boundary or an SCP blocks, grouped by what blocks them. */
export function DeniedActionsPanel({ denied }: { denied: DeniedAction[] }) {
  const groups = groupByReason(denied);
  return (
    <Card title="Denied actions" id="denied" description="Actions an identity policy allows but something else blocks, by what blocks them.">
      {denied.length === 0 ? (
        <p className="text-sm text-slate-700">None.</p>
      ) : (
        <ul className="space-y-3 text-sm">
          {groups.map((group) => (
            <li key={group.reason} className="space-y-1" data-testid="denial-group">
              <p className="font-medium text-slate-900">
                {group.reason} <span className="font-normal tabular-nums text-slate-700">· {group.entries.length} action{group.entries.length === 1 ? '' : 's'}</span>
              </p>
              <DecidedConditions lists={group.entries.map((entry) => entry.deniedBy.decided)} />
              {group.entries.length <= INLINE_LIMIT ? (
                <ActionList entries={group.entries} />
              ) : (
                <>
                  <TierSummaryList summaries={summarizeTiers(group.entries, 3)} />
                  <details>
                    <summary className="cursor-pointer text-xs text-brand-700">Show all {group.entries.length} actions</summary>
                    <div className="mt-1">
                      <ActionList entries={group.entries} />
                    </div>
                  </details>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
