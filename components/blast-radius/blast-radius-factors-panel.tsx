import type { BlastRadius } from '@/lib/analysis/types';
import { Card } from '@/components/ui/card';

/** A blast radius explained factor by factor: value, sentence, points of the maximum. */
export function BlastRadiusFactorsPanel({ blastRadius, description, isCompact = false }: { blastRadius: BlastRadius; description: string; /** Label and value on one line, the bar beside them, the sentence under: for a half-width column. */ isCompact?: boolean }) {
  const rowClass = isCompact ? 'grid grid-cols-[1fr_9rem] gap-x-3 py-1' : 'grid grid-cols-1 gap-2 py-2.5 md:grid-cols-[10rem_1fr_12rem] md:items-center';
  return (
    <Card title="Blast radius factors" id="blast-radius" description={description}>
      {blastRadius.factors.length === 0 ? (
        <p className="text-sm text-slate-700">No Bedrock access: nothing to score.</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="blast-radius-factors">
          {blastRadius.factors.map((factor) => {
            const percent = factor.maxPoints > 0 ? Math.round((Math.max(0, factor.points) / factor.maxPoints) * 100) : 0;
            return (
              <li key={factor.id} className={rowClass}>
                {isCompact ? (
                  <p className="min-w-0">
                    <span className="font-medium text-slate-900">{factor.label}</span> <span className="text-xs text-slate-700">· {factor.value}</span>
                  </p>
                ) : (
                  <div>
                    <p className="font-medium text-slate-900">{factor.label}</p>
                    <p className="text-xs text-slate-700">{factor.value}</p>
                  </div>
                )}
                <p className={isCompact ? 'col-span-2 row-start-2 text-xs text-slate-800' : 'text-sm text-slate-800'}>{factor.sentence}</p>
                <div className="flex items-center gap-2">
                  <div className="h-2 flex-1 rounded bg-slate-100" role="meter" aria-label={`${factor.label} points`} aria-valuemin={0} aria-valuemax={factor.maxPoints} aria-valuenow={factor.points}>
                    <div className="h-2 rounded bg-brand-600" style={{ width: `${percent}%` }} />
                  </div>
                  <span className="w-14 text-right text-xs tabular-nums text-slate-800">
                    {factor.points}/{factor.maxPoints}
                  </span>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
