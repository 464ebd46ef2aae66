import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CredentialSummary } from '../snapshot-analysis-types';
import { TIERS, type Exposure, type Grant, type Tier } from '../types';
import { deriveBlastRadiusFacts, deriveBlastRadiusFactsOfUnion, type DeriveFactsInput } from './derive-facts';
import { coversAllModels } from './model-scope';
import { scoreBlastRadius } from './score-blast-radius';

const path = { policyKind: 'managed' as const, policyArn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess', policyName: 'AmazonBedrockFullAccess', isAwsManaged: true, attachedVia: 'direct' as const, groupName: null, statementId: null, statementIndex: 0 };

function grant(tier: Tier, resources: string[], overrides: Partial<Grant> = {}): Grant {
  return { action: `bedrock:${tier}`, tier, resources, notResources: [], regions: ['*'], conditions: [], isConditional: false, requiresGuardrail: false, path, ...overrides };
}

const noExposure: Exposure = { trusts: [], assumableBy: [], isReachableFromOutsideOrganization: false, hasUnpinnedOidcTrust: false, hasPublicTrust: false };
const noCredentials: CredentialSummary = {
  activeAccessKeyCount: 0,
  oldestActiveKeyAgeDays: null,
  lastKeyUseDaysAgo: null,
  hasBedrockApiKey: false,
  hasConsolePasswordWithoutMfa: false,
  roleLastUsedDaysAgo: 3,
  lastBedrockUseDaysAgo: 3,
};

function input(grants: Grant[], overrides: Partial<DeriveFactsInput> = {}): DeriveFactsInput {
  return { principalType: 'role', grants, exposure: noExposure, credentials: noCredentials, environment: 'prod', accountCount: 1, ...overrides };
}

const CLAUDE = 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0';

describe('coversAllModels', () => {
  it.each([
    ['*', true],
    ['arn:aws:bedrock:*', true],
    ['arn:aws:bedrock:*::foundation-model/*', true],
    ['arn:aws:bedrock:*:*:foundation-model/*', true],
    ['arn:aws:bedrock:us-east-1::foundation-model/*', true],
    ['arn:aws:bedrock:*::foundation-model/anthropic.*', false],
    [CLAUDE, false],
    ['arn:aws:bedrock:us-east-1:111111111111:inference-profile/*', false],
    ['arn:aws:s3:::*', false],
  ])('%s -> %s', (resource, expected) => {
    expect(coversAllModels({ resources: [resource], notResources: [] })).toBe(expected);
  });

  it('NotResource on every model carves the grant out', () => {
    expect(coversAllModels({ resources: ['*'], notResources: ['arn:aws:bedrock:*::foundation-model/anthropic.*'] })).toBe(true);
    expect(coversAllModels({ resources: ['*'], notResources: ['arn:aws:bedrock:*::foundation-model/*'] })).toBe(false);
  });
});

const grantArbitrary = fc
  .record({
    tier: fc.constantFrom(...TIERS),
    resources: fc.subarray(['*', CLAUDE, 'arn:aws:bedrock:*::foundation-model/*', 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-*'], { minLength: 1 }),
    notResources: fc.subarray(['arn:aws:bedrock:*::foundation-model/*', 'arn:aws:bedrock:*::foundation-model/anthropic.*'], { maxLength: 1 }),
    regions: fc.oneof(fc.constant<string[]>(['*']), fc.constant<string[]>(['eu-*']), fc.subarray(['us-east-1', 'us-west-2', 'eu-west-1'], { minLength: 1 })),
    requiresGuardrail: fc.boolean(),
  })
  .map(({ tier, resources, notResources, regions, requiresGuardrail }) => grant(tier, resources, { notResources, regions, requiresGuardrail }));

describe('deriveBlastRadiusFactsOfUnion', () => {
  it('property: the facts of several grant arrays equal the facts of their concatenation (shared arrays included)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(grantArbitrary, { maxLength: 5 }), { maxLength: 5 }), fc.array(fc.nat(4), { maxLength: 4 }), (arrays, repeats) => {
        // A person often holds the same grants array through several roles: repeat some.
        const withShared = [...arrays, ...repeats.filter((index) => index < arrays.length).map((index) => arrays[index])];
        const { grants: _grants, ...rest } = input([]);
        expect(deriveBlastRadiusFactsOfUnion({ ...rest, grantArrays: withShared })).toEqual(deriveBlastRadiusFacts(input(withShared.flat())));
      }),
      { numRuns: 500 },
    );
  });
});

