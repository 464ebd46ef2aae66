import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ActionCatalogue, loadActionCatalogue } from '../catalogue/load-catalogue';
import type { OrganizationFacts, RoleFacts, SnapshotInput } from '../types';
import { createEvaluator } from './evaluate-principal';

/**
 * Differential test against @cloud-copilot/iam-simulate (AGPL: imported by this test only).
 * Generated policy sets (seeded PRNG, reproducible) with Allow/Deny, Action/NotAction,
 * wildcards, Resource/NotResource, a permissions boundary and SCP levels are evaluated on
 * concrete requests without conditions; both engines must reach the same decision.
 */

const ACCOUNT_ID = '111122223333';
const PRINCIPAL_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/test`;
const POLICY_SET_COUNT = 2_000;

/** mulberry32: small, fast and good enough for test generation. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTION_PATTERNS = [
  '*',
  'bedrock:*',
  'bedrock:Invoke*',
  'bedrock:*Model*',
  // `?` sits in the action name: iam-policy (and IAM) reject wildcards in the service prefix.
  'bedrock:InvokeM?del',
  'bedrock:invokemodel',
  'BEDROCK:Get*',
  'bedrock:List*',
  'bedrock:CreateAgent',
  'bedrock:Delete*',
  'bedrock:InvokeModel?',
  'bedrock-agentcore:Invoke*',
  'iam:*',
  'iam:PassRole',
  'sts:AssumeRole',
  'bedrock-agentcore:*',
  's3:*',
];

const RESOURCE_PATTERNS = [
  '*',
  'arn:aws:bedrock:*::foundation-model/*',
  'arn:aws:bedrock:us-east-1::foundation-model/anthropic.*',
  'arn:aws:bedrock:us-west-2::foundation-model/*',
  'arn:aws:s3:::bucket/*',
  `arn:aws:bedrock:*:${ACCOUNT_ID}:*`,
  `arn:aws:iam::${ACCOUNT_ID}:role/*`,
  'arn:aws:bedrock:us-east-?::foundation-model/*',
  'arn:aws:bedrock:*',
  'arn:aws:bedrock:*:*:agent-alias/*',
  'arn:aws:bedrock-agentcore:*:*:runtime/*',
  `arn:aws:bedrock:us-east-1:${ACCOUNT_ID}:inference-profile/*`,
  'arn:*:*:*:*:*',
  `arn:aws:bedrock:*:${ACCOUNT_ID}:custom-model/*`,
];

/**
 * Excluded class: a short ARN (fewer than six segments, `arn:aws:bedrock:*`) inside NotResource.
 * iam-simulate deliberately refuses to invert a mismatch against an expanded short ARN
 * (`shortArnExpandedMismatch` is non-invertible), so such a NotResource never lets its statement
 * apply, even to an IAM role ARN that plainly lies outside `arn:aws:bedrock:*`. AWS documents
 * nothing that supports that; we treat the short ARN as padded with `*` segments (as the oracle
 * itself does for Resource) and let NotResource apply to what it does not match.
 */
const NOT_RESOURCE_PATTERNS = RESOURCE_PATTERNS.filter((pattern) => pattern === '*' || pattern.split(':').length >= 6);

