import { TierChip } from '@/components/principals/tier-chip';

/** Most consequential first: what a reviewer should see when only two chips fit. */
const TIER_WEIGHT = ['govern', 'customize', 'provision', 'invoke', 'agent', 'build', 'unclassified', 'read'];
const SHOWN_TIERS = 2;

/** The two weightiest tiers as chips and "+N" for the rest; the full list on hover and for screen readers. */
export function TierSummary({ tiers }: { tiers: readonly string[] }) {
  const ordered = [...tiers].sort((left, right) => TIER_WEIGHT.indexOf(left) - TIER_WEIGHT.indexOf(right));
  const rest = ordered.length - SHOWN_TIERS;
  return (
    <span className="flex flex-nowrap items-center gap-1" title={ordered.join(', ')}>
      {ordered.slice(0, SHOWN_TIERS).map((tier) => (
        <TierChip key={tier} tier={tier} />
      ))}
      {rest > 0 ? (
        <span className="text-xs text-slate-700">
          +{rest}
          <span className="sr-only"> more: {ordered.slice(SHOWN_TIERS).join(', ')}</span>
        </span>
      ) : null}
    </span>
  );
}
