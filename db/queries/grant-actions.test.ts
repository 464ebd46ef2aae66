import { describe, expect, it } from 'vitest';
import type { Grant } from '../../lib/analysis/types';
import { decodeGrantActions, encodeGrantActions } from './grant-actions';

const path = { policyKind: 'managed', policyArn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess', policyName: 'AmazonBedrockFullAccess', isAwsManaged: true, attachedVia: 'direct', groupName: null, statementId: 'BedrockAll', statementIndex: 0 } as const;
const everything = ['*'];

function grant(action: string, overrides: Partial<Grant> = {}): Grant {
  return { action, tier: 'invoke', resources: everything, notResources: [], regions: ['*'], conditions: [], isConditional: false, requiresGuardrail: false, path, ...overrides };
}

describe('grant actions codec', () => {
  it('stores only what differs from the row and decodes back to the full grants', () => {
    const grants = [
      grant('bedrock:InvokeModel', { requiresGuardrail: true }),
      grant('bedrock:ListFoundationModels', { tier: 'read' }),
      grant('bedrock:GetFoundationModel', { tier: 'read', resources: ['arn:aws:bedrock:*::foundation-model/*'], regions: ['us-east-1'] }),
      grant('bedrock:CreateModelCustomizationJob', { tier: 'customize', conditions: [{ source: 'allow', operator: 'StringEquals', key: 'aws:RequestedRegion', values: ['eu-west-1'], policyName: 'x' }] }),
    ];
    const text = encodeGrantActions(grants);
    expect(text).not.toContain('"resources":["*"]');
    const decoded = decodeGrantActions(text, { resources: grants[0].resources, notResources: grants[0].notResources, regions: grants[0].regions, conditions: grants[0].conditions }, 1);
    expect(decoded).toEqual(grants.map(({ action, tier, resources, notResources, regions, conditions, requiresGuardrail }) => ({ action, tier, resources, notResources, regions, conditions, requiresGuardrail })));
  });

  it('reads rows written in the verbose form', () => {
    const verbose = JSON.stringify([{ action: 'bedrock:InvokeModel', tier: 'invoke', resources: ['arn:x'], notResources: [], regions: ['*'], conditions: [], requiresGuardrail: false }]);
    expect(decodeGrantActions(verbose, { resources: ['*'], notResources: [], regions: ['us-east-1'], conditions: [] }, 1)).toEqual([{ action: 'bedrock:InvokeModel', tier: 'invoke', resources: ['arn:x'], notResources: [], regions: ['*'], conditions: [], requiresGuardrail: false }]);
  });

  it('keeps each action\'s decided principal-fact conditions, stored once when they repeat', () => {
    const exempt = [{ source: 'scp', effect: 'Deny', operator: 'ArnNotLike', key: 'aws:PrincipalARN', values: ['arn:aws:iam::*:role/emergency-*'], holds: false, policyName: 'BreakGlass' }] as const;
    const decided = exempt.map((entry) => ({ ...entry, values: [...entry.values] }));
    const grants = [grant('bedrock:PutModelInvocationLoggingConfiguration', { tier: 'govern', decided }), grant('bedrock:DeleteModelInvocationLoggingConfiguration', { tier: 'govern', decided }), grant('bedrock:InvokeModel')];
    const text = encodeGrantActions(grants);
    expect(text.split('BreakGlass').length - 1).toBe(1);
    const decoded = decodeGrantActions(text, { resources: ['*'], notResources: [], regions: ['*'], conditions: [] }, 1);
    expect(decoded.map((action) => action.decided)).toEqual([decided, decided, undefined]);
  });

  it('is much smaller than one full copy per action for a wide statement', () => {
    const wide = Array.from({ length: 100 }, (_, index) => grant(`bedrock:Action${index}`, { conditions: [{ source: 'scp', operator: 'StringEquals', key: 'aws:RequestedRegion', values: ['eu-west-1', 'eu-central-1'], policyName: 'RegionLock' }] }));
    const verbose = JSON.stringify(wide.map(({ action, tier, resources, notResources, regions, conditions, requiresGuardrail }) => ({ action, tier, resources, notResources, regions, conditions, requiresGuardrail })));
    expect(encodeGrantActions(wide).length * 3).toBeLessThan(verbose.length);
  });
});
