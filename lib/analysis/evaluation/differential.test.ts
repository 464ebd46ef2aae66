import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ActionCatalogue, loadActionCatalogue } from '../catalogue/load-catalogue';
import type { OrganizationFacts, RoleFacts, SnapshotInput } from '../types';
import { createEvaluator } from './evaluate-principal';
import { roleFacts } from '../test-support/principal-facts';
import { mulberry32 } from '../../random/mulberry32';

/**
 * Differential test against @cloud-copilot/iam-simulate (AGPL: imported by this test only).
 * Generated policy sets (seeded PRNG, reproducible) with Allow/Deny, Action/NotAction,
 * wildcards, Resource/NotResource, a permissions boundary and SCP levels are evaluated on
 * concrete requests without conditions; both engines must reach the same decision.
 */

const ACCOUNT_ID = '111122223333';
const POLICY_SET_COUNT = 2_000;
const CONDITIONED_SET_COUNT = 1_000;

const createRandom = mulberry32;

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

/**
 * Conditions on facts of the principal, as real policies write them (break-glass exceptions,
 * ABAC on principal tags, org paths, account pins). Every one is decidable from the snapshot
 * for the generated principals (roles whose trust policy does not allow sts:TagSession), so the
 * engine must answer unconditionally and agree with the oracle told the same facts.
 */
const PRINCIPAL_CONDITIONS: Array<[string, string, string | string[]]> = [
  ['ArnNotLike', 'aws:PrincipalARN', ['arn:aws:iam::*:role/emergency-*', 'arn:aws:iam::*:role/deploy/*']],
  ['ArnLike', 'aws:PrincipalArn', `arn:aws:iam::${ACCOUNT_ID}:role/ml-*`],
  ['ArnEquals', 'aws:PrincipalArn', `arn:aws:iam::${ACCOUNT_ID}:role/test`],
  ['StringEquals', 'aws:PrincipalTag/team', 'ml'],
  ['StringNotEquals', 'aws:PrincipalTag/team', ['ml', 'platform']],
  ['StringNotEqualsIfExists', 'aws:PrincipalTag/team', 'ml'],
  ['StringEqualsIgnoreCase', 'aws:principaltag/TEAM', 'ML'],
  ['StringLike', 'aws:PrincipalTag/env', 'prod*'],
  ['StringNotLike', 'aws:PrincipalTag/env', 'dev*'],
  ['Null', 'aws:PrincipalTag/owner', 'true'],
  ['Null', 'aws:PrincipalTag/owner', 'false'],
  ['NumericLessThan', 'aws:PrincipalTag/level', '3'],
  ['ForAnyValue:StringEquals', 'aws:PrincipalTag/team', ['ml', 'data']],
  ['ForAllValues:StringEquals', 'aws:PrincipalTag/team', 'ml'],
  ['ForAnyValue:StringLike', 'aws:PrincipalOrgPaths', 'o-test/r-root/ou-prod/*'],
  ['ForAllValues:StringNotLike', 'aws:PrincipalOrgPaths', 'o-test/r-root/ou-ml/*'],
  ['StringEquals', 'aws:PrincipalOrgID', 'o-test'],
  ['StringNotEquals', 'aws:PrincipalOrgID', 'o-test'],
  ['StringEquals', 'aws:PrincipalAccount', ACCOUNT_ID],
  ['StringNotEquals', 'aws:PrincipalAccount', '444455556666'],
  ['StringEquals', 'aws:PrincipalType', 'AssumedRole'],
  ['StringEquals', 'aws:PrincipalType', 'User'],
  ['Bool', 'aws:PrincipalIsAWSService', 'false'],
  ['StringLike', 'aws:username', '*'],
  ['StringNotLikeIfExists', 'aws:username', 'admin-*'],
];

