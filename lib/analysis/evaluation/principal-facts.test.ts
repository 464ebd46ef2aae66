import { beforeAll, describe, expect, it } from 'vitest';
import { type ActionCatalogue, loadActionCatalogue } from '../catalogue/load-catalogue';
import type { ParsedCondition } from '../policy/parse-policy';
import type { OrganizationFacts, PolicyDocumentSource, PrincipalFacts, RoleFacts, SnapshotInput, UserFacts } from '../types';
import { createEvaluator } from './evaluate-principal';
import { createPrincipalContext, decideCondition, describeDecidedCondition, type KeyFact, trustAllowsSessionTags } from './principal-facts';

const known = (...values: string[]): KeyFact => ({ kind: 'known', values, isMultivalued: false });
const absent: KeyFact = { kind: 'known', values: null, isMultivalued: false };
const multivalued = (...values: string[]): KeyFact => ({ kind: 'known', values, isMultivalued: true });
const condition = (operator: string, values: string[], key = 'aws:PrincipalTag/team'): ParsedCondition => ({ operator, key, values });

/** Operators as the IAM JSON policy reference defines them ("Condition operators", "multivalued context keys"). */
const OPERATOR_CASES: Array<[string, string[], KeyFact, 'true' | 'false' | 'unknown']> = [
  ['StringEquals', ['ml'], known('ml'), 'true'],
  ['StringEquals', ['ml'], known('ML'), 'false'],
  ['StringEquals', ['ml'], absent, 'false'],
  ['StringNotEquals', ['ml'], known('data'), 'true'],
  ['StringNotEquals', ['ml'], known('ml'), 'false'],
  ['StringNotEquals', ['ml'], absent, 'true'],
  ['StringEqualsIgnoreCase', ['ml'], known('ML'), 'true'],
  ['StringNotEqualsIgnoreCase', ['ml'], known('Ml'), 'false'],
  ['StringLike', ['m?'], known('ml'), 'true'],
  ['StringLike', ['m*'], known('data'), 'false'],
  ['StringNotLike', ['d*', 'x*'], known('ml'), 'true'],
  ['StringEqualsIfExists', ['ml'], absent, 'true'],
  ['StringEqualsIfExists', ['ml'], known('data'), 'false'],
  ['NumericLessThan', ['3'], known('2'), 'true'],
  ['NumericLessThan', ['3'], known('not-a-number'), 'false'],
  ['NumericGreaterThanEquals', ['3'], known('3'), 'true'],
  ['NumericNotEquals', ['3'], known('3.0'), 'false'],
  ['DateGreaterThan', ['2025-01-01T00:00:00Z'], known('2026-01-01T00:00:00Z'), 'true'],
  ['DateLessThanEquals', ['2025-01-01T00:00:00Z'], known('1735689600'), 'true'],
  ['Bool', ['false'], known('false'), 'true'],
  ['Bool', ['true'], known('false'), 'false'],
  ['Null', ['true'], absent, 'true'],
  ['Null', ['true'], known('ml'), 'false'],
  ['Null', ['false'], known('ml'), 'true'],
  ['ForAnyValue:StringEquals', ['ml'], absent, 'false'],
  ['ForAllValues:StringEquals', ['ml'], absent, 'true'],
  ['ForAnyValue:StringLike', ['o-1/r-1/ou-a/*'], multivalued('o-1/r-1/ou-a/ou-b/'), 'true'],
  ['ForAllValues:StringNotLike', ['o-1/r-1/ou-a/*'], multivalued('o-1/r-1/ou-a/'), 'false'],
  ['ForAnyValue:StringNotEquals', ['o-1/r-1/'], multivalued('o-1/r-1/'), 'false'],
  ['StringLike', ['o-1/*'], multivalued('o-1/r-1/'), 'false'],
  ['StringEquals', ['${aws:username}'], known('alice'), 'unknown'],
  ['IpAddress', ['10.0.0.0/8'], known('ml'), 'false'],
  ['SomeFutureOperator', ['ml'], known('ml'), 'unknown'],
  ['StringEquals', ['ml'], { kind: 'unknown', reason: 'session tags' }, 'unknown'],
];

