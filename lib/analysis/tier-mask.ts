import { TIERS, type Tier } from './types';

/** One bit per tier, in TIERS order, so a set of tiers fits one indexed integer column. */
export function tierBit(tier: Tier): number {
  return 1 << TIERS.indexOf(tier);
}

export function tiersToMask(tiers: Iterable<Tier>): number {
  let mask = 0;
  for (const tier of tiers) mask |= tierBit(tier);
  return mask;
}

export function maskToTiers(mask: number): Tier[] {
  return TIERS.filter((tier) => (mask & tierBit(tier)) !== 0);
}
