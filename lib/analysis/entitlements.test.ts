import { describe, expect, it } from 'vitest';
import { entitlementKey, groupGrantsIntoEntitlements } from './entitlements';
import type { Grant, GrantPath } from './types';

const managedViaGroup: GrantPath = {
  policyKind: 'managed',
  policyArn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess',
  policyName: 'AmazonBedrockFullAccess',
  isAwsManaged: true,
  attachedVia: 'group',
  groupName: 'ml-engineers',
  statementId: 'BedrockAll',
  statementIndex: 0,
};

function grant(action: string, tier: Grant['tier'], path: GrantPath, isConditional = false): Grant {
  return { action, tier, resources: ['*'], notResources: [], regions: ['*'], conditions: [], isConditional, requiresGuardrail: false, path };
}

describe('entitlements', () => {
  it('groups grants by policy and attachment, then by statement', () => {
    const inline: GrantPath = { policyKind: 'inline', policyArn: null, policyName: 'invoke-claude', isAwsManaged: false, attachedVia: 'direct', groupName: null, statementId: null, statementIndex: 1 };
    const groups = groupGrantsIntoEntitlements('arn:aws:iam::111122223333:user/maya', [
      grant('bedrock:InvokeModel', 'invoke', managedViaGroup),
      grant('bedrock:CreateModelCustomizationJob', 'customize', managedViaGroup),
      grant('bedrock:InvokeModel', 'invoke', inline, true),
    ]);
    expect(groups).toHaveLength(2);
    expect(groups[0].key).toBe('arn:aws:iam::111122223333:user/maya|arn:aws:iam::aws:policy/AmazonBedrockFullAccess|group:ml-engineers');
    expect(groups[0].tiers).toEqual(['invoke', 'customize']);
    expect(groups[0].statements).toHaveLength(1);
    expect(groups[1].isConditional).toBe(true);
    expect(groups[1].key).toBe('arn:aws:iam::111122223333:user/maya|inline:invoke-claude|direct');
  });

  it('gives the same key whatever the statement', () => {
    const { statementId: _id, statementIndex: _index, ...path } = managedViaGroup;
    expect(entitlementKey('arn:p', { ...path })).toBe(entitlementKey('arn:p', { ...managedViaGroup }));
  });
});
