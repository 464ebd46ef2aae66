import { readdirSync } from 'node:fs';
import path from 'node:path';
import { AttachRolePolicyCommand, AttachUserPolicyCommand, CreatePolicyVersionCommand, DeletePolicyCommand, DeletePolicyVersionCommand, DeleteRoleCommand, DeleteRolePolicyCommand, DetachRolePolicyCommand, GenerateCredentialReportCommand, GetCredentialReportCommand, GetUserCommand, IAMClient, PutGroupPolicyCommand, PutRolePolicyCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { DescribePolicyCommand, ListRootsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RawRoleDetail } from '../raw-types';
import { loadOrganizationData } from './organization-data';
import { startLocalAws, type LocalAwsHandle } from './start-local-aws';
import { errorOf } from './test-support/error-of';

/**
 * The endpoint answers writes the way IAM does, with IAM's codes and HTTP statuses (the SDK
 * models' awsQueryError entries), so revocation code tested against it meets IAM's refusals.
 */
const FIXTURE = path.join(__dirname, 'fixtures/org');
const BASE = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' };
const ML = '222222222222';
const SSO_ROLE = 'AWSReservedSSO_BedrockUsers_0123456789abcdef';
const LINKED_ROLE = 'AWSServiceRoleForAmazonBedrock';

let aws: LocalAwsHandle;
const config = () => ({ region: 'us-east-1', endpoint: aws.url, maxAttempts: 1 });

async function assumed(accountId: string, durationSeconds?: number) {
  const sts = new STSClient({ ...config(), credentials: BASE });
  const output = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/bedrock-access-review-scanner`, RoleSessionName: 'rules', ExternalId: 'review-2024', DurationSeconds: durationSeconds }));
  return { accessKeyId: output.Credentials?.AccessKeyId ?? '', secretAccessKey: output.Credentials?.SecretAccessKey ?? '', sessionToken: output.Credentials?.SessionToken };
}

async function iamFor(accountId: string): Promise<IAMClient> {
  return new IAMClient({ ...config(), credentials: await assumed(accountId) });
}

const document = (statement: Record<string, unknown>) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
const INVOKE = document({ Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: '*' });
/** A valid policy of exactly `size` characters (whitespace excluded), padded with `pad` spaces IAM does not count. */
function sized(size: number, pad = 0): string {
  const base = document({ Sid: '', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });
  return document({ Sid: 'S'.repeat(size - base.length), Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }).replace('{', `{${' '.repeat(pad)}`);
}

beforeAll(async () => {
  const data = loadOrganizationData(FIXTURE);
  const sso = data.accounts[ML].details.RoleDetailList.find((role) => role.RoleName === SSO_ROLE);
  if (!sso) throw new Error('fixture without the SSO role');
  const linked: RawRoleDetail = { ...structuredClone(sso), Path: '/aws-service-role/bedrock.amazonaws.com/', RoleName: LINKED_ROLE, RoleId: 'AROAFIXTURELINKED0001', Arn: `arn:aws:iam::${ML}:role/aws-service-role/bedrock.amazonaws.com/${LINKED_ROLE}`, AttachedManagedPolicies: [] };
  data.accounts[ML].details.RoleDetailList.push(linked);
  // The scanner role of ML also trusts its own account, so a session of it can chain into it.
  const scanner = data.accounts[ML].details.RoleDetailList.find((role) => role.RoleName === 'bedrock-access-review-scanner');
  const trust = scanner?.AssumeRolePolicyDocument as { Statement: unknown[] } | undefined;
  trust?.Statement.push({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ML}:root` }, Action: 'sts:AssumeRole' });
  aws = await startLocalAws({ data, port: 0 });
});
afterAll(async () => {
  await aws.stop();
});
beforeEach(() => {
  aws.setFaults({});
  aws.state.now = Date.now;
});

describe('protected roles', () => {
  it.each([SSO_ROLE, LINKED_ROLE])('%s: every write answers UnmodifiableEntity (400)', async (roleName) => {
    const iam = await iamFor(ML);
    const expected = { name: 'UnmodifiableEntityException', status: 400, message: `Cannot perform the operation on the protected role '${roleName}' - this role is only modifiable by AWS` };
    expect(await errorOf(iam.send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: 'deny', PolicyDocument: INVOKE })))).toEqual(expected);
    expect(await errorOf(iam.send(new DetachRolePolicyCommand({ RoleName: roleName, PolicyArn: `arn:aws:iam::${ML}:policy/bedrock-invoke-approved` })))).toEqual(expected);
    expect(await errorOf(iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: 'arn:aws:iam::aws:policy/AmazonBedrockReadOnly' })))).toEqual(expected);
    expect(await errorOf(iam.send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: 'x' })))).toEqual(expected);
    expect(await errorOf(iam.send(new DeleteRoleCommand({ RoleName: roleName })))).toEqual(expected);
  });
});

