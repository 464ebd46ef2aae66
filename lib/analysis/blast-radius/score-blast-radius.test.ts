import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENTS, TIERS, type BlastRadiusFacts, type TrustKind } from '../types';
import { scoreBlastRadius } from './score-blast-radius';
import { QUIET_FACTS } from './test-support/quiet-facts';
import { DEFAULT_WEIGHTS, resolveWeights, type Weights } from './weights';

const TRUST_KINDS: TrustKind[] = ['same-account', 'organization-account', 'external-account', 'aws-service', 'saml', 'oidc', 'public'];

function factorOf(facts: BlastRadiusFacts, id: string, weights: Weights = DEFAULT_WEIGHTS) {
  const found = scoreBlastRadius(facts, weights).factors.find((entry) => entry.id === id);
  if (!found) throw new Error(`no factor ${id}`);
  return found;
}

describe('scoreBlastRadius examples', () => {
  it('the widest user in production scores 100', () => {
    const facts: BlastRadiusFacts = {
      tiers: [...TIERS],
      modelScope: { isAllModels: true, modelPatternCount: 1 },
      regionCount: 'all',
      totalRegionCount: 30,
      accountCount: 6,
      exposure: { kinds: ['public'], hasUnpinnedOidc: false, hasPublicTrust: true, assumableByCount: 0 },
      credentials: { type: 'user', activeAccessKeys: 2, oldestKeyAgeDays: 400, hasBedrockApiKey: true, consoleWithoutMfa: true },
      environment: 'prod',
      controls: { allInvokeRequiresGuardrail: false, modelsPinned: false },
    };
    const result = scoreBlastRadius(facts);
    expect(result.score).toBe(100);
    expect(result.factors.map((entry) => [entry.id, entry.points])).toEqual([
      ['actions', 30],
      ['models', 15],
      ['regions', 10],
      ['accounts', 10],
      ['exposure', 15],
      ['credentials', 10],
      ['environment', 10],
      ['controls', 0],
      ['usage', 0],
    ]);
  });

  it('writes a readable sentence for the actions factor', () => {
    expect(factorOf({ ...QUIET_FACTS, tiers: ['invoke', 'govern'] }, 'actions')).toMatchObject({
      value: 'govern, invoke',
      points: 30,
      maxPoints: 30,
      sentence: 'Can change invocation logging or guardrails (govern) and invoke models: 30 of 30 points.',
    });
    expect(factorOf(QUIET_FACTS, 'actions').sentence).toBe('Holds no Bedrock action: 0 of 30 points.');
  });

  it('an SSO role invoking two pinned models behind a guardrail in a sandbox scores low', () => {
    const facts: BlastRadiusFacts = {
      ...QUIET_FACTS,
      tiers: ['invoke', 'read'],
      modelScope: { isAllModels: false, modelPatternCount: 2 },
      regionCount: 1,
      accountCount: 1,
      exposure: { kinds: ['saml'], hasUnpinnedOidc: false, hasPublicTrust: false, assumableByCount: 0 },
      controls: { allInvokeRequiresGuardrail: true, modelsPinned: true },
    };
    const result = scoreBlastRadius(facts);
    // actions 13, models 6, regions 1, accounts 2, exposure 4, credentials 0, environment 1, controls -7 (bounded by 6 + 1)
    expect(result.score).toBe(20);
    expect(result.factors.find((entry) => entry.id === 'controls')).toMatchObject({
      points: -7,
      maxPoints: 0,
      sentence: 'Every invoke grant requires a guardrail and models are pinned (a reduction never exceeds the model and region points): 7 points off.',
    });
    expect(result.factors.find((entry) => entry.id === 'regions')?.sentence).toBe('Can invoke in 1 of 30 regions: 1 of 10 points.');
  });

  it('describes exposure, credentials and environment', () => {
    const facts: BlastRadiusFacts = {
      ...QUIET_FACTS,
      exposure: { kinds: ['oidc', 'organization-account'], hasUnpinnedOidc: true, hasPublicTrust: false, assumableByCount: 3 },
      credentials: { type: 'user', activeAccessKeys: 1, oldestKeyAgeDays: 200, hasBedrockApiKey: false, consoleWithoutMfa: false },
      environment: 'prod',
    };
    expect(factorOf(facts, 'exposure')).toMatchObject({
      points: 15,
      sentence: 'Can be assumed by OIDC identities whose subject is not pinned and other accounts of the organisation; 3 principals of the snapshot can become it: 15 of 15 points.',
    });
    expect(factorOf(facts, 'credentials').sentence).toBe('An IAM user with 1 active access key (oldest 200 days): 7 of 10 points.');
    expect(factorOf(facts, 'environment').sentence).toBe('Lives in a production account: 10 of 10 points.');
    expect(factorOf(QUIET_FACTS, 'credentials').sentence).toBe('A role: short-lived credentials only: 0 of 10 points.');
  });

  it('a principal with nothing scores 1 (sandbox) and never below 0', () => {
    expect(scoreBlastRadius(QUIET_FACTS).score).toBe(1);
    expect(scoreBlastRadius({ ...QUIET_FACTS, controls: { allInvokeRequiresGuardrail: true, modelsPinned: true } }).score).toBe(1);
  });

  it('explains the usage factor: unused standing access adds points; used, too new or unknown adds none', () => {
    const holding: BlastRadiusFacts = { ...QUIET_FACTS, tiers: ['invoke'] };
    const unused = { windowDays: 90, calls: 0, lastUsed: null, ageDays: 400 };
    expect(factorOf({ ...holding, usage: unused }, 'usage')).toMatchObject({
      value: 'unused 90 days',
      points: 5,
      maxPoints: 5,
      sentence: 'Holds standing Bedrock access that CloudTrail shows unused for 90 days: 5 of 5 points.',
    });
    expect(scoreBlastRadius({ ...holding, usage: unused }).score).toBe(scoreBlastRadius(holding).score + 5);
    expect(factorOf({ ...holding, usage: { ...unused, calls: 12, lastUsed: '2026-11-30T08:00:00Z' } }, 'usage').sentence).toBe('Used Bedrock 12 times in the last 90 days, last on 2026-11-30: 0 of 5 points.');
    expect(factorOf({ ...holding, usage: { ...unused, ageDays: 10 } }, 'usage').sentence).toBe('No Bedrock call yet, but created 10 days ago: too new to call unused: 0 of 5 points.');
    expect(factorOf(holding, 'usage').sentence).toBe('No CloudTrail usage evidence for it, so unused access is not scored: 0 of 5 points.');
    expect(factorOf({ ...QUIET_FACTS, usage: unused }, 'usage').points).toBe(0);
    expect(factorOf({ ...holding, usage: unused }, 'usage', resolveWeights({ usage: { unusedPoints: 8 } })).points).toBe(8);
  });

  it('uses tuned weights', () => {
    const weights = resolveWeights({ environment: { points: { sandbox: 0 } } });
    expect(scoreBlastRadius(QUIET_FACTS, weights).score).toBe(0);
  });
});

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