const REQUESTS: Array<{ action: string; resource: string }> = [
  { action: 'bedrock:InvokeModel', resource: 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0' },
  { action: 'bedrock:InvokeModel', resource: `arn:aws:bedrock:us-east-1:${ACCOUNT_ID}:inference-profile/us.anthropic.claude-v2` },
  { action: 'bedrock:InvokeModelWithResponseStream', resource: 'arn:aws:bedrock:us-west-2::foundation-model/meta.llama3' },
  { action: 'bedrock:GetFoundationModel', resource: 'arn:aws:bedrock:us-east-2::foundation-model/amazon.titan' },
  { action: 'bedrock:ListFoundationModels', resource: '*' },
  { action: 'bedrock:CreateAgent', resource: '*' },
  { action: 'bedrock:InvokeAgent', resource: `arn:aws:bedrock:us-east-1:${ACCOUNT_ID}:agent-alias/AGENT1/ALIAS1` },
  { action: 'bedrock:DeleteCustomModel', resource: `arn:aws:bedrock:eu-west-1:${ACCOUNT_ID}:custom-model/m1` },
  { action: 'bedrock-agentcore:InvokeAgentRuntime', resource: `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT_ID}:runtime/r1` },
  { action: 'iam:PassRole', resource: `arn:aws:iam::${ACCOUNT_ID}:role/AmazonBedrockExecution` },
  { action: 'sts:AssumeRole', resource: `arn:aws:iam::${ACCOUNT_ID}:role/other` },
];

type Statement = Record<string, unknown>;
type Document = { Version: string; Statement: Statement[] };

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

function pickSome(random: () => number, list: readonly string[]): string | string[] {
  const count = 1 + Math.floor(random() * 2);
  const chosen = Array.from({ length: count }, () => pick(random, list));
  // Both the string and the list form are exercised.
  return count === 1 && random() < 0.5 ? chosen[0] : chosen;
}

function randomStatement(random: () => number, denyShare: number): Statement {
  const statement: Statement = { Effect: random() < denyShare ? 'Deny' : 'Allow' };
  statement[random() < 0.2 ? 'NotAction' : 'Action'] = pickSome(random, ACTION_PATTERNS);
  if (random() < 0.2) statement.NotResource = pickSome(random, NOT_RESOURCE_PATTERNS);
  else statement.Resource = pickSome(random, RESOURCE_PATTERNS);
  return statement;
}

function randomDocument(random: () => number, denyShare: number): Document {
  const count = 1 + Math.floor(random() * 3);
  return { Version: '2012-10-17', Statement: Array.from({ length: count }, () => randomStatement(random, denyShare)) };
}

const FULL_ACCESS: Document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

interface PolicySet {
  identity: Document[];
  boundary: Document | null;
  /** Root, OU, account; each level a list of SCPs. Null: no organisation. */
  scpLevels: Document[][] | null;
}

function randomPolicySet(random: () => number): PolicySet {
  const identity = Array.from({ length: 1 + Math.floor(random() * 3) }, () => randomDocument(random, 0.25));
  const boundary = random() < 0.35 ? randomDocument(random, 0.15) : null;
  const scpLevels =
    random() < 0.45
      ? Array.from({ length: 3 }, () => Array.from({ length: 1 + Math.floor(random() * 2) }, () => (random() < 0.6 ? FULL_ACCESS : randomDocument(random, 0.3))))
      : null;
  return { identity, boundary, scpLevels };
}

const LEVEL_IDS = ['r-root', 'ou-prod', ACCOUNT_ID];

function toSnapshot(set: PolicySet): { snapshot: SnapshotInput; principal: RoleFacts } {
  const boundaryArn = `arn:aws:iam::${ACCOUNT_ID}:policy/boundary`;
  const principal: RoleFacts = {
    type: 'role',
    arn: PRINCIPAL_ARN,
    id: 'AROATEST',
    name: 'test',
    path: '/',
    accountId: ACCOUNT_ID,
    createDate: '2024-01-01T00:00:00Z',
    inlinePolicies: set.identity.map((document, index) => ({ name: `identity-${index}`, document })),
    attachedManagedPolicyArns: [],
    permissionsBoundaryArn: set.boundary ? boundaryArn : null,
    tags: {},
    trustPolicy: '{}',
    lastUsedDate: null,
    lastUsedRegion: null,
    permissionSetName: null,
    isServiceLinked: false,
  };
  const organization: OrganizationFacts | null = set.scpLevels
    ? {
        id: 'o-test',
        managementAccountId: '999999999999',
        accounts: [{ id: ACCOUNT_ID, name: 'Workload', ouPath: [{ id: 'r-root', name: 'Root' }, { id: 'ou-prod', name: 'Prod' }], environment: 'prod', ownerEmail: null, tags: {} }],
        policies: set.scpLevels.flatMap((level, levelIndex) =>
          level.map((document, index) => ({ id: `p-${levelIndex}-${index}`, name: `scp-${levelIndex}-${index}`, kind: 'scp' as const, document, targetIds: [LEVEL_IDS[levelIndex]] })),
        ),
      }
    : null;
  const snapshot: SnapshotInput = {
    capturedAt: '2025-01-01T00:00:00Z',
    organization,
    accounts: [
      {
        accountId: ACCOUNT_ID,
        users: [],
        groups: [],
        roles: [principal],
        managedPolicies: set.boundary ? [{ arn: boundaryArn, name: 'boundary', path: '/', isAwsManaged: false, defaultVersionId: 'v1', document: set.boundary }] : [],
      },
    ],
  };
  return { snapshot, principal };
}

function toSimulation(set: PolicySet, request: { action: string; resource: string }): Simulation {
  return {
    request: { principal: PRINCIPAL_ARN, action: request.action, resource: { resource: request.resource, accountId: ACCOUNT_ID }, contextVariables: {} },
    identityPolicies: set.identity.map((policy, index) => ({ name: `identity-${index}`, policy })),
    serviceControlPolicies: (set.scpLevels ?? []).map((level, levelIndex) => ({ orgIdentifier: LEVEL_IDS[levelIndex], policies: level.map((policy, index) => ({ name: `scp-${levelIndex}-${index}`, policy })) })),
    resourceControlPolicies: [],
    permissionBoundaryPolicies: set.boundary ? [{ name: 'boundary', policy: set.boundary }] : undefined,
  };
}

const ORACLE_DECISIONS: Record<string, 'allow' | 'deny' | 'implicit-deny'> = {
  Allowed: 'allow',
  ExplicitlyDenied: 'deny',
  ImplicitlyDenied: 'implicit-deny',
};

let catalogue: ActionCatalogue;
beforeAll(async () => {
  catalogue = await loadActionCatalogue();
});

describe('differential test against iam-simulate', () => {
  it(`agrees on ${POLICY_SET_COUNT} generated policy sets`, async () => {
    const random = createRandom(20_250_101);
    const disagreements: string[] = [];
    let compared = 0;
    const decisions: Record<string, number> = { allow: 0, deny: 0, 'implicit-deny': 0 };
    for (let run = 0; run < POLICY_SET_COUNT; run += 1) {
      const set = randomPolicySet(random);
      const { snapshot, principal } = toSnapshot(set);
      const evaluator = createEvaluator(catalogue, snapshot);
      const requests = [pick(random, REQUESTS), pick(random, REQUESTS)];
      for (const request of requests) {
        const response = await runSimulation(toSimulation(set, request), {});
        if (response.resultType === 'error') throw new Error(`oracle rejected the input: ${JSON.stringify(response.errors)}\n${JSON.stringify(set)}`);
        const expected = ORACLE_DECISIONS[response.overallResult];
        const actual = evaluator.isAllowed(principal, request.action, request.resource);
        compared += 1;
        decisions[expected] += 1;
        if (actual.decision !== expected) {
          disagreements.push(`${request.action} on ${request.resource}: oracle ${expected}, ours ${actual.decision} (${actual.reason})\n${JSON.stringify(set)}`);
        }
      }
    }
    // DIFF_DUMP=/path writes every disagreement with its policy set, for investigation.
    if (process.env.DIFF_DUMP) (await import("node:fs")).writeFileSync(process.env.DIFF_DUMP, disagreements.join("\n\n"));
    expect(disagreements.slice(0, 5)).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(2 * POLICY_SET_COUNT);
    // The generator must produce all three outcomes in useful numbers, or the test proves little.
    expect(Math.min(decisions.allow, decisions.deny, decisions['implicit-deny'])).toBeGreaterThan(200);
  });
});
