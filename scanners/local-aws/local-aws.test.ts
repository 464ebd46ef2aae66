import path from 'node:path';
import { readFileSync } from 'node:fs';
import { AddUserToGroupCommand, AttachGroupPolicyCommand, AttachRolePolicyCommand, AttachUserPolicyCommand, DeleteGroupPolicyCommand, DeleteRolePermissionsBoundaryCommand, DeleteRolePolicyCommand, DeleteUserPermissionsBoundaryCommand, DeleteUserPolicyCommand, DetachGroupPolicyCommand, DetachRolePolicyCommand, DetachUserPolicyCommand, GenerateCredentialReportCommand, GetAccessKeyLastUsedCommand, GetAccountAuthorizationDetailsCommand, GetCredentialReportCommand, GetGroupCommand, GetGroupPolicyCommand, GetPolicyCommand, GetPolicyVersionCommand, GetRoleCommand, GetRolePolicyCommand, GetUserCommand, GetUserPolicyCommand, IAMClient, ListAccessKeysCommand, ListAttachedGroupPoliciesCommand, ListAttachedRolePoliciesCommand, ListAttachedUserPoliciesCommand, ListGroupPoliciesCommand, ListGroupsForUserCommand, ListRolePoliciesCommand, ListServiceSpecificCredentialsCommand, ListUserPoliciesCommand, PutGroupPolicyCommand, PutRolePermissionsBoundaryCommand, PutRolePolicyCommand, PutUserPermissionsBoundaryCommand, PutUserPolicyCommand, RemoveUserFromGroupCommand } from '@aws-sdk/client-iam';
import { DescribeOrganizationCommand, DescribePolicyCommand, ListAccountsCommand, ListAccountsForParentCommand, ListOrganizationalUnitsForParentCommand, ListParentsCommand, ListPoliciesCommand, ListRootsCommand, ListTagsForResourceCommand, ListTargetsForPolicyCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuthorizationDetails } from '../raw-types';
import { normalise } from '../live/test-support/normalise';
import { parseFaultConfig } from './faults';
import { loadOrganizationData } from './organization-data';
import { startLocalAws, type LocalAwsHandle } from './start-local-aws';
import { errorOf } from './test-support/error-of';

const FIXTURE = path.join(__dirname, 'fixtures/org');
const BASE = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' };
const ROLE = 'bedrock-access-review-scanner';
const fixtureDetails = (accountId: string) => JSON.parse(readFileSync(path.join(FIXTURE, `${accountId}.json`), 'utf8')) as AuthorizationDetails;

let aws: LocalAwsHandle;
// No retries here: these tests look at single answers, faults included.
const config = () => ({ region: 'us-east-1', endpoint: aws.url, maxAttempts: 1 });