const factsArbitrary: fc.Arbitrary<BlastRadiusFacts> = fc.record({
  tiers: fc.subarray([...TIERS]),
  modelScope: fc.record({ isAllModels: fc.boolean(), modelPatternCount: fc.nat(20) }),
  regionCount: fc.oneof(fc.constant('all' as const), fc.nat(40)),
  totalRegionCount: fc.nat(40),
  accountCount: fc.nat(20),
  exposure: fc.record({ kinds: fc.subarray(TRUST_KINDS), hasUnpinnedOidc: fc.boolean(), hasPublicTrust: fc.boolean(), assumableByCount: fc.nat(2000) }),
  credentials: fc.record({
    type: fc.constantFrom('user' as const, 'role' as const),
    activeAccessKeys: fc.nat(2),
    oldestKeyAgeDays: fc.nat(1000),
    hasBedrockApiKey: fc.boolean(),
    consoleWithoutMfa: fc.boolean(),
  }),
  environment: fc.constantFrom(...ENVIRONMENTS),
  controls: fc.record({
    allInvokeRequiresGuardrail: fc.boolean(),
    modelsPinned: fc.boolean(),
    // The account's real controls (issue #20): unread, or read over the principal's invoke regions.
    account: fc.option(
      fc.record({ isGuardrailEnforced: fc.boolean(), isGuardrailFromOrganization: fc.boolean(), isLoggingOn: fc.boolean(), gapRegions: fc.subarray(['eu-west-1', 'us-east-1', 'us-west-2']) }).map((coverage) => ({ ...coverage, isGuardrailFromOrganization: coverage.isGuardrailEnforced && coverage.isGuardrailFromOrganization })),
      { nil: null },
    ),
  }),
  usage: fc.option(fc.record({ windowDays: fc.constantFrom(30, 90), calls: fc.nat(500), lastUsed: fc.option(fc.constant('2026-11-01T10:00:00Z'), { nil: null }), ageDays: fc.nat(400) }), { nil: null }),
});

