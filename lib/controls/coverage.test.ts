import { describe, expect, it } from 'vitest';
import { scoreBlastRadius } from '../analysis/blast-radius/score-blast-radius';
import { QUIET_FACTS } from '../analysis/blast-radius/test-support/quiet-facts';
import type { BlastRadiusFacts, Grant } from '../analysis/types';
import { coverageOf, invokeRegionsOf } from './coverage';
import type { RegionControls } from './types';

const cell = (region: string, guardrail: RegionControls['guardrail']['enforced'], logging: RegionControls['logging']['state']): RegionControls => ({
  accountId: '111122223333',
  region,
  guardrail: { enforced: guardrail, guardrailArn: null, version: null, name: null, filters: [], source: null, isShareable: null, note: null },
  logging: { state: logging, destinations: [], dataTypes: [], note: null },
});

const invokeGrant = (regions: string[]): Grant => ({
  action: 'bedrock:InvokeModel',
  tier: 'invoke',
  resources: ['*'],
  notResources: [],
  regions,
  conditions: [],
  isConditional: false,
  requiresGuardrail: false,
  path: { policyKind: 'inline', policyArn: null, policyName: 'p', isAwsManaged: false, attachedVia: 'direct', groupName: null, statementId: null, statementIndex: 0 },
});

const cells = [cell('us-east-1', 'organization', 'on'), cell('us-west-2', 'organization', 'on'), cell('eu-west-1', 'none', 'off'), cell('ap-south-1', 'unknown', 'unknown')];

describe('coverageOf', () => {
  it.each([
    ['covered by the organisation guardrail and logging', ['us-east-1', 'us-west-2'], { isGuardrailEnforced: true, isGuardrailFromOrganization: true, isLoggingOn: true, gapRegions: [] }],
    ['a region with neither is a known gap', ['us-east-1', 'eu-west-1'], { isGuardrailEnforced: false, isGuardrailFromOrganization: false, isLoggingOn: false, gapRegions: ['eu-west-1'] }],
    ['an unknown region is not covered, and no known gap', ['us-east-1', 'ap-south-1'], { isGuardrailEnforced: false, isGuardrailFromOrganization: false, isLoggingOn: false, gapRegions: [] }],
    ['a region the scan did not read is not covered', ['us-east-1', 'sa-east-1'], { isGuardrailEnforced: false, isGuardrailFromOrganization: false, isLoggingOn: false, gapRegions: [] }],
    ['no region limit: not covered, every known gap counts', 'all' as const, { isGuardrailEnforced: false, isGuardrailFromOrganization: false, isLoggingOn: false, gapRegions: ['eu-west-1'] }],
  ])('%s', (_name, regions, expected) => {
    expect(coverageOf(regions, cells)).toEqual(expected);
  });

  it('is null when the account was not read', () => {
    expect(coverageOf(['us-east-1'], undefined)).toBeNull();
  });

  it('never improves when a grant gains a region', () => {
    const regions = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-south-1', 'sa-east-1'];
    for (let size = 0; size < regions.length; size += 1) {
      const narrow = coverageOf(invokeRegionsOf([invokeGrant(regions.slice(0, size))]), cells);
      const wide = coverageOf(invokeRegionsOf([invokeGrant(regions.slice(0, size + 1))]), cells);
      if (!narrow || !wide) throw new Error('read');
      expect(Number(wide.isGuardrailEnforced)).toBeLessThanOrEqual(Number(narrow.isGuardrailEnforced));
      expect(Number(wide.isLoggingOn)).toBeLessThanOrEqual(Number(narrow.isLoggingOn));
      expect(wide.gapRegions.length).toBeGreaterThanOrEqual(narrow.gapRegions.length);
    }
  });
});

describe('the controls factor with the account controls', () => {
  // A role in production that can invoke every model in two regions of its account.
  const base: BlastRadiusFacts = {
    ...QUIET_FACTS,
    tiers: ['invoke'],
    modelScope: { isAllModels: true, modelPatternCount: 1 },
    regionCount: 2,
    accountCount: 1,
    exposure: { ...QUIET_FACTS.exposure, kinds: ['same-account'] },
    environment: 'prod',
  };
  const controlsOf = (facts: BlastRadiusFacts) => scoreBlastRadius(facts).factors.find((factor) => factor.id === 'controls');

  it('an organisation guardrail and logging take points off, in a sentence', () => {
    const factor = controlsOf({ ...base, controls: { ...base.controls, account: { isGuardrailEnforced: true, isGuardrailFromOrganization: true, isLoggingOn: true, gapRegions: [] } } });
    expect(factor).toMatchObject({ points: -9, value: 'the organisation enforces a guardrail on its model calls, its model calls are logged' });
    expect(factor?.sentence).toBe('The organisation enforces a guardrail on its model calls and its model calls are logged: 9 points off.');
  });

  it('a known gap in production adds points, in a sentence', () => {
    const factor = controlsOf({ ...base, controls: { ...base.controls, account: { isGuardrailEnforced: false, isGuardrailFromOrganization: false, isLoggingOn: false, gapRegions: ['eu-west-1'] } } });
    expect(factor).toMatchObject({ points: 5, maxPoints: 5, value: 'production gap' });
    expect(factor?.sentence).toBe('No control shrinks it: 0 points off. In production it can invoke without an enforced guardrail or logging in eu-west-1: 5 points added.');
  });

  it('a gap outside production adds nothing; unread controls change nothing', () => {
    expect(controlsOf({ ...base, environment: 'sandbox', controls: { ...base.controls, account: { isGuardrailEnforced: false, isGuardrailFromOrganization: false, isLoggingOn: false, gapRegions: ['eu-west-1'] } } })?.points).toBe(0);
    expect(scoreBlastRadius({ ...base, controls: { ...base.controls, account: null } }).score).toBe(scoreBlastRadius(base).score);
  });
});
