import { describe, expect, it } from 'vitest';
import type { CredentialSummary } from '../snapshot-analysis-types';
import { FULL_ACCESS_ATTACHED_DIRECTLY } from '../test-support/entitlement-paths';
import type { Grant, GrantPath, Tier, TrustEntry } from '../types';
import { recommendForPrincipal, type RecommendationInput } from './recommend';

const fullAccess: GrantPath = { ...FULL_ACCESS_ATTACHED_DIRECTLY, statementId: 'BedrockAll', statementIndex: 0 };
const inline: GrantPath = { policyKind: 'inline', policyArn: null, policyName: 'invoke-claude', isAwsManaged: false, attachedVia: 'group', groupName: 'ml', statementId: null, statementIndex: 1 };
const CLAUDE = 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0';

function grant(action: string, tier: Tier, path: GrantPath, overrides: Partial<Grant> = {}): Grant {
  return { action, tier, resources: ['*'], notResources: [], regions: ['*'], conditions: [], isConditional: false, requiresGuardrail: false, path, ...overrides };
}

const credentials: CredentialSummary = {
  activeAccessKeyCount: 0,
  oldestActiveKeyAgeDays: null,
  lastKeyUseDaysAgo: null,
  hasBedrockApiKey: false,
  hasConsolePasswordWithoutMfa: false,
  roleLastUsedDaysAgo: 2,
  lastBedrockUseDaysAgo: 2,
};

function input(overrides: Partial<RecommendationInput>): RecommendationInput {
  return { principalType: 'role', grants: [], trusts: [], credentials, bedrockUse: { status: 'used', lastUseDaysAgo: 2 }, ...overrides };
}

const oidc = (pinned: boolean, principal = 'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com'): TrustEntry => ({
  kind: 'oidc',
  principal,
  accountId: '111111111111',
  isConditional: true,
  conditions: [],
  isSubjectPinned: pinned,
  oidcProvider: 'token.actions.githubusercontent.com',
});

describe('recommendForPrincipal', () => {
  const fullGrants = [
    grant('bedrock:InvokeModel', 'invoke', fullAccess),
    grant('bedrock:InvokeModelWithResponseStream', 'invoke', fullAccess),
    grant('bedrock:CreateGuardrail', 'govern', fullAccess),
  ];

  it('nothing to recommend for a used, pinned, guarded role', () => {
    const guarded = grant('bedrock:InvokeModel', 'invoke', inline, { resources: [CLAUDE], requiresGuardrail: true });
    expect(recommendForPrincipal(input({ grants: [guarded], trusts: [oidc(true)] }))).toEqual([]);
  });

  it('unused standing access: one revoke per entitlement path', () => {
    const grants = [...fullGrants, grant('bedrock:InvokeModel', 'invoke', inline, { resources: [CLAUDE], requiresGuardrail: true }), grant('bedrock:Converse', 'invoke', { ...inline, statementIndex: 2 }, { resources: [CLAUDE], requiresGuardrail: true })];
    const revokes = recommendForPrincipal(input({ grants, bedrockUse: { status: 'unused', lastUseDaysAgo: 140 } })).filter((entry) => entry.kind === 'revoke-unused');
    expect(revokes.map((entry) => entry.path?.policyName)).toEqual(['AmazonBedrockFullAccess', 'invoke-claude']);
    expect(revokes[0]).toMatchObject({
      title: 'Revoke unused Bedrock access through managed policy `AmazonBedrockFullAccess`',
      detail: expect.stringContaining('last Bedrock use 140 days ago'),
    });
    expect(revokes[0].detail).toContain('bedrock:InvokeModel, bedrock:InvokeModelWithResponseStream, bedrock:CreateGuardrail');
    expect(revokes[1].title).toBe('Revoke unused Bedrock access through inline policy `invoke-claude` through group `ml`');
  });

  it('never recommends revocation when use is unknown', () => {
    expect(recommendForPrincipal(input({ grants: fullGrants, bedrockUse: { status: 'unknown', lastUseDaysAgo: null } })).some((entry) => entry.kind === 'revoke-unused')).toBe(false);
  });

  // Changed with #19: an AWS managed policy cannot be edited, so its grants get one
  // replace-managed-policy recommendation (see managed-policy.test.ts), and pin-models /
  // require-guardrail are about policies the account can edit, here a customer managed copy.
  it('pin-models and require-guardrail once per statement of an editable policy, naming the path', () => {
    const customerManaged: GrantPath = { ...fullAccess, policyArn: 'arn:aws:iam::111111111111:policy/bedrock-all', policyName: 'bedrock-all', isAwsManaged: false };
    const customerGrants = fullGrants.map((entry) => ({ ...entry, path: customerManaged }));
    const result = recommendForPrincipal(input({ grants: customerGrants }));
    expect(result.map((entry) => entry.kind)).toEqual(['pin-models', 'require-guardrail']);
    expect(result[0]).toMatchObject({ title: 'Pin models in statement #1 (`BedrockAll`) of managed policy `bedrock-all`', path: customerManaged });
    expect(result[0].detail).toContain('bedrock:InvokeModel, bedrock:InvokeModelWithResponseStream is allowed on every model (*)');
    expect(result[1]).toMatchObject({ title: 'Require a guardrail in statement #1 (`BedrockAll`) of managed policy `bedrock-all`', path: customerManaged });
    expect(result[1].detail).toContain('bedrock:GuardrailIdentifier');
  });

  it('the same grants through the AWS managed policy: replace the attachment instead', () => {
    const result = recommendForPrincipal(input({ grants: fullGrants }));
    expect(result.map((entry) => entry.kind)).toEqual(['replace-managed-policy']);
    expect(result[0]).toMatchObject({ title: 'Replace AWS managed policy `AmazonBedrockFullAccess` with a scoped customer managed policy', path: fullAccess });
  });

  it('pin-oidc-subject once per unpinned provider principal, with no path', () => {
    const result = recommendForPrincipal(input({ trusts: [oidc(false), oidc(false), oidc(true, 'other')] }));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ kind: 'pin-oidc-subject', path: null, title: 'Pin the OIDC subject trusted from token.actions.githubusercontent.com' });
    expect(result[0].detail).toContain('repo:my-org/my-repo:ref:refs/heads/main');
  });

  it('replace-access-keys for a user holding Bedrock grants with keys or a Bedrock API key', () => {
    const guarded = [grant('bedrock:InvokeModel', 'invoke', inline, { resources: [CLAUDE], requiresGuardrail: true })];
    const withKeys = { ...credentials, activeAccessKeyCount: 2, oldestActiveKeyAgeDays: 420, hasBedrockApiKey: true };
    const result = recommendForPrincipal(input({ principalType: 'user', grants: guarded, credentials: withKeys }));
    expect(result).toEqual([
      {
        kind: 'replace-access-keys',
        title: 'Replace long-lived keys with role credentials',
        detail: expect.stringContaining('2 active access keys, oldest 420 days old and a long-term Bedrock API key'),
        path: null,
      },
    ]);
    expect(recommendForPrincipal(input({ principalType: 'user', grants: [], credentials: withKeys }))).toEqual([]);
    expect(recommendForPrincipal(input({ principalType: 'user', grants: guarded }))).toEqual([]);
  });
});
