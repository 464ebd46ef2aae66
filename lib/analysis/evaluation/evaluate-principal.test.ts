import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ActionCatalogue, loadActionCatalogue } from '../catalogue/load-catalogue';
import type { ManagedPolicyFacts, OrganizationFacts, RoleFacts, SnapshotInput, UserFacts } from '../types';
import { createEvaluator } from './evaluate-principal';

const ACCOUNT_ID = '111122223333';
let catalogue: ActionCatalogue;
beforeAll(async () => {
  catalogue = await loadActionCatalogue();
});

function awsManaged(name: string): ManagedPolicyFacts {
  const file = path.join(__dirname, '..', '..', '..', 'demo', 'aws-managed-policies', `${name}.json`);
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { PolicyVersion: { Document: Record<string, unknown>; VersionId: string } };
  return { arn: `arn:aws:iam::aws:policy/${name}`, name, path: '/', isAwsManaged: true, defaultVersionId: raw.PolicyVersion.VersionId, document: raw.PolicyVersion.Document };
}

function role(name: string, overrides: Partial<RoleFacts> = {}): RoleFacts {
  return {
    type: 'role',
    arn: `arn:aws:iam::${ACCOUNT_ID}:role/${name}`,
    id: `AROA${name}`,
    name,
    path: '/',
    accountId: ACCOUNT_ID,
    createDate: '2024-01-01T00:00:00Z',
    inlinePolicies: [],
    attachedManagedPolicyArns: [],
    permissionsBoundaryArn: null,
    tags: {},
    trustPolicy: '{}',
    lastUsedDate: null,
    lastUsedRegion: null,
    permissionSetName: null,
    isServiceLinked: false,
    ...overrides,
  };
}

function snapshotOf(roles: RoleFacts[], managedPolicies: ManagedPolicyFacts[], extra: { users?: UserFacts[]; organization?: OrganizationFacts | null } = {}): SnapshotInput {
  return {
    capturedAt: '2025-01-01T00:00:00Z',
    organization: extra.organization ?? null,
    accounts: [
      {
        accountId: ACCOUNT_ID,
        users: extra.users ?? [],
        roles,
        managedPolicies,
        groups: [{ arn: `arn:aws:iam::${ACCOUNT_ID}:group/ml`, id: 'AGPA1', name: 'ml', path: '/', inlinePolicies: [{ name: 'ml-invoke', document: { Statement: [{ Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: '*' }] } }], attachedManagedPolicyArns: [] }],
      },
    ],
  };
}

