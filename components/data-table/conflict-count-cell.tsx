import { SeverityBadge } from '@/components/ui/badge';

/** A list row's SoD conflict count with the worst severity among them. */
export function ConflictCountCell({ count, maxSeverity }: { count: number; maxSeverity: string | null }) {
  if (count === 0) return <span className="text-slate-700">0</span>;
  return (
    <span className="inline-flex items-center gap-1">
      {count}
      {maxSeverity ? <SeverityBadge severity={maxSeverity} /> : null}
    </span>
  );
}
