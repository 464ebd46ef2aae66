import { describe, expect, it } from 'vitest';
import { maskToTiers, tiersToMask, withDecodedTiers } from './tier-mask';
import { TIERS } from './types';

describe('tier mask', () => {
  it('round-trips every subset order-insensitively', () => {
    expect(maskToTiers(tiersToMask(['govern', 'invoke']))).toEqual(['invoke', 'govern']);
    expect(maskToTiers(tiersToMask(TIERS))).toEqual([...TIERS]);
    expect(tiersToMask([])).toBe(0);
  });

  it('decodes a row\'s mask to tier names and leaves the mask out', () => {
    const row = withDecodedTiers({ id: 7, name: 'ml-ops', tiersMask: tiersToMask(['invoke', 'govern']) });
    expect(row).toEqual({ id: 7, name: 'ml-ops', tiers: ['invoke', 'govern'] });
    expect('tiersMask' in row).toBe(false);
  });
});