describe('decideCondition', () => {
  it.each(OPERATOR_CASES)('%s %j on %j is %s', (operator, values, fact, expected) => {
    expect(decideCondition(condition(operator, values), fact)).toBe(expected);
  });

  it('compares ARNs segment by segment', () => {
    const arn = known('arn:aws:iam::111122223333:role/deploy/terraform');
    expect(decideCondition(condition('ArnLike', ['arn:aws:iam::*:role/deploy/*'], 'aws:PrincipalArn'), arn)).toBe('true');
    expect(decideCondition(condition('ArnNotLike', ['arn:aws:iam::*:role/emergency-*'], 'aws:PrincipalArn'), arn)).toBe('true');
    expect(decideCondition(condition('ArnEquals', ['arn:aws:iam::111122223333:role/deploy/terraform'], 'aws:PrincipalArn'), arn)).toBe('true');
    // `*` in the account segment does not reach into the resource part.
    expect(decideCondition(condition('ArnLike', ['arn:aws:iam::*'], 'aws:PrincipalArn'), arn)).toBe('false');
  });
});

describe('describeDecidedCondition', () => {
  it('words the break-glass exception both ways', () => {
    const base = { operator: 'ArnNotLike', key: 'aws:PrincipalARN', values: ['arn:aws:iam::*:role/emergency-*'] };
    expect(describeDecidedCondition({ ...base, holds: true })).toBe('aws:PrincipalARN does not match arn:aws:iam::*:role/emergency-*');
    expect(describeDecidedCondition({ ...base, holds: false })).toBe('aws:PrincipalARN matches arn:aws:iam::*:role/emergency-*');
    expect(describeDecidedCondition({ operator: 'StringEquals', key: 'aws:PrincipalTag/team', values: ['ml', 'ai'], holds: false })).toBe('aws:PrincipalTag/team is not ml or ai');
  });
});

const ACCOUNT = '111122223333';
const OTHER_ACCOUNT = '444455556666';
const TRUST: PolicyDocumentSource = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] };
const TRUST_WITH_SESSION_TAGS: PolicyDocumentSource = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] };