describe('evaluatePrincipal', () => {
  it('grants every Bedrock action through AdministratorAccess, and the supporting actions apart', () => {
    const admin = awsManaged('AdministratorAccess');
    const principal = role('admin', { attachedManagedPolicyArns: [admin.arn] });
    const access = createEvaluator(catalogue, snapshotOf([principal], [admin])).evaluatePrincipal(principal);
    expect(access.grants).toHaveLength(catalogue.bedrockActionCount);
    expect(access.supportingGrants.map((grant) => grant.action).sort()).toEqual(catalogue.actions.filter((action) => !action.isBedrock).map((action) => action.name).sort());
    expect(access.grants[0].path).toMatchObject({ policyKind: 'managed', policyArn: admin.arn, policyName: 'AdministratorAccess', isAwsManaged: true, attachedVia: 'direct', statementIndex: 0 });
    expect(access.errors).toEqual([]);
  });

  it('gives one grant per (action, statement, path) with the grant path of a group', () => {
    const user: UserFacts = {
      ...role('u'),
      type: 'user',
      arn: `arn:aws:iam::${ACCOUNT_ID}:user/u`,
      groupNames: ['ml'],
      credentials: null,
      inlinePolicies: [{ name: 'direct', document: { Statement: [{ Sid: 'A', Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: 'arn:aws:bedrock:*::foundation-model/anthropic.*' }] } }],
    } as UserFacts;
    const access = createEvaluator(catalogue, snapshotOf([], [], { users: [user] })).evaluatePrincipal(user);
    const invokes = access.grants.filter((grant) => grant.action === 'bedrock:InvokeModel');
    expect(invokes).toHaveLength(2);
    expect(invokes.map((grant) => [grant.path.attachedVia, grant.path.groupName, grant.path.statementId, grant.resources])).toEqual([
      ['direct', null, 'A', ['arn:aws:bedrock:*::foundation-model/anthropic.*']],
      ['group', 'ml', null, ['*']],
    ]);
    expect(invokes[0].tier).toBe('invoke');
  });

  it('reports denied actions with what blocked them', () => {
    const full = awsManaged('AmazonBedrockFullAccess');
    const readOnly = awsManaged('AmazonBedrockReadOnly');
    const principal = role('bounded', {
      attachedManagedPolicyArns: [full.arn],
      permissionsBoundaryArn: readOnly.arn,
      inlinePolicies: [{ name: 'no-logging', document: { Statement: [{ Sid: 'NoLogging', Effect: 'Deny', Action: 'bedrock:*Logging*', Resource: '*' }] } }],
    });
    const access = createEvaluator(catalogue, snapshotOf([principal], [full, readOnly])).evaluatePrincipal(principal);
    expect(access.grants.every((grant) => grant.tier === 'read')).toBe(true);
    const logging = access.denied.find((denied) => denied.action === 'bedrock:PutModelInvocationLoggingConfiguration');
    expect(logging?.deniedBy).toMatchObject({ source: 'identity', kind: 'explicit', policyName: 'no-logging', statementId: 'NoLogging' });
    const invoke = access.denied.find((denied) => denied.action === 'bedrock:InvokeModel');
    expect(invoke?.deniedBy).toMatchObject({ source: 'boundary', kind: 'implicit', policyName: 'AmazonBedrockReadOnly' });
  });

  it('reports the SCP level that does not allow an action', () => {
    const full = awsManaged('AmazonBedrockFullAccess');
    const principal = role('scoped', { attachedManagedPolicyArns: [full.arn] });
    const organization: OrganizationFacts = {
      id: 'o-1',
      managementAccountId: '999999999999',
      accounts: [{ id: ACCOUNT_ID, name: 'Workload', ouPath: [{ id: 'r-1', name: 'Root' }], environment: 'prod', ownerEmail: null, tags: {} }],
      policies: [
        { id: 'p-full', name: 'FullAWSAccess', kind: 'scp', document: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, targetIds: ['r-1'] },
        { id: 'p-inv', name: 'InvokeOnly', kind: 'scp', document: { Statement: [{ Effect: 'Allow', Action: 'bedrock:Invoke*', Resource: '*' }] }, targetIds: [ACCOUNT_ID] },
        { id: 'p-rcp', name: 'SomeRcp', kind: 'rcp', document: { Statement: [{ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' }] }, targetIds: ['r-1'] },
      ],
    };
    const access = createEvaluator(catalogue, snapshotOf([principal], [full], { organization })).evaluatePrincipal(principal);
    expect(access.grants.every((grant) => grant.action.startsWith('bedrock:Invoke'))).toBe(true);
    expect(access.grants.length).toBeGreaterThan(0);
    expect(access.denied.find((denied) => denied.action === 'bedrock:GetFoundationModel')?.deniedBy).toMatchObject({ source: 'scp', kind: 'implicit', policyName: 'SCPs attached to Workload (111122223333)' });
  });

  it('evaluates without a broken or missing policy and records why', () => {
    const principal = role('broken', {
      inlinePolicies: [
        { name: 'broken', document: '%7B%22Statement%22' },
        { name: 'ok', document: { Statement: [{ Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: '*' }] } },
      ],
      attachedManagedPolicyArns: ['arn:aws:iam::111122223333:policy/gone'],
    });
    const access = createEvaluator(catalogue, snapshotOf([principal], [])).evaluatePrincipal(principal);
    expect(access.grants.map((grant) => grant.action)).toEqual(['bedrock:InvokeModel']);
    expect(access.errors.join('\n')).toMatch(/inline policy broken: policy document is not valid JSON/);
    expect(access.errors.join('\n')).toMatch(/managed policy arn:aws:iam::111122223333:policy\/gone is not in the snapshot/);
  });

  it('shares one result between principals reached by the same policies', () => {
    const admin = awsManaged('AdministratorAccess');
    const first = role('a', { attachedManagedPolicyArns: [admin.arn] });
    const second = role('b', { attachedManagedPolicyArns: [admin.arn] });
    const evaluator = createEvaluator(catalogue, snapshotOf([first, second], [admin]));
    expect(evaluator.evaluatePrincipal(first)).toBe(evaluator.evaluatePrincipal(second));
    expect(evaluator.compiledPolicyCount()).toBe(1);
  });

  it('narrows regions and keeps conditions on the grant', () => {
    const principal = role('regional', {
      inlinePolicies: [
        {
          name: 'eu-invoke',
          document: { Statement: [{ Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'], 'bedrock:GuardrailIdentifier': 'g1' } } }] },
        },
      ],
    });
    const [grant] = createEvaluator(catalogue, snapshotOf([principal], [])).evaluatePrincipal(principal).grants;
    expect(grant).toMatchObject({ action: 'bedrock:InvokeModel', regions: ['eu-central-1', 'eu-west-1'], isConditional: true, requiresGuardrail: true });
    expect(grant.conditions.map((condition) => [condition.source, condition.key])).toEqual([
      ['allow', 'aws:RequestedRegion'],
      ['allow', 'bedrock:GuardrailIdentifier'],
    ]);
  });
});