async function iamFor(accountId: string): Promise<IAMClient> {
  const sts = new STSClient({ ...config(), credentials: BASE });
  const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/${ROLE}`, RoleSessionName: 'test', ExternalId: 'review-2024' }));
  const credentials = assumed.Credentials;
  if (!credentials?.AccessKeyId || !credentials.SecretAccessKey) throw new Error('no credentials');
  return new IAMClient({ ...config(), credentials: { accessKeyId: credentials.AccessKeyId, secretAccessKey: credentials.SecretAccessKey, sessionToken: credentials.SessionToken } });
}

beforeAll(async () => {
  aws = await startLocalAws({ dataDir: FIXTURE, port: 0 });
});
afterAll(async () => {
  await aws.stop();
});
beforeEach(() => {
  aws.setFaults({});
});

describe('STS', () => {
  it('answers GetCallerIdentity for base and assumed credentials', async () => {
    const sts = new STSClient({ ...config(), credentials: BASE });
    expect(await sts.send(new GetCallerIdentityCommand({}))).toMatchObject({ Account: '111111111111', Arn: 'arn:aws:iam::111111111111:user/local-aws-admin' });
    const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::333333333333:role/${ROLE}`, RoleSessionName: 'who-am-i' }));
    expect(assumed.Credentials?.AccessKeyId).toMatch(/^ASIA333333333333[A-Z2-7]{4}$/);
    expect(assumed.Credentials?.Expiration).toBeInstanceOf(Date);
    expect(assumed.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::333333333333:assumed-role/${ROLE}/who-am-i`);
    const asRole = new STSClient({ ...config(), credentials: { accessKeyId: assumed.Credentials?.AccessKeyId ?? '', secretAccessKey: 'x', sessionToken: 'y' } });
    expect(await asRole.send(new GetCallerIdentityCommand({}))).toMatchObject({ Account: '333333333333', Arn: `arn:aws:sts::333333333333:assumed-role/${ROLE}/who-am-i` });
  });

  it('refuses AssumeRole when the trust policy does not trust the caller, the ExternalId is wrong, or the role is missing', async () => {
    const sts = new STSClient({ ...config(), credentials: BASE });
    const untrusted = await errorOf(sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::444444444444:role/${ROLE}`, RoleSessionName: 'test' })));
    expect(untrusted).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(untrusted.message).toContain(`not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444444444444:role/${ROLE}`);
    expect(await errorOf(sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::222222222222:role/${ROLE}`, RoleSessionName: 'test' })))).toMatchObject({ name: 'AccessDenied' });
    expect(await errorOf(sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::333333333333:role/missing', RoleSessionName: 'test' })))).toMatchObject({ name: 'AccessDenied' });
  });
});

describe('IAM reads', () => {
  it('returns the account details with URL-encoded documents that decode to the source', async () => {
    const iam = await iamFor('222222222222');
    const output = await iam.send(new GetAccountAuthorizationDetailsCommand({}));
    expect(output.IsTruncated).toBe(false);
    const role = output.RoleDetailList?.find((candidate) => candidate.RoleName === 'ml-pipeline');
    expect(role?.AssumeRolePolicyDocument).toMatch(/^%7B%22Version%22/);
    const inline = output.UserDetailList?.[0]?.UserPolicyList?.[0]?.PolicyDocument ?? '';
    expect(inline).toBe(encodeURIComponent(JSON.stringify(fixtureDetails('222222222222').UserDetailList[0].UserPolicyList?.[0]?.PolicyDocument)));
    const { $metadata: _metadata, IsTruncated: _truncated, Marker: _marker, ...lists } = output;
    expect(normalise(JSON.parse(JSON.stringify(lists)))).toEqual(normalise(fixtureDetails('222222222222')));
  });

  it('pages GetAccountAuthorizationDetails with MaxItems and Marker', async () => {
    const iam = await iamFor('222222222222');
    const pages = [];
    let marker: string | undefined;
    do {
      const page = await iam.send(new GetAccountAuthorizationDetailsCommand({ MaxItems: 3, Marker: marker }));
      pages.push(page);
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker);
    expect(pages.length).toBe(4); // 3 users + 2 groups + 3 roles + 4 policies = 12 entities
    expect(pages.flatMap((page) => page.RoleDetailList ?? []).map((item) => item.RoleName)).toEqual(fixtureDetails('222222222222').RoleDetailList.map((item) => item.RoleName));
    expect(pages.flatMap((page) => page.Policies ?? []).length).toBe(4);
    const filtered = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['LocalManagedPolicy'] }));
    expect(filtered.Policies?.map((policy) => policy.PolicyName)).toEqual(['bedrock-invoke-approved', 'developer-boundary']);
    expect(filtered.UserDetailList).toEqual([]);
  });

  it('answers the Get and List calls of users, roles, groups and policies', async () => {
    const iam = await iamFor('222222222222');
    expect((await iam.send(new GetRoleCommand({ RoleName: 'ml-pipeline' }))).Role).toMatchObject({ RoleName: 'ml-pipeline', PermissionsBoundary: { PermissionsBoundaryArn: 'arn:aws:iam::222222222222:policy/developer-boundary' } });
    expect((await iam.send(new GetUserCommand({ UserName: 'ml-dev' }))).User).toMatchObject({ UserName: 'ml-dev', Tags: [{ Key: 'owner', Value: 'ml-lead@example.com' }] });
    const group = await iam.send(new GetGroupCommand({ GroupName: 'data-scientists' }));
    expect(group.Users?.map((user) => user.UserName)).toEqual(['ml-dev', 'analyst']);
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::222222222222:policy/bedrock-invoke-approved' }))).Policy).toMatchObject({ DefaultVersionId: 'v2', AttachmentCount: 2, IsAttachable: true });
    const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn: 'arn:aws:iam::222222222222:policy/bedrock-invoke-approved', VersionId: 'v1' }));
    expect(JSON.parse(decodeURIComponent(version.PolicyVersion?.Document ?? ''))).toEqual(fixtureDetails('222222222222').Policies[0].PolicyVersionList[1].Document);
    expect(JSON.parse(decodeURIComponent((await iam.send(new GetRolePolicyCommand({ RoleName: 'ml-pipeline', PolicyName: 'customize' }))).PolicyDocument ?? ''))).toMatchObject({ Statement: [{ Action: 'bedrock:CreateModelCustomizationJob' }] });
    expect(JSON.parse(decodeURIComponent((await iam.send(new GetUserPolicyCommand({ UserName: 'ml-dev', PolicyName: 'invoke-claude' }))).PolicyDocument ?? '')).Statement[0].Condition.StringLike['aws:PrincipalTag/team']).toBe('ml & data <core> é');
    expect((await iam.send(new GetGroupPolicyCommand({ GroupName: 'data-scientists', PolicyName: 'list-models' }))).PolicyName).toBe('list-models');
    expect((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'ml-pipeline' }))).AttachedPolicies).toEqual([{ PolicyName: 'AmazonBedrockFullAccess', PolicyArn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess' }]);
    expect((await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'ci-bot' }))).AttachedPolicies?.length).toBe(1);
    expect((await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: 'data-scientists' }))).AttachedPolicies?.[0]?.PolicyName).toBe('bedrock-invoke-approved');
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: 'ml-pipeline' }))).PolicyNames).toEqual(['customize']);
    expect((await iam.send(new ListUserPoliciesCommand({ UserName: 'ml-dev' }))).PolicyNames).toEqual(['invoke-claude']);
    expect((await iam.send(new ListGroupPoliciesCommand({ GroupName: 'data-scientists' }))).PolicyNames).toEqual(['list-models']);
    expect((await iam.send(new ListGroupsForUserCommand({ UserName: 'ml-dev' }))).Groups?.map((item) => item.GroupName)).toEqual(['data-scientists']);
    const missing = await errorOf(iam.send(new GetRoleCommand({ RoleName: 'nope' })));
    expect(missing).toMatchObject({ name: 'NoSuchEntityException', status: 404, message: 'The role with name nope cannot be found.' });
  });

  it('answers access keys, their last use, Bedrock API keys and the credential report', async () => {
    const iam = await iamFor('222222222222');
    const keys = await iam.send(new ListAccessKeysCommand({ UserName: 'ml-dev' }));
    expect(keys.AccessKeyMetadata?.map((key) => [key.AccessKeyId, key.Status])).toEqual([['AKIAFIXTUREMLDEV0001', 'Active'], ['AKIAFIXTUREMLDEV0002', 'Inactive']]);
    const used = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: 'AKIAFIXTUREMLDEV0001' }));
    expect(used).toMatchObject({ UserName: 'ml-dev', AccessKeyLastUsed: { ServiceName: 'bedrock', Region: 'us-east-1', LastUsedDate: new Date('2024-05-21T09:00:00Z') } });
    expect((await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: 'AKIAFIXTUREMLDEV0002' }))).AccessKeyLastUsed).toEqual({ ServiceName: 'N/A', Region: 'N/A' });
    const apiKeys = await iam.send(new ListServiceSpecificCredentialsCommand({ UserName: 'ml-dev', ServiceName: 'bedrock.amazonaws.com' }));
    expect(apiKeys.ServiceSpecificCredentials?.[0]).toMatchObject({ ServiceSpecificCredentialId: 'ACCAFIXTURE000000001', ServiceName: 'bedrock.amazonaws.com', Status: 'Active', ExpirationDate: new Date('2024-07-01T00:00:00Z') });
    expect((await iam.send(new ListServiceSpecificCredentialsCommand({ UserName: 'ml-dev', ServiceName: 'codecommit.amazonaws.com' }))).ServiceSpecificCredentials).toEqual([]);

    expect(await errorOf(iam.send(new GetCredentialReportCommand({})))).toMatchObject({ status: 410 });
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe('STARTED');
    expect(await errorOf(iam.send(new GetCredentialReportCommand({})))).toMatchObject({ status: 404 });
    // As IAM: STARTED, then INPROGRESS while it builds, then COMPLETE.
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe('INPROGRESS');
    expect(await errorOf(iam.send(new GetCredentialReportCommand({})))).toMatchObject({ name: 'CredentialReportNotReadyException', status: 404 });
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe('COMPLETE');
    const report = await iam.send(new GetCredentialReportCommand({}));
    const lines = Buffer.from(report.Content ?? new Uint8Array()).toString('utf8').split('\n');
    expect(lines[0]).toBe('user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated');
    expect(lines[1]).toMatch(/^<root_account>,arn:aws:iam::222222222222:root,/);
    expect(lines[2]).toBe('ml-dev,arn:aws:iam::222222222222:user/ml-dev,2023-01-15T10:00:00+00:00,true,2024-05-20T08:00:00+00:00,2023-01-15T10:00:00+00:00,N/A,false,true,2023-01-15T10:05:00+00:00,2024-05-21T09:00:00+00:00,us-east-1,bedrock,false,2023-02-15T10:05:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A');
    expect(lines).toHaveLength(5);
  });
});

describe('IAM mutations', () => {
  let aws2: LocalAwsHandle;
  let iam: IAMClient;
  beforeAll(async () => {
    aws2 = await startLocalAws({ dataDir: FIXTURE, port: 0 });
    iam = new IAMClient({ region: 'us-east-1', endpoint: aws2.url, maxAttempts: 1, credentials: BASE }); // base credentials: the management account
  });
  afterAll(async () => {
    await aws2.stop();
  });
  const details = () => iam.send(new GetAccountAuthorizationDetailsCommand({}));

  it('attaches and detaches managed policies on users, roles and groups, with NoSuchEntity for a missing attachment', async () => {
    const arn = 'arn:aws:iam::aws:policy/AdministratorAccess';
    await iam.send(new AttachUserPolicyCommand({ UserName: 'break-glass', PolicyArn: arn }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: ROLE, PolicyArn: arn }));
    let after = await details();
    expect(after.UserDetailList?.[0]?.AttachedManagedPolicies).toEqual([{ PolicyName: 'AdministratorAccess', PolicyArn: arn }]);
    expect(after.RoleDetailList?.[0]?.AttachedManagedPolicies?.map((item) => item.PolicyArn)).toEqual([arn]);
    expect(after.Policies?.[0]?.AttachmentCount).toBe(3);
    await iam.send(new DetachGroupPolicyCommand({ GroupName: 'admins', PolicyArn: arn }));
    await iam.send(new DetachUserPolicyCommand({ UserName: 'break-glass', PolicyArn: arn }));
    await iam.send(new DetachRolePolicyCommand({ RoleName: ROLE, PolicyArn: arn }));
    after = await details();
    expect(after.GroupDetailList?.[0]?.AttachedManagedPolicies).toEqual([]);
    expect(after.Policies?.[0]?.AttachmentCount).toBe(0);
    expect(await errorOf(iam.send(new DetachGroupPolicyCommand({ GroupName: 'admins', PolicyArn: arn })))).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
    expect(await errorOf(iam.send(new AttachGroupPolicyCommand({ GroupName: 'admins', PolicyArn: 'arn:aws:iam::111111111111:policy/nope' })))).toMatchObject({ name: 'NoSuchEntityException' });
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'admins', PolicyArn: arn }));
    expect((await details()).GroupDetailList?.[0]?.AttachedManagedPolicies?.length).toBe(1);
  });

  it('attaches an AWS managed policy the account did not list yet from the catalogue', async () => {
    await iam.send(new AttachRolePolicyCommand({ RoleName: ROLE, PolicyArn: 'arn:aws:iam::aws:policy/AmazonBedrockReadOnly' }));
    const policy = (await details()).Policies?.find((candidate) => candidate.PolicyName === 'AmazonBedrockReadOnly');
    expect(policy?.AttachmentCount).toBe(1);
    expect(JSON.parse(decodeURIComponent(policy?.PolicyVersionList?.[0]?.Document ?? '{}'))).toHaveProperty('Statement');
  });

  it('puts and deletes inline policies, with NoSuchEntity for a missing one and MalformedPolicyDocument for bad JSON', async () => {
    const document = { Version: '2012-10-17', Statement: [{ Sid: 'DenyBedrock', Effect: 'Deny', Action: 'bedrock:*', Resource: '*' }] };
    await iam.send(new PutUserPolicyCommand({ UserName: 'break-glass', PolicyName: 'deny-bedrock', PolicyDocument: JSON.stringify(document) }));
    await iam.send(new PutRolePolicyCommand({ RoleName: ROLE, PolicyName: 'deny-bedrock', PolicyDocument: JSON.stringify(document) }));
    await iam.send(new PutGroupPolicyCommand({ GroupName: 'admins', PolicyName: 'deny-bedrock', PolicyDocument: JSON.stringify(document) }));
    let after = await details();
    expect(JSON.parse(decodeURIComponent(after.UserDetailList?.[0]?.UserPolicyList?.[0]?.PolicyDocument ?? ''))).toEqual(document);
    expect(after.RoleDetailList?.[0]?.RolePolicyList?.[0]?.PolicyName).toBe('deny-bedrock');
    expect(after.GroupDetailList?.[0]?.GroupPolicyList?.[0]?.PolicyName).toBe('deny-bedrock');
    await iam.send(new DeleteUserPolicyCommand({ UserName: 'break-glass', PolicyName: 'deny-bedrock' }));
    await iam.send(new DeleteRolePolicyCommand({ RoleName: ROLE, PolicyName: 'deny-bedrock' }));
    await iam.send(new DeleteGroupPolicyCommand({ GroupName: 'admins', PolicyName: 'deny-bedrock' }));
    after = await details();
    expect([after.UserDetailList?.[0]?.UserPolicyList, after.RoleDetailList?.[0]?.RolePolicyList, after.GroupDetailList?.[0]?.GroupPolicyList]).toEqual([[], [], []]);
    expect(await errorOf(iam.send(new DeleteUserPolicyCommand({ UserName: 'break-glass', PolicyName: 'deny-bedrock' })))).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
    expect(await errorOf(iam.send(new PutUserPolicyCommand({ UserName: 'break-glass', PolicyName: 'x', PolicyDocument: '{not json' })))).toMatchObject({ name: 'MalformedPolicyDocumentException', status: 400 });
  });

  it('removes and adds group members and sets and deletes permissions boundaries', async () => {
    await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'admins', UserName: 'break-glass' }));
    expect((await details()).UserDetailList?.[0]?.GroupList).toEqual([]);
    expect(await errorOf(iam.send(new RemoveUserFromGroupCommand({ GroupName: 'admins', UserName: 'break-glass' })))).toMatchObject({ name: 'NoSuchEntityException' });
    await iam.send(new AddUserToGroupCommand({ GroupName: 'admins', UserName: 'break-glass' }));
    expect((await details()).UserDetailList?.[0]?.GroupList).toEqual(['admins']);
    const boundary = 'arn:aws:iam::aws:policy/AdministratorAccess';
    await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: ROLE, PermissionsBoundary: boundary }));
    await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'break-glass', PermissionsBoundary: boundary }));
    let after = await details();
    expect(after.RoleDetailList?.[0]?.PermissionsBoundary).toEqual({ PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: boundary });
    expect(after.UserDetailList?.[0]?.PermissionsBoundary?.PermissionsBoundaryArn).toBe(boundary);
    await iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: ROLE }));
    await iam.send(new DeleteUserPermissionsBoundaryCommand({ UserName: 'break-glass' }));
    after = await details();
    expect(after.RoleDetailList?.[0]?.PermissionsBoundary).toBeUndefined();
    expect(after.UserDetailList?.[0]?.PermissionsBoundary).toBeUndefined();
    expect(await errorOf(iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'nope', PermissionsBoundary: boundary })))).toMatchObject({ name: 'NoSuchEntityException' });
  });
});

describe('Organizations', () => {
  const organizations = () => new OrganizationsClient({ ...config(), credentials: BASE });

  it('describes the organisation, its tree, accounts, tags and policies with NextToken paging', async () => {
    const client = organizations();
    expect((await client.send(new DescribeOrganizationCommand({}))).Organization).toMatchObject({ Id: 'o-fixture0001', MasterAccountId: '111111111111' });
    const roots = await client.send(new ListRootsCommand({}));
    expect(roots.Roots?.[0]).toMatchObject({ Id: 'r-fx01', Name: 'Root' });
    expect(roots.Roots?.[0]?.PolicyTypes?.map((type) => type.Type)).toEqual(['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY']);
    expect((await client.send(new ListOrganizationalUnitsForParentCommand({ ParentId: 'r-fx01' }))).OrganizationalUnits?.map((unit) => unit.Id)).toEqual(['ou-fx01-workload', 'ou-fx01-sandbox1']);
    expect((await client.send(new ListAccountsForParentCommand({ ParentId: 'ou-fx01-prod0001' }))).Accounts?.map((account) => account.Id)).toEqual(['222222222222']);
    const first = await client.send(new ListAccountsCommand({ MaxResults: 3 }));
    const second = await client.send(new ListAccountsCommand({ MaxResults: 3, NextToken: first.NextToken }));
    expect([...(first.Accounts ?? []), ...(second.Accounts ?? [])].map((account) => account.Id)).toEqual(['111111111111', '222222222222', '333333333333', '444444444444']);
    expect(second.NextToken).toBeUndefined();
    expect(first.Accounts?.[0]?.JoinedTimestamp).toBeInstanceOf(Date);
    expect((await client.send(new ListParentsCommand({ ChildId: '222222222222' }))).Parents).toEqual([{ Id: 'ou-fx01-prod0001', Type: 'ORGANIZATIONAL_UNIT' }]);
    expect((await client.send(new ListTagsForResourceCommand({ ResourceId: '222222222222' }))).Tags).toEqual([{ Key: 'environment', Value: 'prod' }, { Key: 'owner', Value: 'ml-lead@example.com' }]);
    const scps = await client.send(new ListPoliciesCommand({ Filter: 'SERVICE_CONTROL_POLICY' }));
    expect(scps.Policies?.map((policy) => policy.Id)).toEqual(['p-FullAWSAccess', 'p-fx01denycust']);
    expect((await client.send(new ListPoliciesCommand({ Filter: 'RESOURCE_CONTROL_POLICY' }))).Policies?.map((policy) => policy.Id)).toEqual(['p-RCPFullAWSAccess']);
    const described = await client.send(new DescribePolicyCommand({ PolicyId: 'p-FullAWSAccess' }));
    expect(JSON.parse(described.Policy?.Content ?? '')).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    expect((await client.send(new ListTargetsForPolicyCommand({ PolicyId: 'p-fx01denycust' }))).Targets?.map((target) => [target.TargetId, target.Type])).toEqual([['ou-fx01-sandbox1', 'ORGANIZATIONAL_UNIT'], ['444444444444', 'ACCOUNT']]);
    expect(await errorOf(client.send(new DescribePolicyCommand({ PolicyId: 'p-missing' })))).toMatchObject({ name: 'PolicyNotFoundException' });
  });

  it('refuses member accounts', async () => {
    const sts = new STSClient({ ...config(), credentials: BASE });
    const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::333333333333:role/${ROLE}`, RoleSessionName: 'member' }));
    const member = new OrganizationsClient({ ...config(), credentials: { accessKeyId: assumed.Credentials?.AccessKeyId ?? '', secretAccessKey: 'x', sessionToken: 'y' } });
    expect(await errorOf(member.send(new ListAccountsCommand({})))).toMatchObject({ name: 'AccessDeniedException' });
  });
});

