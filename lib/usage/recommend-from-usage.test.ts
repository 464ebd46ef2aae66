import { describe, expect, it } from 'vitest';
import { modelArnOf, recommendFromUsage, type UsageFacts } from './recommend-from-usage';
import { summarizeUsage, type UsageRow } from './summarize-usage';

const asOf = new Date('2026-10-31T12:00:00Z');
const row = (overrides: Partial<UsageRow>): UsageRow => ({ action: 'bedrock:InvokeModel', region: 'us-east-1', modelId: 'anthropic.claude-3-haiku-20240307-v1:0', day: '2026-10-30', callerKind: 'person', callerName: 'jane', callerUserId: '', unattributedReason: '', isStandingCredential: false, calls: 3, deniedCalls: 0, lastCallAt: '2026-10-30T10:00:00Z', lastDeniedAt: null, ...overrides });

function facts(overrides: Partial<UsageFacts>, rows: UsageRow[] = []): UsageFacts {
  return {
    principalArn: 'arn:aws:iam::111122223333:role/app',
    accountId: '111122223333',
    held: [
      { action: 'bedrock:InvokeModel', tier: 'invoke', resources: ['*'] },
      { action: 'bedrock:InvokeModelWithResponseStream', tier: 'invoke', resources: ['*'] },
      { action: 'bedrock:CreateModelCustomizationJob', tier: 'customize', resources: ['*'] },
    ],
    detail: summarizeUsage(rows, asOf, 90),
    hasCloudTrail: true,
    accessAdvisor: [],
    standingSourceCount: 0,
    asOf,
    ...overrides,
  };
}

describe('recommendFromUsage', () => {
  it('unused tier and reduce-to-used with exact actions and model ARNs', () => {
    const result = recommendFromUsage(facts({}, [row({}), row({ modelId: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0' })]));
    expect(result.map((entry) => entry.kind)).toEqual(['unused-tier', 'reduce-to-used']);
    expect(result[0]?.title).toContain('customize');
    expect(result[1]).toMatchObject({
      actions: ['bedrock:InvokeModel'],
      modelArns: ['arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0', 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0'],
    });
  });

  it('every tier unused: revoke each, nothing to reduce to', () => {
    expect(recommendFromUsage(facts({})).map((entry) => [entry.kind, entry.action])).toEqual([
      ['unused-tier', 'revoke'],
      ['unused-tier', 'revoke'],
    ]);
  });

  it('without CloudTrail, Access Advisor decides and says so', () => {
    const result = recommendFromUsage(facts({ hasCloudTrail: false, accessAdvisor: [{ serviceNamespace: 'bedrock', actionName: '', lastAuthenticatedAt: '2026-05-01T00:00:00Z', reportGeneratedAt: null }] }));
    expect(result).toEqual([expect.objectContaining({ kind: 'unused-access-advisor', evidence: 'access-advisor' })]);
    expect(result[0]?.detail).toContain('Access Advisor date, not CloudTrail');
    expect(recommendFromUsage(facts({ hasCloudTrail: false, accessAdvisor: [{ serviceNamespace: 'bedrock', actionName: '', lastAuthenticatedAt: '2026-10-20T00:00:00Z', reportGeneratedAt: null }] }))).toEqual([]);
    expect(recommendFromUsage(facts({ hasCloudTrail: false }))).toEqual([]);
  });

  it('models outside pinned grants, denied attempts, and a shared standing credential', () => {
    const pinned = [
      { action: 'bedrock:InvokeModel', tier: 'invoke' as const, resources: ['arn:aws:bedrock:*::foundation-model/anthropic.claude-3-haiku-*'] },
    ];
    const rows = [row({}), row({ modelId: 'meta.llama3-1-405b-instruct-v1:0' }), row({ modelId: 'anthropic.claude-3-opus-20240229-v1:0', calls: 0, deniedCalls: 2, lastCallAt: null, lastDeniedAt: '2026-10-30T09:00:00Z' }), row({ isStandingCredential: true })];
    const result = recommendFromUsage(facts({ held: pinned, standingSourceCount: 7 }, rows));
    expect(result.map((entry) => entry.kind)).toEqual(['model-outside-grants', 'denied-models', 'shared-standing-credential']);
    expect(result[0]?.detail).toContain('meta.llama3-1-405b-instruct-v1:0');
    expect(result[0]?.detail).not.toContain('haiku');
    expect(result[1]?.detail).toContain('anthropic.claude-3-opus-20240229-v1:0 (2)');
  });

  it('spells model ARNs as Bedrock does', () => {
    expect(modelArnOf('amazon.nova-pro-v1:0', 'eu-west-1', '1')).toBe('arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-pro-v1:0');
    expect(modelArnOf('arn:aws:bedrock:us-east-1:1:application-inference-profile/x', 'eu-west-1', '1')).toBe('arn:aws:bedrock:us-east-1:1:application-inference-profile/x');
  });
});
