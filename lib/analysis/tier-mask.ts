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

/** A stored row as a table shows it: its tier bits decoded to tier names, the mask itself left out. */
export type WithDecodedTiers<Row extends { tiersMask: number }> = Omit<Row, 'tiersMask'> & { tiers: Tier[] };

export function withDecodedTiers<Row extends { tiersMask: number }>({ tiersMask, ...rest }: Row): WithDecodedTiers<Row> {
  return { ...rest, tiers: maskToTiers(tiersMask) };
}
