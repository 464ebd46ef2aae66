/**
 * Micro-benchmark of principal evaluation: `npx tsx bench/evaluation-perf-check.ts [principals] [unique-inline-share]`.
 *
 * Builds a synthetic snapshot (default 10,000 principals over 20 accounts in a 3-level
 * organisation) with shared managed policies (AdministratorAccess, PowerUserAccess,
 * AmazonBedrockFullAccess, AmazonBedrockReadOnly and a few customer policies), permissions
 * boundaries on some roles, and a share of principals with their own inline policy (which
 * defeats result sharing, so the raw evaluation speed shows too). Prints timings.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadActionCatalogue } from '../lib/analysis/catalogue/load-catalogue';
import type { AccountSnapshot, ManagedPolicyFacts, OrganizationFacts, RoleFacts, SnapshotInput } from '../lib/analysis/types';
import { createEvaluator } from '../lib/analysis/evaluation/evaluate-principal';

const PRINCIPAL_COUNT = Number(process.argv[2] ?? 10_000);
const UNIQUE_INLINE_SHARE = Number(process.argv[3] ?? 0.3);
const ACCOUNT_COUNT = 20;
const AWS_POLICIES = ['AdministratorAccess', 'PowerUserAccess', 'AmazonBedrockFullAccess', 'AmazonBedrockReadOnly', 'AmazonBedrockLimitedAccess'];

function readAwsManaged(name: string): ManagedPolicyFacts {
  const file = path.join(process.cwd(), 'demo', 'aws-managed-policies', `${name}.json`);
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { PolicyVersion: { Document: Record<string, unknown>; VersionId: string } };
  return { arn: `arn:aws:iam::aws:policy/${name}`, name, path: '/', isAwsManaged: true, defaultVersionId: raw.PolicyVersion.VersionId, document: raw.PolicyVersion.Document };
}

function customerPolicies(accountId: string): ManagedPolicyFacts[] {
  const policy = (name: string, statements: unknown[]): ManagedPolicyFacts => ({
    arn: `arn:aws:iam::${accountId}:policy/${name}`,
    name,
    path: '/',
    isAwsManaged: false,
    defaultVersionId: 'v3',
    document: encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: statements })),
  });
  return [
    policy('InvokeClaude', [{ Effect: 'Allow', Action: ['bedrock:InvokeModel*'], Resource: ['arn:aws:bedrock:*::foundation-model/anthropic.*', `arn:aws:bedrock:*:${accountId}:inference-profile/*`], Condition: { StringEquals: { 'aws:RequestedRegion': ['us-east-1', 'us-west-2'] } } }]),
    policy('AgentBuilders', [{ Effect: 'Allow', Action: ['bedrock:*Agent*', 'bedrock:*KnowledgeBase*', 'bedrock:Retrieve*'], Resource: '*' }, { Effect: 'Deny', Action: 'bedrock:*Customization*', Resource: '*' }]),
    policy('Boundary', [{ Effect: 'Allow', NotAction: ['iam:*', 'bedrock:*Logging*'], Resource: '*' }]),
  ];
}

function buildSnapshot(): SnapshotInput {
  const accountIds = Array.from({ length: ACCOUNT_COUNT }, (_, index) => String(100000000000 + index));
  const awsManaged = AWS_POLICIES.map(readAwsManaged);
  const fullAccess = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
  const organization: OrganizationFacts = {
    id: 'o-bench',
    managementAccountId: accountIds[0],
    accounts: accountIds.map((id, index) => ({ id, name: `acct-${index}`, ouPath: [{ id: 'r-root', name: 'Root' }, { id: index % 2 ? 'ou-prod' : 'ou-dev', name: index % 2 ? 'Prod' : 'Dev' }], environment: index % 2 ? 'prod' : 'nonprod', ownerEmail: null, tags: {} })),
    policies: [
      { id: 'p-full', name: 'FullAWSAccess', kind: 'scp', document: fullAccess, targetIds: ['r-root', 'ou-prod', 'ou-dev', ...accountIds] },
      { id: 'p-region', name: 'RegionLock', kind: 'scp', document: { Statement: [{ Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } } }] }, targetIds: ['ou-prod'] },
      { id: 'p-nocustom', name: 'NoCustomization', kind: 'scp', document: { Statement: [{ Effect: 'Deny', Action: ['bedrock:CreateModelCustomizationJob', 'bedrock:CreateModelImportJob'], Resource: '*' }] }, targetIds: ['ou-dev'] },
    ],
  };
  const perAccount = Math.ceil(PRINCIPAL_COUNT / ACCOUNT_COUNT);
  let created = 0;
  const accounts: AccountSnapshot[] = accountIds.map((accountId) => {
    const customer = customerPolicies(accountId);
    const managedPool = [...awsManaged, customer[0], customer[1]];
    const roles: RoleFacts[] = [];
    for (let index = 0; index < perAccount && created < PRINCIPAL_COUNT; index += 1, created += 1) {
      const attached = [managedPool[index % managedPool.length].arn, managedPool[(index * 7 + 3) % managedPool.length].arn];
      const isUnique = (index % 100) / 100 < UNIQUE_INLINE_SHARE;
      roles.push({
        type: 'role',
        arn: `arn:aws:iam::${accountId}:role/role-${index}`,
        id: `AROA${accountId}${index}`,
        name: `role-${index}`,
        path: '/',
        accountId,
        createDate: '2024-01-01T00:00:00Z',
        inlinePolicies: isUnique ? [{ name: 'own', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['bedrock:Get*', 'bedrock:InvokeModel'], Resource: `arn:aws:bedrock:*::foundation-model/model-${index}-*` }] } }] : [],
        attachedManagedPolicyArns: [...new Set(attached)],
        permissionsBoundaryArn: index % 5 === 0 ? customer[2].arn : null,
        tags: {},
        trustPolicy: '{}',
        lastUsedDate: null,
        lastUsedRegion: null,
        permissionSetName: null,
        isServiceLinked: false,
      });
    }
    return { accountId, users: [], groups: [], roles, managedPolicies: [...awsManaged, ...customer] };
  });
  return { capturedAt: '2025-01-01T00:00:00Z', organization, accounts };
}

async function main(): Promise<void> {
  let started = performance.now();
  const catalogue = await loadActionCatalogue();
  const catalogueMs = performance.now() - started;
  const snapshot = buildSnapshot();
  started = performance.now();
  const evaluator = createEvaluator(catalogue, snapshot);
  let grantCount = 0;
  let principalCount = 0;
  for (const account of snapshot.accounts) {
    for (const role of account.roles) {
      grantCount += evaluator.evaluatePrincipal(role).grants.length;
      principalCount += 1;
    }
  }
  const evaluationMs = performance.now() - started;
  console.log(`catalogue: ${catalogue.actions.length} actions loaded in ${catalogueMs.toFixed(0)} ms`);
  console.log(`evaluated ${principalCount} principals (${(UNIQUE_INLINE_SHARE * 100).toFixed(0)}% with their own inline policy) in ${evaluationMs.toFixed(0)} ms: ${grantCount} grants, ${evaluator.compiledPolicyCount()} distinct policies compiled`);
  console.log(`per principal: ${((evaluationMs * 1000) / principalCount).toFixed(1)} µs`);
}

void main();
