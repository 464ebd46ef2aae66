import { describe, expect, it } from 'vitest';
import { maskToTiers, tiersToMask } from './tier-mask';
import { TIERS } from './types';

describe('tier mask', () => {
  it('round-trips every subset order-insensitively', () => {
    expect(maskToTiers(tiersToMask(['govern', 'invoke']))).toEqual(['invoke', 'govern']);
    expect(maskToTiers(tiersToMask(TIERS))).toEqual([...TIERS]);
    expect(tiersToMask([])).toBe(0);
  });
});