describe('createPrincipalContext', () => {
  const organization: OrganizationFacts = {
    id: 'o-abc',
    managementAccountId: '999999999999',
    accounts: [{ id: ACCOUNT, name: 'w', ouPath: [{ id: 'r-1', name: 'Root' }, { id: 'ou-1', name: 'ML' }], environment: 'prod', ownerEmail: null, tags: {} }],
    policies: [],
  };
  const user: UserFacts = { type: 'user', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, id: 'AIDAALICE', name: 'alice', path: '/', accountId: ACCOUNT, createDate: '', inlinePolicies: [], attachedManagedPolicyArns: [], permissionsBoundaryArn: null, tags: { Team: 'ml' }, groupNames: [], credentials: null };
  const role: RoleFacts = { type: 'role', arn: `arn:aws:iam::${ACCOUNT}:role/r`, id: 'AROAR', name: 'r', path: '/', accountId: ACCOUNT, createDate: '', inlinePolicies: [], attachedManagedPolicyArns: [], permissionsBoundaryArn: null, tags: { team: 'ml' }, trustPolicy: TRUST_WITH_SESSION_TAGS, lastUsedDate: null, lastUsedRegion: null, permissionSetName: null, isServiceLinked: false };

  it('knows a user\'s facts', () => {
    const context = createPrincipalContext(user, organization);
    expect(context.factFor('AWS:PrincipalTag/team')).toEqual(known('ml'));
    expect(context.factFor('aws:username')).toEqual(known('alice'));
    expect(context.factFor('aws:userid')).toEqual(known('AIDAALICE'));
    expect(context.factFor('aws:PrincipalType')).toEqual(known('User'));
    expect(context.factFor('aws:PrincipalOrgPaths')).toEqual(multivalued('o-abc/r-1/ou-1/'));
    expect(context.factFor('aws:SourceIp')).toBeUndefined();
  });

  it('keeps a role\'s tags undecided when its trust policy allows sts:TagSession, and its user id always', () => {
    const context = createPrincipalContext(role, null);
    expect(context.factFor('aws:PrincipalTag/team')).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('sts:TagSession') });
    expect(context.factFor('aws:userid')).toMatchObject({ kind: 'unknown' });
    expect(context.factFor('aws:username')).toEqual(absent);
    expect(context.factFor('aws:PrincipalOrgID')).toMatchObject({ kind: 'unknown', reason: 'no organisation data was imported' });
    expect(trustAllowsSessionTags(TRUST)).toBe(false);
    expect(trustAllowsSessionTags({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:*' }] })).toBe(true);
    expect(trustAllowsSessionTags('not json')).toBeNull();
  });
});

/**
 * Principals with the same policies but different facts share the evaluator's caches (per
 * account, across accounts, per policy placement): every one must get exactly the answer a fresh
 * evaluator gives it alone.
 */
describe('evaluator caches with principal-fact conditions', () => {
  let catalogue: ActionCatalogue;
  beforeAll(async () => {
    catalogue = await loadActionCatalogue();
  });

  const abac = { Version: '2012-10-17', Statement: [{ Sid: 'Team', Effect: 'Allow', Action: ['bedrock:InvokeModel', 'bedrock:PutModelInvocationLoggingConfiguration'], Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'ml' } } }, { Sid: 'Rest', Effect: 'Allow', Action: 'bedrock:*', Resource: '*' }, { Sid: 'OwnAccountOnly', Effect: 'Deny', Action: 'bedrock:Get*', Resource: '*', Condition: { StringNotEquals: { 'aws:PrincipalAccount': ACCOUNT } } }] };
  const boundary = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'bedrock:Delete*', Resource: '*', Condition: { StringNotEquals: { 'aws:PrincipalTag/env': 'dev' } } }] };
  const breakGlass = { Version: '2012-10-17', Statement: [{ Sid: 'BreakGlass', Effect: 'Deny', Action: 'bedrock:PutModelInvocationLoggingConfiguration', Resource: '*', Condition: { ArnNotLike: { 'aws:PrincipalARN': 'arn:aws:iam::*:role/emergency-*' } } }] };
  const everything = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

  function buildSnapshot(): SnapshotInput {
    const roles = (accountId: string): RoleFacts[] =>
      [
        ['emergency-admin', { team: 'ml' }, TRUST],
        ['ml-pipeline', { team: 'ml', env: 'dev' }, TRUST],
        ['data-pipeline', { team: 'data' }, TRUST],
        ['sso-like', { team: 'ml' }, TRUST_WITH_SESSION_TAGS],
        ['emergency-data', { team: 'data', env: 'dev' }, TRUST],
        // The same policies and tags as ml-pipeline: only the ARN tells them apart.
        ['emergency-ml', { team: 'ml', env: 'dev' }, TRUST],
      ].map(([name, tags, trust]) => ({
        type: 'role',
        arn: `arn:aws:iam::${accountId}:role/${name as string}`,
        id: `AROA${name as string}`,
        name: name as string,
        path: '/',
        accountId,
        createDate: '',
        inlinePolicies: [{ name: 'abac', document: abac }],
        attachedManagedPolicyArns: [],
        permissionsBoundaryArn: `arn:aws:iam::${accountId}:policy/boundary`,
        tags: tags as Record<string, string>,
        trustPolicy: trust as PolicyDocumentSource,
        lastUsedDate: null,
        lastUsedRegion: null,
        permissionSetName: null,
        isServiceLinked: false,
      }));
    return {
      capturedAt: '2026-01-01T00:00:00Z',
      organization: {
        id: 'o-abc',
        managementAccountId: '999999999999',
        accounts: [ACCOUNT, OTHER_ACCOUNT].map((id) => ({ id, name: id, ouPath: [{ id: 'r-1', name: 'Root' }], environment: 'prod' as const, ownerEmail: null, tags: {} })),
        policies: [
          { id: 'p-1', name: 'FullAWSAccess', kind: 'scp', document: everything, targetIds: ['r-1', ACCOUNT, OTHER_ACCOUNT] },
          { id: 'p-2', name: 'BreakGlass', kind: 'scp', document: breakGlass, targetIds: ['r-1'] },
        ],
      },
      accounts: [ACCOUNT, OTHER_ACCOUNT].map((accountId) => ({
        accountId,
        users: [],
        groups: [],
        roles: roles(accountId),
        managedPolicies: [{ arn: `arn:aws:iam::${accountId}:policy/boundary`, name: 'boundary', path: '/', isAwsManaged: false, defaultVersionId: 'v1', document: boundary }],
      })),
    };
  }

  const summary = (access: ReturnType<ReturnType<typeof createEvaluator>['evaluatePrincipal']>) =>
    JSON.stringify({
      grants: access.grants.map((grant) => [grant.action, grant.isConditional, grant.regions, grant.decided ?? []]).sort(),
      denied: access.denied.map((denied) => [denied.action, denied.deniedBy]).sort(),
    });

  it('gives every principal what a fresh evaluator gives it, whatever the order', () => {
    const snapshot = buildSnapshot();
    const principals: PrincipalFacts[] = snapshot.accounts.flatMap((account) => account.roles);
    const shared = createEvaluator(catalogue, snapshot);
    const reversed = createEvaluator(catalogue, snapshot);
    const forward = principals.map((principal) => summary(shared.evaluatePrincipal(principal)));
    const backward = [...principals].reverse().map((principal) => summary(reversed.evaluatePrincipal(principal))).reverse();
    const alone = principals.map((principal) => summary(createEvaluator(catalogue, snapshot).evaluatePrincipal(principal)));
    expect(forward).toEqual(alone);
    expect(backward).toEqual(alone);
    // And the facts really split them: six distinct outcomes per account.
    expect(new Set(alone.slice(0, 6)).size).toBe(6);
  });

  it('decides each principal as its facts say', () => {
    const snapshot = buildSnapshot();
    const evaluator = createEvaluator(catalogue, snapshot);
    const byName = new Map(snapshot.accounts[0].roles.map((principal) => [principal.name, evaluator.evaluatePrincipal(principal)]));
    const actionsOf = (name: string) => new Set(byName.get(name)?.grants.map((grant) => grant.action));
    expect(actionsOf('emergency-admin').has('bedrock:PutModelInvocationLoggingConfiguration')).toBe(true);
    expect(actionsOf('ml-pipeline').has('bedrock:PutModelInvocationLoggingConfiguration')).toBe(false);
    expect(actionsOf('data-pipeline').has('bedrock:DeleteCustomModel')).toBe(false);
    expect(actionsOf('ml-pipeline').has('bedrock:DeleteCustomModel')).toBe(true);
    const sessionTagged = byName.get('sso-like')?.grants.find((grant) => grant.action === 'bedrock:DeleteCustomModel');
    expect(sessionTagged?.isConditional).toBe(true);
    expect(byName.get('ml-pipeline')?.denied.find((denied) => denied.action === 'bedrock:PutModelInvocationLoggingConfiguration')?.deniedBy).toMatchObject({ source: 'scp', kind: 'explicit', policyName: 'BreakGlass', decided: [{ key: 'aws:PrincipalARN', holds: true }] });
  });
});
