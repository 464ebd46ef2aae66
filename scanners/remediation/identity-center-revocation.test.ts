import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateGroupMembershipCommand } from '@aws-sdk/client-identitystore';
import { linkPeopleToRoles } from '../../lib/people/link-roles';
import type { IdentityCenterDirectory } from '../../lib/people/types';
import { planAssignmentRevocation, planPermissionSetRevocation } from '../../lib/revocations/identity-center/plan-identity-center-revocation';
import { createIdentitystoreClient, createSsoAdminClient } from '../live/aws-clients';
import { fetchIdentityCenter } from '../live/fetch-identity-center';
import { startLocalAws, type LocalAwsHandle } from '../local-aws/start-local-aws';
import { mapIdentityCenter } from '../map/map-identity-center';
import { executeIdentityCenterCalls } from './execute-identity-center-plan';

const DEMO = path.join(process.cwd(), 'demo', 'org');
let aws: LocalAwsHandle;
let clients: { ssoAdmin: ReturnType<typeof createSsoAdminClient>; identityStore: ReturnType<typeof createIdentitystoreClient> };

beforeAll(async () => {
  aws = await startLocalAws({ dataDir: DEMO, port: 0, baseIdentityArn: 'arn:aws:iam::318274650192:role/access-review-scanner' });
  const settings = { region: 'us-east-1', retry: { maxAttempts: 3, baseDelayMs: 2, throttlingBaseDelayMs: 5, maxDelayMs: 20 }, endpointOverrides: { ssoAdmin: aws.url, identitystore: aws.url } };
  const credentials = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' };
  clients = { ssoAdmin: createSsoAdminClient(settings, 'us-east-1', credentials), identityStore: createIdentitystoreClient(settings, 'us-east-1', credentials) };
});
afterAll(async () => aws.stop());

/** Identity Center as a re-read sees it now. */
async function read(): Promise<IdentityCenterDirectory> {
  const { directory } = mapIdentityCenter(await fetchIdentityCenter(clients.ssoAdmin, clients.identityStore));
  if (!directory) throw new Error('unreadable');
  return directory;
}

const userId = (directory: IdentityCenterDirectory, userName: string) => directory.users.find((user) => user.userName === userName)?.userId ?? '';
const setArn = (directory: IdentityCenterDirectory, name: string) => directory.permissionSets.find((set) => set.name === name)?.arn ?? '';
const reaches = (directory: IdentityCenterDirectory, user: string, accountId: string, set: string) =>
  linkPeopleToRoles(directory, []).personAssignments.some((assignment) => assignment.userId === userId(directory, user) && assignment.accountId === accountId && assignment.permissionSetName === set);

describe('Identity Center revocations executed against the local endpoint', () => {
  it('removes a person from a group, verifies by re-reading, is idempotent, and rolls back', async () => {
    const before = await read();
    const group = before.groups.find((candidate) => candidate.displayName === 'GenAIProdSupport');
    const plan = planAssignmentRevocation(before, linkPeopleToRoles(before, []), {
      kind: 'assignment',
      userId: userId(before, 'kenji.mori@northwind.example'),
      accountId: '641829374651',
      permissionSetArn: setArn(before, 'BedrockDeveloper'),
      via: { kind: 'group', groupId: group?.groupId ?? '', groupName: 'GenAIProdSupport' },
    });
    expect((await executeIdentityCenterCalls(clients, plan.calls)).map((outcome) => outcome.status)).toEqual(['succeeded']);
    const after = await read();
    expect(reaches(after, 'kenji.mori@northwind.example', '641829374651', 'BedrockDeveloper')).toBe(false);
    expect(reaches(after, 'sofia@example.com', '641829374651', 'BedrockDeveloper')).toBe(true);
    // Running it again changes nothing: the membership is already gone.
    expect((await executeIdentityCenterCalls(clients, plan.calls)).map((outcome) => outcome.status)).toEqual(['already-done']);
    expect((await executeIdentityCenterCalls(clients, plan.rollbackCalls)).map((outcome) => outcome.status)).toEqual(['succeeded']);
    expect(reaches(await read(), 'kenji.mori@northwind.example', '641829374651', 'BedrockDeveloper')).toBe(true);
    // The identity store's own error for a membership that exists.
    await expect(clients.identityStore.send(new CreateGroupMembershipCommand({ IdentityStoreId: before.identityStoreId, GroupId: group?.groupId ?? '', MemberId: { UserId: userId(before, 'kenji.mori@northwind.example') } }))).rejects.toMatchObject({ name: 'ConflictException' });
  });

  it('deletes a direct assignment, polls the deletion, and recreates it on rollback', async () => {
    const before = await read();
    const plan = planAssignmentRevocation(before, linkPeopleToRoles(before, []), { kind: 'assignment', userId: userId(before, 'omar.haddad@northwind.example'), accountId: '539182736450', permissionSetArn: setArn(before, 'AdministratorAccess'), via: { kind: 'direct' } });
    const outcomes = await executeIdentityCenterCalls(clients, plan.calls, { pollIntervalMs: 5 });
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['succeeded', 'succeeded']);
    expect(outcomes[0].requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(reaches(await read(), 'omar.haddad@northwind.example', '539182736450', 'AdministratorAccess')).toBe(false);
    expect((await executeIdentityCenterCalls(clients, plan.calls, { pollIntervalMs: 5 })).map((outcome) => outcome.status)).toEqual(['already-done', 'already-done']);
    expect((await executeIdentityCenterCalls(clients, plan.rollbackCalls, { pollIntervalMs: 5 })).map((outcome) => outcome.status)).toEqual(['succeeded', 'succeeded']);
    expect(reaches(await read(), 'omar.haddad@northwind.example', '539182736450', 'AdministratorAccess')).toBe(true);
  });

  it('adds a deny to a permission set and provisions it onto the role in every account, then restores it', async () => {
    const before = await read();
    const plan = planPermissionSetRevocation(before, linkPeopleToRoles(before, []), {
      kind: 'permission-set',
      permissionSetArn: setArn(before, 'BedrockDeveloper'),
      actions: ['bedrock:CreateModelCustomizationJob'],
      managedPolicyArn: 'arn:aws:iam::aws:policy/AmazonBedrockLimitedAccess',
      isManagedPolicyBedrockScoped: false,
      provisionedAccountIds: ['539182736450', '641829374651', '752930184726', '863019283746'],
    });
    expect(plan.kind).toBe('permission-set-deny');
    expect((await executeIdentityCenterCalls(clients, plan.calls, { pollIntervalMs: 5 })).map((outcome) => outcome.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    const roleOf = (accountId: string) => aws.state.account(accountId).details.RoleDetailList.find((role) => role.RoleName.startsWith('AWSReservedSSO_BedrockDeveloper_'));
    for (const accountId of plan.accountIds) {
      const inline = roleOf(accountId)?.RolePolicyList?.find((policy) => policy.PolicyName === 'AwsSSOInlinePolicy');
      expect(decodeURIComponent(String(inline?.PolicyDocument))).toContain('"Effect":"Deny"');
    }
    expect((await executeIdentityCenterCalls(clients, plan.rollbackCalls, { pollIntervalMs: 5 })).map((outcome) => outcome.status)).toEqual(['succeeded', 'succeeded']);
    expect(roleOf('641829374651')?.RolePolicyList).toEqual([]);
    expect((await read()).permissionSets.find((set) => set.name === 'BedrockDeveloper')?.inlinePolicy).toBeNull();
  });
});