describe('deriveBlastRadiusFacts', () => {
  it('reads AmazonBedrockFullAccess-like grants as all models, all regions, no controls', () => {
    const facts = deriveBlastRadiusFacts(input([grant('invoke', ['*']), grant('govern', ['*']), grant('read', ['*'])]));
    expect(facts).toMatchObject({
      tiers: ['invoke', 'govern', 'read'],
      modelScope: { isAllModels: true },
      regionCount: 'all',
      controls: { allInvokeRequiresGuardrail: false, modelsPinned: false },
    });
  });

  it('counts distinct model patterns and the union of regions of invoke grants only', () => {
    const facts = deriveBlastRadiusFacts(
      input([
        grant('invoke', [CLAUDE, 'arn:aws:bedrock:us-east-1:111111111111:inference-profile/us.anthropic.*'], { regions: ['us-east-1', 'us-west-2'], requiresGuardrail: true }),
        grant('invoke', [CLAUDE], { regions: ['eu-west-1'], requiresGuardrail: true }),
        grant('customize', ['*']),
      ]),
    );
    expect(facts.modelScope).toEqual({ isAllModels: false, modelPatternCount: 2 });
    expect(facts.regionCount).toBe(3);
    expect(facts.controls).toEqual({ allInvokeRequiresGuardrail: true, modelsPinned: true });
  });

  it('a wildcard region pattern counts as no region limit', () => {
    expect(deriveBlastRadiusFacts(input([grant('invoke', [CLAUDE], { regions: ['eu-*'] })])).regionCount).toBe('all');
  });

  it('without invoke grants: no models, no regions, controls vacuously on', () => {
    expect(deriveBlastRadiusFacts(input([grant('govern', ['*'])]))).toMatchObject({
      modelScope: { isAllModels: false, modelPatternCount: 0 },
      regionCount: 0,
      controls: { allInvokeRequiresGuardrail: true, modelsPinned: true },
    });
  });

  it('carries exposure, credentials, environment and account count', () => {
    const exposure: Exposure = {
      ...noExposure,
      trusts: [
        { kind: 'oidc', principal: 'p', accountId: null, isConditional: true, conditions: [], isSubjectPinned: false, oidcProvider: 'token.actions.githubusercontent.com' },
        { kind: 'same-account', principal: '111111111111', accountId: '111111111111', isConditional: false, conditions: [], isSubjectPinned: null, oidcProvider: null },
      ],
      assumableBy: [{ chain: ['u1', 'r'] }, { chain: ['u1', 'x', 'r'] }, { chain: ['u2', 'r'] }],
      hasUnpinnedOidcTrust: true,
    };
    const credentials = { ...noCredentials, activeAccessKeyCount: 1, oldestActiveKeyAgeDays: 120, hasBedrockApiKey: true, hasConsolePasswordWithoutMfa: true };
    const facts = deriveBlastRadiusFacts(input([], { exposure, credentials, principalType: 'user', environment: 'nonprod', accountCount: 4, totalRegionCount: 17 }));
    expect(facts.exposure).toEqual({ kinds: ['oidc', 'same-account'], hasUnpinnedOidc: true, hasPublicTrust: false, assumableByCount: 2 });
    expect(facts.credentials).toEqual({ type: 'user', activeAccessKeys: 1, oldestKeyAgeDays: 120, hasBedrockApiKey: true, consoleWithoutMfa: true });
    expect(facts).toMatchObject({ environment: 'nonprod', accountCount: 4, totalRegionCount: 17 });
  });

  it('property: adding any grant never lowers the derived score', () => {
    fc.assert(
      fc.property(fc.array(grantArbitrary, { maxLength: 6 }), grantArbitrary, (grants, extra) => {
        const before = scoreBlastRadius(deriveBlastRadiusFacts(input(grants))).score;
        const after = scoreBlastRadius(deriveBlastRadiusFacts(input([...grants, extra]))).score;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 500 },
    );
  });
});
