import type { ConditionEntry } from '@/lib/analysis/types';
import { Badge } from '@/components/ui/badge';

/** The conditions of a statement or trust entry, one line each, with why a condition stayed undecided. */
export function GrantConditions({ conditions }: { conditions: ConditionEntry[] }) {
  if (conditions.length === 0) return null;
  return (
    <ul className="mt-1 space-y-1">
      {conditions.map((condition, index) => (
        <li key={index} className="flex flex-wrap items-center gap-1 text-xs">
          <Badge tone="warning">conditional</Badge>
          <span className="text-slate-700">{condition.source}</span>
          <code className="rounded bg-slate-100 px-1 font-mono">{condition.operator}</code>
          <code className="break-all rounded bg-slate-100 px-1 font-mono">{condition.key}</code>
          <span>=</span>
          <code className="break-all rounded bg-slate-100 px-1 font-mono">{condition.values.join(', ')}</code>
          {condition.policyName ? <span className="text-slate-700">({condition.policyName})</span> : null}
          {condition.undecidedReason ? <span className="text-slate-700">: not decided, {condition.undecidedReason}</span> : null}
        </li>
      ))}
    </ul>
  );
}