describe('fault injection', () => {
  it('throttles every nth call with the protocol codes', async () => {
    aws.setFaults({ throttleEveryNthCall: 1 });
    const iam = new IAMClient({ ...config(), credentials: BASE });
    expect(await errorOf(iam.send(new GetRoleCommand({ RoleName: ROLE })))).toMatchObject({ name: 'Throttling', message: 'Rate exceeded', status: 400 });
    const organizations = new OrganizationsClient({ ...config(), credentials: BASE });
    // Organizations' model gives TooManyRequestsException HTTP 429.
    expect(await errorOf(organizations.send(new ListRootsCommand({})))).toMatchObject({ name: 'TooManyRequestsException', status: 429 });
  });

  it('refuses the nth call of an action, denies AssumeRole per account, and delays answers', async () => {
    aws.setFaults({ failCallNumber: [{ action: 'GetRole', nth: 2 }], denyAssumeRoleForAccounts: ['333333333333'], latencyMs: 120 });
    const iam = new IAMClient({ ...config(), credentials: BASE });
    const startedAt = Date.now();
    await iam.send(new GetRoleCommand({ RoleName: ROLE }));
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(110);
    expect(await errorOf(iam.send(new GetRoleCommand({ RoleName: ROLE })))).toMatchObject({ name: 'AccessDenied', status: 403 });
    await iam.send(new GetRoleCommand({ RoleName: ROLE }));
    const sts = new STSClient({ ...config(), credentials: BASE });
    expect(await errorOf(sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::333333333333:role/${ROLE}`, RoleSessionName: 'x1' })))).toMatchObject({ name: 'AccessDenied' });
  });

  it('truncates or malforms the answers of chosen actions', async () => {
    const iam = new IAMClient({ ...config(), credentials: BASE });
    aws.setFaults({ truncateResponseForActions: ['GetAccountAuthorizationDetails'] });
    expect((await errorOf(iam.send(new GetAccountAuthorizationDetailsCommand({})))).message).toMatch(/XML parse error/);
    aws.setFaults({ malformedResponseForActions: ['GetAccountAuthorizationDetails', 'ListRoots'] });
    expect((await errorOf(iam.send(new GetAccountAuthorizationDetailsCommand({})))).message).toMatch(/XML parse error/);
    expect((await errorOf(new OrganizationsClient({ ...config(), credentials: BASE }).send(new ListRootsCommand({})))).message).toMatch(/not valid JSON/);
    expect(aws.callLog.at(-1)).toMatchObject({ action: 'ListRoots', fault: 'malformed', status: 200 });
  });

  it('validates the fault configuration and names the bad field', () => {
    expect(() => parseFaultConfig({ throttleEveryNthCall: -1 })).toThrow(/throttleEveryNthCall/);
    expect(() => parseFaultConfig({ surprise: true })).toThrow();
    expect(parseFaultConfig({ failCallNumber: { action: 'AssumeRole', nth: 2 } }).failCallNumber).toEqual({ action: 'AssumeRole', nth: 2, error: 'AccessDenied' });
  });
});

describe('data loading', () => {
  it('serves in-memory data without touching the caller\'s objects', async () => {
    const data = loadOrganizationData(FIXTURE);
    const local = await startLocalAws({ data, port: 0 });
    try {
      const iam = new IAMClient({ region: 'us-east-1', endpoint: local.url, maxAttempts: 1, credentials: BASE });
      await iam.send(new DetachGroupPolicyCommand({ GroupName: 'admins', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
      expect(data.accounts['111111111111'].details.GroupDetailList[0].AttachedManagedPolicies).toHaveLength(1);
      expect(local.state.account('111111111111').details.GroupDetailList[0].AttachedManagedPolicies).toHaveLength(0);
    } finally {
      await local.stop();
    }
  });
});
