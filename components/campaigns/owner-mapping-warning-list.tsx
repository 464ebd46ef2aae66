import type { OwnerMappingWarning, OwnerMappingWarningKind } from '@/lib/campaigns/owner-mapping-warnings';
import { Badge } from '@/components/ui/badge';

export const WARNING_LABELS: Record<OwnerMappingWarningKind, string> = {
  'unknown-reviewer': 'Unknown reviewer',
  'catch-all': 'Matches everything',
  'duplicate-priority': 'Duplicate priority',
};

/** Short chips (the full sentence on hover and for screen readers), for the rules table. */
export function WarningChips({ warnings }: { warnings: readonly OwnerMappingWarning[] }) {
  if (warnings.length === 0) return <span className="text-slate-700">none</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {warnings.map((warning) => (
        <li key={warning.kind}>
          <Badge tone="warning" title={warning.message}>
            {WARNING_LABELS[warning.kind]}
            <span className="sr-only">: {warning.message}</span>
          </Badge>
        </li>
      ))}
    </ul>
  );
}

/** The full sentences, under the form. */
export function WarningList({ warnings }: { warnings: readonly OwnerMappingWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <ul className="mt-2 space-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="owner-mapping-warnings">
      {warnings.map((warning) => (
        <li key={warning.kind}>
          <span className="font-semibold">{WARNING_LABELS[warning.kind]}:</span> {warning.message}
        </li>
      ))}
    </ul>
  );
}