const points = fc.integer({ min: 0, max: 40 });
/** Tuned weights: every per-item weight random, the maxima left at their defaults. */
const weightsArbitrary: fc.Arbitrary<Weights> = fc
  .record({
    tierPoints: fc.record(Object.fromEntries(TIERS.map((tier) => [tier, points])) as Record<(typeof TIERS)[number], typeof points>),
    kindPoints: fc.record(Object.fromEntries(TRUST_KINDS.map((kind) => [kind, points])) as Record<TrustKind, typeof points>),
    unpinnedOidcPoints: points,
    pointsPerModelPattern: points,
    pointsPerAccount: points,
    guardrailReduction: points,
    modelsPinnedReduction: points,
    enforcedGuardrailReduction: points,
    loggingReduction: points,
    productionGapPoints: points,
    unusedPoints: points,
  })
  .map((tuned) =>
    resolveWeights({
      actions: { tierPoints: tuned.tierPoints },
      exposure: { kindPoints: tuned.kindPoints, unpinnedOidcPoints: tuned.unpinnedOidcPoints },
      models: { pointsPerModelPattern: tuned.pointsPerModelPattern },
      accounts: { pointsPerAccount: tuned.pointsPerAccount },
      controls: { guardrailReduction: tuned.guardrailReduction, modelsPinnedReduction: tuned.modelsPinnedReduction, enforcedGuardrailReduction: tuned.enforcedGuardrailReduction, loggingReduction: tuned.loggingReduction, productionGapPoints: tuned.productionGapPoints },
      usage: { unusedPoints: tuned.unusedPoints },
    }),
  );

const anyWeights = fc.oneof(fc.constant(DEFAULT_WEIGHTS), weightsArbitrary);

function neverLowers(widen: (facts: BlastRadiusFacts) => fc.Arbitrary<BlastRadiusFacts>) {
  fc.assert(
    fc.property(
      factsArbitrary.chain((facts) => widen(facts).map((wider) => [facts, wider] as const)),
      anyWeights,
      ([facts, wider], weights) => {
        expect(scoreBlastRadius(wider, weights).score).toBeGreaterThanOrEqual(scoreBlastRadius(facts, weights).score);
      },
    ),
    { numRuns: 300 },
  );
}

