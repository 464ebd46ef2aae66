import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, resolveWeights, WeightsError } from './weights';

describe('resolveWeights', () => {
  it('returns the defaults, whose positive maxima sum to 100', () => {
    const weights = resolveWeights();
    expect(weights).toEqual(DEFAULT_WEIGHTS);
    const { actions, models, regions, accounts, exposure, credentials, environment } = weights;
    expect(actions.maxPoints + models.maxPoints + regions.maxPoints + accounts.maxPoints + exposure.maxPoints + credentials.maxPoints + environment.maxPoints).toBe(100);
  });

  it('govern and customize weigh most among tiers', () => {
    const { tierPoints } = DEFAULT_WEIGHTS.actions;
    const others = Object.entries(tierPoints).filter(([tier]) => tier !== 'govern' && tier !== 'customize');
    for (const [, points] of others) expect(Math.min(tierPoints.govern, tierPoints.customize)).toBeGreaterThan(points);
  });

  it('merges a deep partial override without touching the other fields', () => {
    const weights = resolveWeights({ exposure: { kindPoints: { saml: 7 } }, controls: { guardrailReduction: 10 } });
    expect(weights.exposure.kindPoints.saml).toBe(7);
    expect(weights.exposure.kindPoints.public).toBe(15);
    expect(weights.controls).toEqual({ guardrailReduction: 10, modelsPinnedReduction: 5, enforcedGuardrailReduction: 6, loggingReduction: 3, productionGapPoints: 5 });
    expect(DEFAULT_WEIGHTS.exposure.kindPoints.saml).toBe(4);
  });

  it('accepts the raw configuration record', () => {
    expect(resolveWeights({ environment: { points: { prod: 9 } } } as Record<string, unknown>).environment.points.prod).toBe(9);
  });

  it('names the field of a negative value', () => {
    expect(() => resolveWeights({ exposure: { kindPoints: { public: -1 } } })).toThrow(/exposure\.kindPoints\.public: must be 0 or more/);
  });

  it('names the field of a wrong type and of an unknown key', () => {
    expect(() => resolveWeights({ actions: { tierPoints: { govern: 'high' } } } as Record<string, unknown>)).toThrow(/actions\.tierPoints\.govern/);
    expect(() => resolveWeights({ actions: { bonus: 3 } } as Record<string, unknown>)).toThrow(WeightsError);
    expect(() => resolveWeights({ actions: { bonus: 3 } } as Record<string, unknown>)).toThrow(/actions: .*bonus/);
  });

  it('requires the maxima to keep summing to 100', () => {
    expect(() => resolveWeights({ actions: { maxPoints: 40 } })).toThrow(/maxPoints: .*sum to 100 \(they sum to 110\)/);
    expect(resolveWeights({ actions: { maxPoints: 40 }, exposure: { maxPoints: 5 } }).actions.maxPoints).toBe(40);
  });

  it('refuses an all-models weight below the pinned-models cap', () => {
    expect(() => resolveWeights({ models: { allModelsPoints: 5 } })).toThrow(/models\.allModelsPoints/);
  });
});