describe('quotas: LimitExceeded (409)', () => {
  it('aggregate inline size per user (2,048), whitespace not counted', async () => {
    const iam = await iamFor(ML);
    await iam.send(new PutUserPolicyCommand({ UserName: 'analyst', PolicyName: 'padded', PolicyDocument: sized(1900, 3000) }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'analyst', PolicyName: 'small', PolicyDocument: sized(148) }));
    expect(await errorOf(iam.send(new PutUserPolicyCommand({ UserName: 'analyst', PolicyName: 'one-more', PolicyDocument: INVOKE })))).toEqual({ name: 'LimitExceededException', status: 409, message: 'Cannot exceed quota for UserPolicySize: 2048' });
    // Replacing a policy counts its new size, not both.
    await iam.send(new PutUserPolicyCommand({ UserName: 'analyst', PolicyName: 'small', PolicyDocument: sized(140) }));
  });

  it('roles 10,240 and groups 5,120', async () => {
    const iam = await iamFor(ML);
    await iam.send(new PutRolePolicyCommand({ RoleName: 'ml-pipeline', PolicyName: 'big', PolicyDocument: sized(10000) }));
    expect(await errorOf(iam.send(new PutRolePolicyCommand({ RoleName: 'ml-pipeline', PolicyName: 'more', PolicyDocument: sized(300) })))).toMatchObject({ status: 409, message: 'Cannot exceed quota for RolePolicySize: 10240' });
    expect(await errorOf(iam.send(new PutGroupPolicyCommand({ GroupName: 'auditors', PolicyName: 'big', PolicyDocument: sized(5121) })))).toMatchObject({ status: 409, message: 'Cannot exceed quota for GroupPolicySize: 5120' });
  });

  it('ten managed policies per user', async () => {
    const iam = await iamFor(ML);
    // ci-bot already has AmazonBedrockFullAccess: nine more reach the quota, the next is refused.
    const names = readdirSync(path.resolve('demo/aws-managed-policies')).map((file) => file.replace(/\.json$/, '')).filter((name) => name !== 'AmazonBedrockFullAccess');
    for (const name of names.slice(0, 9)) await iam.send(new AttachUserPolicyCommand({ UserName: 'ci-bot', PolicyArn: `arn:aws:iam::aws:policy/${name}` }));
    // Attaching one already attached changes nothing and is not refused.
    await iam.send(new AttachUserPolicyCommand({ UserName: 'ci-bot', PolicyArn: `arn:aws:iam::aws:policy/${names[0]}` }));
    expect(await errorOf(iam.send(new AttachUserPolicyCommand({ UserName: 'ci-bot', PolicyArn: `arn:aws:iam::aws:policy/${names[9]}` })))).toEqual({ name: 'LimitExceededException', status: 409, message: 'Cannot exceed quota for PoliciesPerUser: 10' });
  });

  it('five versions per managed policy; the default version cannot be deleted', async () => {
    const iam = await iamFor(ML);
    const PolicyArn = `arn:aws:iam::${ML}:policy/developer-boundary`;
    for (let index = 0; index < 4; index += 1) await iam.send(new CreatePolicyVersionCommand({ PolicyArn, PolicyDocument: INVOKE }));
    expect(await errorOf(iam.send(new CreatePolicyVersionCommand({ PolicyArn, PolicyDocument: INVOKE })))).toMatchObject({ name: 'LimitExceededException', status: 409, message: 'Cannot exceed quota for PolicyVersionsPerPolicy: 5' });
    expect(await errorOf(iam.send(new DeletePolicyVersionCommand({ PolicyArn, VersionId: 'v1' })))).toMatchObject({ name: 'DeleteConflictException', status: 409, message: 'Cannot delete the default version of a policy.' });
  });
});