describe('scoreBlastRadius properties', () => {
  it('adding a tier never lowers the score', () => {
    neverLowers((facts) => fc.constantFrom(...TIERS).map((tier) => ({ ...facts, tiers: [...new Set([...facts.tiers, tier])] })));
  });

  it('widening models never lowers the score', () => {
    neverLowers((facts) =>
      fc.oneof(
        fc.constant({ ...facts, modelScope: { ...facts.modelScope, isAllModels: true } }),
        fc.integer({ min: 1, max: 5 }).map((more) => ({ ...facts, modelScope: { ...facts.modelScope, modelPatternCount: facts.modelScope.modelPatternCount + more } })),
      ),
    );
  });

  it('adding a region or lifting the region limit never lowers the score', () => {
    neverLowers((facts) =>
      fc.oneof(
        fc.constant({ ...facts, regionCount: 'all' as const }),
        fc.constant({ ...facts, regionCount: facts.regionCount === 'all' ? ('all' as const) : facts.regionCount + 1 }),
      ),
    );
  });

  it('adding an account never lowers the score', () => {
    neverLowers((facts) => fc.integer({ min: 1, max: 5 }).map((more) => ({ ...facts, accountCount: facts.accountCount + more })));
  });

  it('adding an exposure kind, an unpinned OIDC trust, public trust or an assumer never lowers the score', () => {
    neverLowers((facts) =>
      fc.oneof(
        fc.constantFrom(...TRUST_KINDS).map((kind) => ({ ...facts, exposure: { ...facts.exposure, kinds: [...new Set([...facts.exposure.kinds, kind])] } })),
        fc.constant({ ...facts, exposure: { ...facts.exposure, hasUnpinnedOidc: true } }),
        fc.constant({ ...facts, exposure: { ...facts.exposure, hasPublicTrust: true } }),
        fc.integer({ min: 1, max: 50 }).map((more) => ({ ...facts, exposure: { ...facts.exposure, assumableByCount: facts.exposure.assumableByCount + more } })),
      ),
    );
  });

  it('losing a control never lowers the score', () => {
    neverLowers((facts) =>
      fc.oneof(
        fc.constant({ ...facts, controls: { ...facts.controls, allInvokeRequiresGuardrail: false } }),
        fc.constant({ ...facts, controls: { ...facts.controls, modelsPinned: false } }),
      ),
    );
  });

  it("losing an account control or gaining a known gap in the account's controls never lowers the score", () => {
    neverLowers((facts): fc.Arbitrary<BlastRadiusFacts> => {
      const account = facts.controls.account;
      if (!account) return fc.constant(facts);
      return fc.oneof<fc.Arbitrary<BlastRadiusFacts>[]>(
        fc.constant({ ...facts, controls: { ...facts.controls, account: { ...account, isGuardrailEnforced: false, isGuardrailFromOrganization: false } } }),
        fc.constant({ ...facts, controls: { ...facts.controls, account: { ...account, isLoggingOn: false } } }),
        fc.constant({ ...facts, controls: { ...facts.controls, account: { ...account, gapRegions: [...new Set([...account.gapRegions, 'ap-south-1'])] } } }),
      );
    });
  });

  it('losing use never lowers the score', () => {
    neverLowers((facts): fc.Arbitrary<BlastRadiusFacts> => {
      const usage = facts.usage;
      if (!usage) return fc.constant(facts);
      return fc.oneof(fc.constant({ ...facts, usage: { ...usage, calls: 0, lastUsed: null } }), fc.nat(usage.calls).map((calls) => ({ ...facts, usage: { ...usage, calls } })));
    });
  });

  it('is deterministic and shaped: same facts, same result; integer 0..100; every factor once', () => {
    fc.assert(
      fc.property(factsArbitrary, anyWeights, (facts, weights) => {
        const first = scoreBlastRadius(facts, weights);
        const second = scoreBlastRadius(structuredClone(facts), weights);
        expect(second).toEqual(first);
        expect(Number.isInteger(first.score)).toBe(true);
        expect(first.score).toBeGreaterThanOrEqual(0);
        expect(first.score).toBeLessThanOrEqual(100);
        expect(first.factors.map((entry) => entry.id)).toEqual(['actions', 'models', 'regions', 'accounts', 'exposure', 'credentials', 'environment', 'controls', 'usage']);
        for (const entry of first.factors) {
          expect(Number.isInteger(entry.points)).toBe(true);
          // controls: a reduction (negative) or, in production, at most the gap points.
          expect(entry.points).toBeLessThanOrEqual(entry.maxPoints);
        }
        const total = first.factors.reduce((sum, entry) => sum + entry.points, 0);
        expect(first.score).toBe(Math.min(100, Math.max(0, total)));
      }),
      { numRuns: 300 },
    );
  });
});
