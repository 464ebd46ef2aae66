import { classifyAction } from '../analysis/catalogue/tiers';
import type { Tier } from '../analysis/types';

/** Tiers from the most to the least consequential, the order a before/after summary reads in. */
const TIER_READING_ORDER: readonly Tier[] = ['govern', 'customize', 'provision', 'build', 'agent', 'invoke', 'read', 'unclassified'];

export interface TierActions {
  tier: Tier;
  actions: string[];
}

/**
 * Groups `service:Action` strings by tier, most consequential tier first, actions sorted inside
 * each tier. Actions of services outside the catalogue fall under `unclassified`.
 */
export function groupActionsByTier(actions: readonly string[]): TierActions[] {
  const byTier = new Map<Tier, Set<string>>();
  for (const action of actions) {
    const separator = action.indexOf(':');
    const tier = separator > 0 ? classifyAction(action.slice(0, separator).toLowerCase(), action.slice(separator + 1)) : 'unclassified';
    const bucket = byTier.get(tier) ?? new Set<string>();
    bucket.add(action);
    byTier.set(tier, bucket);
  }
  return TIER_READING_ORDER.filter((tier) => byTier.has(tier)).map((tier) => ({ tier, actions: [...(byTier.get(tier) ?? [])].sort() }));
}
