import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeSnapshot } from './analyze-snapshot';
import { type ActionCatalogue, loadActionCatalogue } from './catalogue/load-catalogue';
import { DEFAULT_SOD_RULES } from './sod/default-rules';
import type { ManagedPolicyFacts, RoleFacts, SnapshotInput } from './types';
import { roleFacts } from './test-support/principal-facts';

let catalogue: ActionCatalogue;
beforeAll(async () => {
  catalogue = await loadActionCatalogue();
});

const ACCOUNT_IDS = ['111111111111', '222222222222', '333333333333'];
const NOW = new Date('2026-01-01T00:00:00Z');

// One customer managed policy deployed to every account (StackSets, Terraform modules): the
// engine computes it once and rebases the result to each account's own policy ARN.
const DOCUMENT = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Everything', Effect: 'Allow', Action: ['bedrock:*', 'iam:PassRole'], Resource: '*' },
  ],
};

function policyOf(accountId: string): ManagedPolicyFacts {
  return { arn: `arn:aws:iam::${accountId}:policy/platform/bedrock-all`, name: 'bedrock-all', path: '/platform/', isAwsManaged: false, defaultVersionId: 'v1', document: DOCUMENT };
}

function idleRole(accountId: string): RoleFacts {
  return roleFacts('ml-platform', {
    accountId,
    id: `AROA${accountId}`,
    attachedManagedPolicyArns: [policyOf(accountId).arn],
    trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
  });
}

const snapshot = (): SnapshotInput => ({
  capturedAt: NOW.toISOString(),
  organization: null,
  accounts: ACCOUNT_IDS.map((accountId) => ({ accountId, users: [], roles: [idleRole(accountId)], managedPolicies: [policyOf(accountId)], groups: [] })),
});

describe('analyzeSnapshot across accounts sharing one policy', () => {
  it("names each account's own policy in grants, SoD conflicts and recommendations", () => {
    const analysis = analyzeSnapshot(snapshot(), catalogue, { now: NOW, sodRules: [...DEFAULT_SOD_RULES] });
    expect(analysis.principals).toHaveLength(3);
    for (const [index, principal] of analysis.principals.entries()) {
      const ownArn = policyOf(ACCOUNT_IDS[index]).arn;
      expect(principal.grants.length).toBeGreaterThan(50);
      expect(new Set(principal.grants.map((grant) => grant.path.policyArn))).toEqual(new Set([ownArn]));

      // Conflict sides are this principal's own grant objects, not the source account's.
      expect(principal.conflicts.length).toBeGreaterThan(0);
      const held = new Set([...principal.grants, ...principal.supportingGrants]);
      for (const conflict of principal.conflicts) {
        for (const grant of [...conflict.sideA, ...conflict.sideB]) expect(held.has(grant)).toBe(true);
      }

      const pathed = principal.recommendations.filter((recommendation) => recommendation.path !== null);
      expect(pathed.map((recommendation) => recommendation.kind)).toEqual(expect.arrayContaining(['revoke-unused', 'pin-models', 'require-guardrail']));
      for (const recommendation of pathed) expect(recommendation.path?.policyArn).toBe(ownArn);
    }
  });

  it('gives the rebased copies the same tiers, actions, conflicts and score as the source', () => {
    const [first, ...others] = analyzeSnapshot(snapshot(), catalogue, { now: NOW, sodRules: [...DEFAULT_SOD_RULES] }).principals;
    for (const other of others) {
      expect(other.tiers).toEqual(first.tiers);
      expect(other.actions).toEqual(first.actions);
      expect(other.blastRadius).toEqual(first.blastRadius);
      expect(other.conflicts.map((conflict) => [conflict.ruleId, conflict.sideA.map((grant) => grant.action), conflict.sideB.map((grant) => grant.action)])).toEqual(
        first.conflicts.map((conflict) => [conflict.ruleId, conflict.sideA.map((grant) => grant.action), conflict.sideB.map((grant) => grant.action)]),
      );
      expect(other.recommendations.map((recommendation) => [recommendation.kind, recommendation.title, recommendation.detail])).toEqual(
        first.recommendations.map((recommendation) => [recommendation.kind, recommendation.title, recommendation.detail]),
      );
    }
  });
});

describe('analyzeSnapshot across accounts whose policies differ only by the account id', () => {
  // A template deployed to every account: resources and a Sid carry the account id. The second
  // policy's name holds the first account's id as written in every account (names are not renamed).
  const templated = (accountId: string, name: string): ManagedPolicyFacts => ({
    arn: `arn:aws:iam::${accountId}:policy/${name}`,
    name,
    path: '/',
    isAwsManaged: false,
    defaultVersionId: 'v1',
    document: {
      Version: '2012-10-17',
      Statement: [
        { Sid: `Invoke${accountId}`, Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: [`arn:aws:bedrock:*:${accountId}:inference-profile/*`, 'arn:aws:bedrock:*::foundation-model/*'] },
        { Effect: 'Allow', Action: 'bedrock:CreateModelCustomizationJob', Resource: `arn:aws:bedrock:*:${accountId}:model-customization-job/*` },
      ],
    },
  });
  const NAMES = ['bedrock-template', `bedrock-${ACCOUNT_IDS[0]}`];
  const accountSnapshot = (accountIds: string[]): SnapshotInput => ({
    capturedAt: NOW.toISOString(),
    organization: null,
    accounts: accountIds.map((accountId) => ({
      accountId,
      users: [],
      roles: NAMES.map((name) => ({ ...idleRole(accountId), arn: `arn:aws:iam::${accountId}:role/${name}`, name, attachedManagedPolicyArns: [templated(accountId, name).arn] })),
      managedPolicies: NAMES.map((name) => templated(accountId, name)),
      groups: [],
    })),
  });
  const conclusions = (principal: ReturnType<typeof analyzeSnapshot>['principals'][number]) =>
    JSON.parse(JSON.stringify({ grants: principal.grants, conflicts: principal.conflicts, recommendations: principal.recommendations, blastRadius: principal.blastRadius, tiers: principal.tiers }));

  it('concludes for each account what analysing that account alone concludes', () => {
    const together = analyzeSnapshot(accountSnapshot(ACCOUNT_IDS), catalogue, { now: NOW, sodRules: [...DEFAULT_SOD_RULES] }).principals;
    for (const accountId of ACCOUNT_IDS.slice(1)) {
      const alone = analyzeSnapshot(accountSnapshot([accountId]), catalogue, { now: NOW, sodRules: [...DEFAULT_SOD_RULES] }).principals;
      for (const principal of alone) {
        const match = together.find((candidate) => candidate.facts.arn === principal.facts.arn);
        expect(conclusions(match!)).toEqual(conclusions(principal));
      }
    }
    const pinModels = together.find((principal) => principal.facts.arn === `arn:aws:iam::${ACCOUNT_IDS[2]}:role/bedrock-template`)?.recommendations.find((recommendation) => recommendation.kind === 'pin-models');
    expect(pinModels?.title).toContain(`Invoke${ACCOUNT_IDS[2]}`);
    expect(pinModels?.detail).toContain(`arn:aws:bedrock:*:${ACCOUNT_IDS[2]}:inference-profile/*`);
  });
});
