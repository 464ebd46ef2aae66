import { describeDecidedCondition } from '@/lib/analysis/evaluation/principal-facts';
import type { DecidedCondition } from '@/lib/analysis/types';
import { Badge } from '@/components/ui/badge';

function whereLabel(decided: DecidedCondition): string {
  const where = decided.source === 'scp' ? 'SCP' : decided.source === 'boundary' ? 'permissions boundary' : 'policy';
  if (decided.effect === 'Allow') return `${where} ${decided.policyName} allows`;
  return decided.holds ? `${where} ${decided.policyName} denies` : `${where} ${decided.policyName} does not deny`;
}

/**
 * Conditions on facts of the principal (its ARN, tags, account, organisation path) that the
 * engine decided from the snapshot: each as a sentence with the policy it came from, once per
 * distinct sentence across the given lists (a statement's actions often share them).
 */
export function DecidedConditions({ lists }: { lists: Array<DecidedCondition[] | undefined> }) {
  const seen = new Map<string, DecidedCondition>();
  for (const list of lists) for (const decided of list ?? []) seen.set(`${whereLabel(decided)}: ${describeDecidedCondition(decided)}`, decided);
  if (seen.size === 0) return null;
  return (
    <ul className="mt-1 space-y-1" data-testid="decided-conditions">
      {[...seen.keys()].map((sentence) => (
        <li key={sentence} className="flex flex-wrap items-center gap-1 text-xs">
          <Badge tone="neutral">decided</Badge>
          <span className="min-w-0 break-all text-slate-700">{sentence}</span>
        </li>
      ))}
    </ul>
  );
}
