import clsx from 'clsx';

export function scoreBand(score: number): 'critical' | 'high' | 'medium' | 'low' {
  if (score >= 80) return 'critical';
  if (score >= 60) return 'high';
  if (score >= 30) return 'medium';
  return 'low';
}

const BAND_STYLE = {
  critical: 'bg-red-700 text-white',
  high: 'bg-orange-100 text-orange-900 ring-1 ring-inset ring-orange-300',
  medium: 'bg-amber-50 text-amber-900 ring-1 ring-inset ring-amber-300',
  low: 'bg-emerald-50 text-emerald-900 ring-1 ring-inset ring-emerald-200',
} as const;

export function ScoreBadge({ score, size = 'sm' }: { score: number; size?: 'sm' | 'lg' }) {
  const band = scoreBand(score);
  return (
    <span
      title={`Blast radius ${score} of 100 (${band})`}
      aria-label={`Blast radius ${score} of 100, ${band}`}
      className={clsx('inline-flex items-center justify-center rounded-md font-bold tabular-nums', size === 'lg' ? 'min-w-16 px-3 py-2 text-3xl' : 'min-w-9 px-1.5 py-0.5 text-xs', BAND_STYLE[band])}
    >
      {score}
    </span>
  );
}