function randomStatement(random: () => number, denyShare: number, withConditions: boolean): Statement {
  const statement: Statement = { Effect: random() < denyShare ? 'Deny' : 'Allow' };
  statement[random() < 0.2 ? 'NotAction' : 'Action'] = pickSome(random, ACTION_PATTERNS);
  if (random() < 0.2) statement.NotResource = pickSome(random, NOT_RESOURCE_PATTERNS);
  else statement.Resource = pickSome(random, RESOURCE_PATTERNS);
  if (withConditions && random() < 0.6) {
    const condition: Record<string, Record<string, string | string[]>> = {};
    for (let count = 1 + Math.floor(random() * 2); count > 0; count -= 1) {
      const [operator, key, values] = pick(random, PRINCIPAL_CONDITIONS);
      condition[operator] = { ...condition[operator], [key]: values };
    }
    statement.Condition = condition;
  }
  return statement;
}

function randomDocument(random: () => number, denyShare: number, withConditions = false): Document {
  const count = 1 + Math.floor(random() * 3);
  return { Version: '2012-10-17', Statement: Array.from({ length: count }, () => randomStatement(random, denyShare, withConditions)) };
}

const FULL_ACCESS: Document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

interface PolicySet {
  identity: Document[];
  boundary: Document | null;
  /** Root, OU, account; each level a list of SCPs. Null: no organisation. */
  scpLevels: Document[][] | null;
}

function randomPolicySet(random: () => number, withConditions = false): PolicySet {
  const identity = Array.from({ length: 1 + Math.floor(random() * 3) }, () => randomDocument(random, 0.25, withConditions));
  const boundary = random() < 0.35 ? randomDocument(random, 0.15, withConditions) : null;
  const scpLevels =
    random() < 0.45
      ? Array.from({ length: 3 }, () => Array.from({ length: 1 + Math.floor(random() * 2) }, () => (random() < 0.6 ? FULL_ACCESS : randomDocument(random, 0.3, withConditions))))
      : null;
  return { identity, boundary, scpLevels };
}

/** The principal's own facts, varied per policy set in the principal-fact run. */
interface PrincipalVariant {
  name: string;
  path: string;
  tags: Record<string, string>;
  ouId: string;
}

const DEFAULT_VARIANT: PrincipalVariant = { name: 'test', path: '/', tags: {}, ouId: 'ou-prod' };

function randomVariant(random: () => number): PrincipalVariant {
  const tags: Record<string, string> = {};
  if (random() < 0.6) tags.team = pick(random, ['ml', 'data', 'platform']);
  if (random() < 0.5) tags.env = pick(random, ['prod', 'production', 'dev']);
  if (random() < 0.4) tags.owner = 'ml-lead@example.com';
  if (random() < 0.4) tags.level = pick(random, ['1', '5']);
  const [name, path] = pick(random, [
    ['test', '/'],
    ['emergency-admin', '/'],
    ['ml-pipeline', '/'],
    ['terraform', '/deploy/'],
  ] as const);
  return { name, path, tags, ouId: pick(random, ['ou-prod', 'ou-ml']) };
}

function levelIds(variant: PrincipalVariant): string[] {
  return ['r-root', variant.ouId, ACCOUNT_ID];
}

