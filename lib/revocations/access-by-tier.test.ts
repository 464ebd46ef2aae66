import { describe, expect, it } from 'vitest';
import { groupActionsByTier } from './access-by-tier';

describe('groupActionsByTier', () => {
  it('groups by tier, most consequential first, actions sorted and deduplicated', () => {
    const grouped = groupActionsByTier(['bedrock:InvokeModelWithResponseStream', 'bedrock:InvokeModel', 'bedrock:CreateModelCustomizationJob', 'bedrock:PutModelInvocationLoggingConfiguration', 'bedrock:InvokeModel', 'bedrock:ListFoundationModels']);
    expect(grouped.map((group) => group.tier)).toEqual(['govern', 'customize', 'invoke', 'read']);
    expect(grouped.find((group) => group.tier === 'invoke')?.actions).toEqual(['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream']);
  });

  it('puts actions of other services and malformed strings under unclassified', () => {
    expect(groupActionsByTier(['iam:PassRole', 'nonsense'])).toEqual([{ tier: 'unclassified', actions: ['iam:PassRole', 'nonsense'] }]);
  });

  it('returns nothing for no access', () => {
    expect(groupActionsByTier([])).toEqual([]);
  });
});
