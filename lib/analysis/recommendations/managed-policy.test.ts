import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ActionCatalogue, loadActionCatalogue } from '../catalogue/load-catalogue';
import { createEvaluator } from '../evaluation/evaluate-principal';
import type { CredentialSummary } from '../snapshot-analysis-types';
import type { Grant, PrincipalFacts, SnapshotInput } from '../types';
import { recommendForPrincipal } from './recommend';
import { buildReplacementPolicy } from './replacement-policy';

/**
 * Recommendations for grants that come from real AWS managed policies (`aws iam get-policy-version`
 * output in demo/aws-managed-policies), evaluated by the engine: an AWS managed policy cannot be
 * edited, so the fix is to replace the attachment, never to "pin models in" it.
 */
const ACCOUNT_ID = '111122223333';
const CLAUDE = 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0';

function grantsOf(policyFile: string, extraInline: Record<string, unknown> | null = null): Grant[] {
  const raw = JSON.parse(readFileSync(path.join(process.cwd(), 'demo', 'aws-managed-policies', `${policyFile}.json`), 'utf8')) as { PolicyVersion: { Document: Record<string, unknown>; VersionId: string } };
  const arn = `arn:aws:iam::aws:policy/${policyFile}`;
  const user: PrincipalFacts = {
    id: 'AIDATESTUSER',
    name: 'analyst',
    path: '/',
    accountId: ACCOUNT_ID,
    createDate: '2024-01-01T00:00:00Z',
    inlinePolicies: extraInline ? [{ name: 'invoke-claude', document: extraInline }] : [],
    attachedManagedPolicyArns: [arn],
    permissionsBoundaryArn: null,
    tags: {},
    arn: `arn:aws:iam::${ACCOUNT_ID}:user/analyst`,
    type: 'user',
    groupNames: [],
    credentials: null,
  };
  const snapshot: SnapshotInput = {
    capturedAt: '2025-01-01T00:00:00Z',
    organization: null,
    accounts: [{ accountId: ACCOUNT_ID, users: [user], roles: [], groups: [], managedPolicies: [{ arn, name: policyFile, path: '/', isAwsManaged: true, defaultVersionId: raw.PolicyVersion.VersionId, document: raw.PolicyVersion.Document }] }],
  };
  return createEvaluator(catalogue, snapshot).evaluatePrincipal(user).grants;
}

const credentials: CredentialSummary = { activeAccessKeyCount: 0, oldestActiveKeyAgeDays: null, lastKeyUseDaysAgo: null, hasBedrockApiKey: false, hasConsolePasswordWithoutMfa: false, roleLastUsedDaysAgo: null, lastBedrockUseDaysAgo: 3 };

function recommend(grants: Grant[]) {
  return recommendForPrincipal({ principalType: 'user', grants, trusts: [], credentials, bedrockUse: { status: 'used', lastUseDaysAgo: 3 } });
}

let catalogue: ActionCatalogue;
beforeAll(async () => {
  catalogue = await loadActionCatalogue();
});

describe('recommendations for AWS managed policies', () => {
  it.each([
    // [policy, what it cannot be edited to do]
    ['AmazonBedrockFullAccess', 'pin the models invoked or require a guardrail'],
    ['AmazonBedrockLimitedAccess', 'pin the models invoked or require a guardrail'],
  ])('%s: replace the attachment, never edit the policy', (policyFile, problems) => {
    const recommendations = recommend(grantsOf(policyFile));
    expect(recommendations.filter((entry) => entry.path?.isAwsManaged && (entry.kind === 'pin-models' || entry.kind === 'require-guardrail'))).toEqual([]);
    const replace = recommendations.filter((entry) => entry.kind === 'replace-managed-policy');
    expect(replace).toHaveLength(1);
    expect(replace[0].title).toBe(`Replace AWS managed policy \`${policyFile}\` with a scoped customer managed policy`);
    expect(replace[0].detail).toContain(`it cannot be edited to ${problems}`);
    expect(replace[0].detail).toContain('permissions boundary');
    expect(replace[0].detail).toContain('`Deny`');
    expect(replace[0].path).toMatchObject({ policyName: policyFile, isAwsManaged: true, attachedVia: 'direct' });
  });

  it('AmazonBedrockReadOnly grants no invoke: nothing to replace', () => {
    expect(recommend(grantsOf('AmazonBedrockReadOnly')).filter((entry) => entry.kind === 'replace-managed-policy')).toEqual([]);
  });

  it('an inline policy beside the managed one is still edited in place, by statement number', () => {
    const inline = { Version: '2012-10-17', Statement: [{ Sid: 'ListModels', Effect: 'Allow', Action: 'bedrock:ListFoundationModels', Resource: '*' }, { Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: '*' }] };
    const recommendations = recommend(grantsOf('AmazonBedrockReadOnly', inline));
    expect(recommendations.find((entry) => entry.kind === 'pin-models')?.title).toBe('Pin models in statement #2 of inline policy `invoke-claude`');
  });

  it('the replacement text holds exactly the granted actions, one statement per tier, when no usage is on record', () => {
    const grants = grantsOf('AmazonBedrockLimitedAccess');
    const policy = buildReplacementPolicy(grants, null);
    expect(policy?.basis).toBe('grants');
    expect(policy?.hasUnpinnedInvoke).toBe(true);
    const actions = policy?.document.Statement.flatMap((statement) => statement.Action) ?? [];
    expect(new Set(actions)).toEqual(new Set(grants.map((grant) => grant.action)));
    expect(actions).toContain('bedrock:CreateModelCustomizationJob');
    const sids = policy?.document.Statement.map((statement) => statement.Sid) ?? [];
    expect(new Set(sids).size).toBe(sids.length);
    expect(policy?.document.Version).toBe('2012-10-17');
  });

  it('with usage evidence: only the used actions, invoke pinned to the models invoked', () => {
    const grants = grantsOf('AmazonBedrockFullAccess');
    const policy = buildReplacementPolicy(grants, { actions: ['bedrock:InvokeModel', 'bedrock:ListFoundationModels'], modelArns: [CLAUDE] });
    expect(policy).toEqual({
      basis: 'usage',
      hasUnpinnedInvoke: false,
      document: {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'Invoke', Effect: 'Allow', Action: ['bedrock:InvokeModel'], Resource: CLAUDE },
          { Sid: 'Read', Effect: 'Allow', Action: ['bedrock:ListFoundationModels'], Resource: '*' },
        ],
      },
    });
  });

  it('usage evidence with no use of the attachment: no text to keep (revoke instead)', () => {
    expect(buildReplacementPolicy(grantsOf('AmazonBedrockFullAccess'), { actions: ['s3:GetObject'], modelArns: [] })).toBeNull();
  });
});