/** The role may be assumed by the account's principals; it accepts no session tags, so its own tags decide aws:PrincipalTag. */
const TRUST_WITHOUT_SESSION_TAGS = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:root` }, Action: 'sts:AssumeRole' }] };

function principalArn(variant: PrincipalVariant): string {
  return `arn:aws:iam::${ACCOUNT_ID}:role${variant.path}${variant.name}`;
}

function toSnapshot(set: PolicySet, variant: PrincipalVariant = DEFAULT_VARIANT): { snapshot: SnapshotInput; principal: RoleFacts } {
  const boundaryArn = `arn:aws:iam::${ACCOUNT_ID}:policy/boundary`;
  const LEVEL_IDS = levelIds(variant);
  const principal = roleFacts(variant.name, {
    arn: principalArn(variant),
    id: 'AROATEST',
    path: variant.path,
    accountId: ACCOUNT_ID,
    inlinePolicies: set.identity.map((document, index) => ({ name: `identity-${index}`, document })),
    permissionsBoundaryArn: set.boundary ? boundaryArn : null,
    tags: variant.tags,
    trustPolicy: TRUST_WITHOUT_SESSION_TAGS,
  });
  const organization: OrganizationFacts | null = set.scpLevels
    ? {
        id: 'o-test',
        managementAccountId: '999999999999',
        accounts: [{ id: ACCOUNT_ID, name: 'Workload', ouPath: [{ id: 'r-root', name: 'Root' }, { id: variant.ouId, name: variant.ouId }], environment: 'prod', ownerEmail: null, tags: {} }],
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

/** What AWS puts in the request context about the calling role (the oracle knows nothing else). */
function principalContext(set: PolicySet, variant: PrincipalVariant): Record<string, string | string[]> {
  const context: Record<string, string | string[]> = {
    'aws:PrincipalArn': principalArn(variant),
    'aws:PrincipalAccount': ACCOUNT_ID,
    'aws:PrincipalType': 'AssumedRole',
    'aws:PrincipalIsAWSService': 'false',
  };
  for (const [key, value] of Object.entries(variant.tags)) context[`aws:PrincipalTag/${key}`] = value;
  if (set.scpLevels) {
    context['aws:PrincipalOrgID'] = 'o-test';
    context['aws:PrincipalOrgPaths'] = [`o-test/r-root/${variant.ouId}/`];
  }
  return context;
}

function toSimulation(set: PolicySet, request: { action: string; resource: string }, variant: PrincipalVariant = DEFAULT_VARIANT): Simulation {
  const LEVEL_IDS = levelIds(variant);
  return {
    request: { principal: principalArn(variant), action: request.action, resource: { resource: request.resource, accountId: ACCOUNT_ID }, contextVariables: variant === DEFAULT_VARIANT ? {} : principalContext(set, variant) },
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

  it(`agrees on ${CONDITIONED_SET_COUNT} policy sets with conditions on the principal's facts, deciding each`, async () => {
    const random = createRandom(20_261_207);
    const disagreements: string[] = [];
    let compared = 0;
    let withFactConditions = 0;
    const decisions: Record<string, number> = { allow: 0, deny: 0, 'implicit-deny': 0 };
    for (let run = 0; run < CONDITIONED_SET_COUNT; run += 1) {
      const set = randomPolicySet(random, true);
      // Always an organisation: without organisation data aws:PrincipalOrgID is unknowable to us
      // (kept conditional) while the oracle, told nothing, reads it as absent.
      set.scpLevels ??= [[FULL_ACCESS], [FULL_ACCESS], [FULL_ACCESS]];
      const variant = randomVariant(random);
      const { snapshot, principal } = toSnapshot(set, variant);
      const evaluator = createEvaluator(catalogue, snapshot);
      const hasConditions = JSON.stringify(set).includes('"Condition"');
      for (const request of [pick(random, REQUESTS), pick(random, REQUESTS)]) {
        const response = await runSimulation(toSimulation(set, request, variant), {});
        if (response.resultType === 'error') throw new Error(`oracle rejected the input: ${JSON.stringify(response.errors)}\n${JSON.stringify(set)}`);
        const expected = ORACLE_DECISIONS[response.overallResult];
        const actual = evaluator.isAllowed(principal, request.action, request.resource);
        compared += 1;
        if (hasConditions) withFactConditions += 1;
        decisions[expected] += 1;
        // Every condition is on a decidable fact: an answer left conditional is a failure too.
        if (actual.decision !== expected || actual.isConditional) {
          disagreements.push(`${request.action} on ${request.resource} as ${JSON.stringify(variant)}: oracle ${expected}, ours ${actual.decision}${actual.isConditional ? ' (conditional)' : ''} (${actual.reason})\n${JSON.stringify(set)}`);
        }
      }
    }
    if (process.env.DIFF_DUMP) (await import('node:fs')).writeFileSync(process.env.DIFF_DUMP, disagreements.join('\n\n'));
    expect(disagreements.slice(0, 5)).toEqual([]);
    expect(withFactConditions).toBeGreaterThan(compared / 2);
    expect(Math.min(decisions.allow, decisions.deny, decisions['implicit-deny'])).toBeGreaterThan(100);
  });
});