describe('documents: MalformedPolicyDocument (400)', () => {
  it.each([
    ['not JSON', '{"Version":"2012-10-17",', 'Syntax errors in policy.'],
    ['no Statement', JSON.stringify({ Version: '2012-10-17' }), 'Syntax errors in policy.'],
    ['an empty Statement list', JSON.stringify({ Version: '2012-10-17', Statement: [] }), 'Syntax errors in policy.'],
    ['a bad Effect', document({ Effect: 'Permit', Action: 'bedrock:InvokeModel', Resource: '*' }), 'Syntax errors in policy.'],
    ['an unknown top-level key', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }], Comment: 'x' }), 'Syntax errors in policy.'],
    ['a Principal in an identity policy', document({ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' }), 'Policy document should not specify a principal.'],
    ['no Resource', document({ Effect: 'Deny', Action: 'bedrock:*' }), 'Policy statement must contain resources.'],
    ['no Action', document({ Effect: 'Deny', Resource: '*' }), 'Policy statement must contain actions.'],
  ])('%s', async (_label, policyDocument, message) => {
    const iam = await iamFor(ML);
    expect(await errorOf(iam.send(new PutUserPolicyCommand({ UserName: 'ml-dev', PolicyName: 'p', PolicyDocument: policyDocument })))).toEqual({ name: 'MalformedPolicyDocumentException', status: 400, message });
  });
});

describe('names and conflicts', () => {
  it('names outside [\\w+=,.@-] answer ValidationError (400) before any lookup', async () => {
    const iam = await iamFor(ML);
    expect(await errorOf(iam.send(new PutUserPolicyCommand({ UserName: 'ml-dev', PolicyName: 'bad name', PolicyDocument: INVOKE })))).toMatchObject({ name: 'ValidationError', status: 400, message: expect.stringContaining("Value 'bad name' at 'policyName' failed to satisfy constraint") });
    expect(await errorOf(iam.send(new DeleteRolePolicyCommand({ RoleName: 'ml|pipeline', PolicyName: 'x' })))).toMatchObject({ name: 'ValidationError', status: 400 });
  });

  it('DeleteConflict (409) for an attached policy and a role that still has policies', async () => {
    const iam = await iamFor(ML);
    expect(await errorOf(iam.send(new DeletePolicyCommand({ PolicyArn: `arn:aws:iam::${ML}:policy/bedrock-invoke-approved` })))).toEqual({ name: 'DeleteConflictException', status: 409, message: 'Cannot delete a policy attached to entities.' });
    expect(await errorOf(iam.send(new DeleteRoleCommand({ RoleName: 'ml-pipeline' })))).toMatchObject({ name: 'DeleteConflictException', status: 409 });
  });
});

describe('credential report and sessions', () => {
  it('the report goes STARTED, INPROGRESS, COMPLETE and expires after four hours (ReportExpired 410)', async () => {
    const iam = await iamFor('333333333333');
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe('STARTED');
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe('INPROGRESS');
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe('COMPLETE');
    await iam.send(new GetCredentialReportCommand({}));
    const later = Date.now() + 4 * 60 * 60 * 1000 + 1000;
    aws.state.now = () => later;
    const fresh = new IAMClient({ ...config(), credentials: await assumed('333333333333') });
    expect(await errorOf(fresh.send(new GetCredentialReportCommand({})))).toMatchObject({ name: 'CredentialReportExpiredException', status: 410 });
    expect((await fresh.send(new GenerateCredentialReportCommand({}))).State).toBe('STARTED');
  });

  it('a session past its Expiration answers ExpiredToken (403); role chaining is limited to one hour', async () => {
    const credentials = await assumed(ML, 900);
    const iam = new IAMClient({ ...config(), credentials });
    await iam.send(new GetUserCommand({ UserName: 'ml-dev' }));
    const later = Date.now() + 901_000;
    aws.state.now = () => later;
    expect(await errorOf(iam.send(new GetUserCommand({ UserName: 'ml-dev' })))).toEqual({ name: 'ExpiredToken', status: 403, message: 'The security token included in the request is expired' });
    aws.state.now = Date.now;
    const chained = new STSClient({ ...config(), credentials: await assumed(ML) });
    expect(await errorOf(chained.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ML}:role/bedrock-access-review-scanner`, RoleSessionName: 'chained', DurationSeconds: 7200 })))).toMatchObject({
      name: 'ValidationError',
      status: 400,
      message: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    });
  });
});

describe('Organizations: the model’s HTTP statuses', () => {
  it('AccessDeniedException 403 from a member account, PolicyNotFoundException 404, throttling 429', async () => {
    const member = new OrganizationsClient({ ...config(), credentials: await assumed(ML) });
    expect(await errorOf(member.send(new ListRootsCommand({})))).toMatchObject({ name: 'AccessDeniedException', status: 403 });
    const organizations = new OrganizationsClient({ ...config(), credentials: BASE });
    expect(await errorOf(organizations.send(new DescribePolicyCommand({ PolicyId: 'p-0000000000' })))).toMatchObject({ name: 'PolicyNotFoundException', status: 404 });
    aws.setFaults({ throttleEveryNthCall: 1 });
    expect(await errorOf(organizations.send(new ListRootsCommand({})))).toMatchObject({ name: 'TooManyRequestsException', status: 429 });
  });
});
