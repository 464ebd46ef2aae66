import { beforeAll, describe, expect, it } from 'vitest';
import { type ActionCatalogue, loadActionCatalogue } from '../catalogue/load-catalogue';
import type { ManagedPolicyFacts, OrganizationFacts, RoleFacts, SnapshotInput, UserFacts } from '../types';
import { createEvaluator } from './evaluate-principal';
import { rebaseLinkOf } from './rebase-access';
import { awsManagedPolicy, roleFacts } from '../test-support/principal-facts';

const ACCOUNT_ID = '111122223333';
let catalogue: ActionCatalogue;
beforeAll(async () => {
  catalogue = await loadActionCatalogue();
});

const awsManaged = awsManagedPolicy;

function role(name: string, overrides: Partial<RoleFacts> = {}): RoleFacts {
  return roleFacts(name, { accountId: ACCOUNT_ID, ...overrides });
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

  it('shares one result across accounts with the same SCPs, but never a denial naming another account', () => {
    const full = awsManaged('AmazonBedrockFullAccess');
    const accountIds = ['111111111111', '222222222222', '333333333333'];
    const roles = accountIds.map((accountId) => role('shared', { accountId, arn: `arn:aws:iam::${accountId}:role/shared`, attachedManagedPolicyArns: [full.arn] }));
    const organization: OrganizationFacts = {
      id: 'o-1',
      managementAccountId: '999999999999',
      accounts: accountIds.map((id, index) => ({ id, name: `Workload ${index}`, ouPath: [{ id: 'r-1', name: 'Root' }], environment: 'prod', ownerEmail: null, tags: {} })),
      policies: [
        { id: 'p-full', name: 'FullAWSAccess', kind: 'scp', document: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, targetIds: ['r-1', '111111111111', '222222222222'] },
        { id: 'p-inv', name: 'InvokeOnly', kind: 'scp', document: { Statement: [{ Effect: 'Allow', Action: 'bedrock:Invoke*', Resource: '*' }] }, targetIds: ['r-1', '333333333333'] },
      ],
    };
    const snapshot: SnapshotInput = {
      capturedAt: '2025-01-01T00:00:00Z',
      organization,
      accounts: roles.map((principal) => ({ accountId: principal.accountId, users: [], roles: [principal], managedPolicies: [full], groups: [] })),
    };
    const evaluator = createEvaluator(catalogue, snapshot);
    const [first, second, third] = roles.map((principal) => evaluator.evaluatePrincipal(principal));
    // Same policies, same SCPs: one computed result.
    expect(second).toBe(first);
    expect(first.denied).toEqual([]);
    // The third account's own SCP level blocks most actions: its denials name that account.
    expect(third).not.toBe(first);
    expect(third.denied.find((denied) => denied.action === 'bedrock:GetFoundationModel')?.deniedBy.policyName).toBe('SCPs attached to Workload 2 (333333333333)');

    // Two accounts whose own level blocks the same way: each denial names its own account.
    const blocked = { ...organization, policies: organization.policies.map((policy) => ({ ...policy, targetIds: policy.id === 'p-inv' ? ['r-1', ...accountIds] : ['r-1'] })) };
    const blockedEvaluator = createEvaluator(catalogue, { ...snapshot, organization: blocked });
    const names = roles.map((principal) => blockedEvaluator.evaluatePrincipal(principal).denied.find((denied) => denied.action === 'bedrock:GetFoundationModel')?.deniedBy.policyName);
    expect(names).toEqual(['SCPs attached to Workload 0 (111111111111)', 'SCPs attached to Workload 1 (222222222222)', 'SCPs attached to Workload 2 (333333333333)']);
  });

  it('reuses the access of the same customer managed policy deployed to two accounts, with each account\'s own policy ARN', () => {
    const accountIds = ['111111111111', '222222222222'];
    const document = { Version: '2012-10-17', Statement: [{ Sid: 'Invoke', Effect: 'Allow', Action: 'bedrock:InvokeModel*', Resource: '*' }, { Effect: 'Deny', Action: 'bedrock:InvokeModelWithResponseStream', Resource: '*' }] };
    const policyOf = (accountId: string): ManagedPolicyFacts => ({ arn: `arn:aws:iam::${accountId}:policy/team/bedrock-invoke`, name: 'bedrock-invoke', path: '/team/', isAwsManaged: false, defaultVersionId: 'v1', document });
    const snapshot: SnapshotInput = {
      capturedAt: '2025-01-01T00:00:00Z',
      organization: null,
      accounts: accountIds.map((accountId) => ({
        accountId,
        users: [],
        roles: [role('app', { accountId, arn: `arn:aws:iam::${accountId}:role/app`, attachedManagedPolicyArns: [policyOf(accountId).arn] })],
        managedPolicies: [policyOf(accountId)],
        groups: [],
      })),
    };
    const evaluator = createEvaluator(catalogue, snapshot);
    const [first, second] = snapshot.accounts.map((account) => evaluator.evaluatePrincipal(account.roles[0]));
    for (const [access, accountId] of [[first, accountIds[0]], [second, accountIds[1]]] as const) {
      expect(access.grants.map((grant) => grant.action)).toEqual(['bedrock:InvokeModel']);
      expect(access.grants[0].path.policyArn).toBe(`arn:aws:iam::${accountId}:policy/team/bedrock-invoke`);
      expect(access.denied.find((denied) => denied.action === 'bedrock:InvokeModelWithResponseStream')?.deniedBy.policyArn).toBe(`arn:aws:iam::${accountId}:policy/team/bedrock-invoke`);
    }
    // The rebased copy shares everything that does not name the account.
    expect(second.grants[0].resources).toBe(first.grants[0].resources);
  });

  describe('policies that differ between accounts only by the account id', () => {
    const [A, B, C] = ['111111111111', '222222222222', '333333333333'];
    // Deployed to every account from one template: the account id is in resources, a condition and a Sid.
    const templated = (accountId: string) => ({
      Version: '2012-10-17',
      Statement: [
        { Sid: `Agents${accountId}`, Effect: 'Allow', Action: 'bedrock:InvokeAgent', Resource: `arn:aws:bedrock:*:${accountId}:agent-alias/*` },
        {
          Effect: 'Allow',
          Action: 'bedrock:InvokeModel',
          Resource: '*',
          Condition: { StringEquals: { 'bedrock:GuardrailIdentifier': `arn:aws:bedrock:us-east-1:${accountId}:guardrail/standard` } },
        },
        // A longer number that merely starts with the id is not the id: it stays as written.
        { Effect: 'Allow', Action: 'bedrock:GetAgent', Resource: 'arn:aws:bedrock:*:*:agent/1111111111119' },
      ],
    });
    const snapshotFor = (accountIds: string[], extraInline: (accountId: string) => RoleFacts['inlinePolicies'] = () => [], organization: OrganizationFacts | null = null): SnapshotInput => ({
      capturedAt: '2025-01-01T00:00:00Z',
      organization,
      accounts: accountIds.map((accountId) => ({
        accountId,
        users: [],
        roles: [role('app', { accountId, arn: `arn:aws:iam::${accountId}:role/app`, inlinePolicies: [{ name: 'bedrock', document: templated(accountId) }, ...extraInline(accountId)] })],
        managedPolicies: [],
        groups: [],
      })),
    });
    const grantOf = (access: ReturnType<ReturnType<typeof createEvaluator>['evaluatePrincipal']>, action: string) => access.grants.find((grant) => grant.action === action);

    it('computes once and renames the result: each account sees its own resources, condition values and Sid', () => {
      const snapshot = snapshotFor([A, B]);
      const evaluator = createEvaluator(catalogue, snapshot);
      const [first, second] = snapshot.accounts.map((account) => evaluator.evaluatePrincipal(account.roles[0]));
      for (const [access, accountId] of [[first, A], [second, B]] as const) {
        expect(grantOf(access, 'bedrock:InvokeAgent')?.resources).toEqual([`arn:aws:bedrock:*:${accountId}:agent-alias/*`]);
        expect(grantOf(access, 'bedrock:InvokeAgent')?.path.statementId).toBe(`Agents${accountId}`);
        expect(grantOf(access, 'bedrock:InvokeModel')?.conditions[0].values).toEqual([`arn:aws:bedrock:us-east-1:${accountId}:guardrail/standard`]);
        expect(grantOf(access, 'bedrock:GetAgent')?.resources).toEqual(['arn:aws:bedrock:*:*:agent/1111111111119']);
      }
      expect(rebaseLinkOf(second)?.source).toBe(first);
      // Equal to evaluating the second account on its own.
      const alone = createEvaluator(catalogue, snapshotFor([B])).evaluatePrincipal(snapshotFor([B]).accounts[0].roles[0]);
      expect(second).toEqual(alone);
    });

    it('does not rename when a wildcard next to a digit could tell the accounts apart', () => {
      // `arn:aws:bedrock:*:1*` covers account 111111111111's agent aliases and not 222222222222's.
      const denyOnes = () => [{ name: 'deny-ones', document: { Statement: [{ Effect: 'Deny', Action: 'bedrock:InvokeAgent', Resource: 'arn:aws:bedrock:*:1*' }] } }];
      const snapshot = snapshotFor([A, B], denyOnes);
      const evaluator = createEvaluator(catalogue, snapshot);
      const [first, second] = snapshot.accounts.map((account) => evaluator.evaluatePrincipal(account.roles[0]));
      expect(grantOf(first, 'bedrock:InvokeAgent')).toBeUndefined();
      expect(grantOf(second, 'bedrock:InvokeAgent')?.resources).toEqual([`arn:aws:bedrock:*:${B}:agent-alias/*`]);
    });

    it('does not rename into an account that an SCP names', () => {
      const organization: OrganizationFacts = {
        id: 'o-1',
        managementAccountId: '999999999999',
        accounts: [A, B, C].map((id) => ({ id, name: `Workload ${id}`, ouPath: [{ id: 'r-1', name: 'Root' }], environment: 'prod', ownerEmail: null, tags: {} })),
        policies: [
          { id: 'p-full', name: 'FullAWSAccess', kind: 'scp', document: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, targetIds: ['r-1', A, B, C] },
          { id: 'p-deny', name: 'NoAgentsInB', kind: 'scp', document: { Statement: [{ Effect: 'Deny', Action: 'bedrock:InvokeAgent', Resource: `arn:aws:bedrock:*:${B}:*` }] }, targetIds: ['r-1'] },
        ],
      };
      const snapshot = snapshotFor([A, B, C], () => [], organization);
      const evaluator = createEvaluator(catalogue, snapshot);
      const [first, second, third] = snapshot.accounts.map((account) => evaluator.evaluatePrincipal(account.roles[0]));
      expect(grantOf(first, 'bedrock:InvokeAgent')?.resources).toEqual([`arn:aws:bedrock:*:${A}:agent-alias/*`]);
      expect(grantOf(second, 'bedrock:InvokeAgent')).toBeUndefined();
      expect(second.denied.find((denied) => denied.action === 'bedrock:InvokeAgent')?.deniedBy).toMatchObject({ source: 'scp', kind: 'explicit', policyName: 'NoAgentsInB' });
      // An SCP naming another account does not stop renaming between the rest.
      expect(grantOf(third, 'bedrock:InvokeAgent')?.resources).toEqual([`arn:aws:bedrock:*:${C}:agent-alias/*`]);
    });
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
