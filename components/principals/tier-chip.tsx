import clsx from 'clsx';

/** Colours per tier; every pair passes WCAG AA contrast for small text. */
const TIER_STYLE: Record<string, string> = {
  govern: 'bg-red-100 text-red-900 ring-red-300',
  customize: 'bg-orange-100 text-orange-900 ring-orange-300',
  provision: 'bg-amber-100 text-amber-900 ring-amber-300',
  invoke: 'bg-brand-100 text-brand-900 ring-brand-600/30',
  agent: 'bg-violet-100 text-violet-900 ring-violet-300',
  build: 'bg-teal-100 text-teal-900 ring-teal-300',
  read: 'bg-slate-100 text-slate-800 ring-slate-300',
  unclassified: 'bg-fuchsia-100 text-fuchsia-900 ring-fuchsia-300',
};

export function TierChip({ tier }: { tier: string }) {
  return <span className={clsx('inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset', TIER_STYLE[tier] ?? TIER_STYLE.read)}>{tier}</span>;
}

export function TierChips({ tiers }: { tiers: readonly string[] }) {
  if (tiers.length === 0) return <span className="text-xs text-slate-700">none</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {tiers.map((tier) => (
        <TierChip key={tier} tier={tier} />
      ))}
    </span>
  );
}

/** Fill colour for charts, by tier. */
export const TIER_CHART_COLOURS: Record<string, string> = {
  govern: '#b91c1c',
  customize: '#c2410c',
  provision: '#b45309',
  invoke: '#1f5fbf',
  agent: '#6d28d9',
  build: '#0f766e',
  read: '#475569',
  unclassified: '#a21caf',
};
