import { describe, expect, it } from 'vitest';
import { linkPeopleToRoles } from '../../people/link-roles';
import { DEVELOPER, INSTANCE } from '../../people/test-support/identity-center-ids';
import type { IdentityCenterDirectory } from '../../people/types';
import { refuseIamWrite } from './iam-refusal';
import { IdentityCenterPlanError, inlinePolicyWithDeny, planAssignmentRevocation, planPermissionSetRevocation, permissionSetDenySid } from './plan-identity-center-revocation';
import { renderIdentityCenterScript } from './render-identity-center-script';

const DATA = 'arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-2b3c4d5e6f7a8b9c';

const directory: IdentityCenterDirectory = {
  instanceArn: INSTANCE,
  identityStoreId: 'd-9067a1b2c3',
  users: [
    { userId: 'u-jane', userName: 'jane', displayName: 'Jane', email: null, externalId: null },
    { userId: 'u-raj', userName: 'raj', displayName: 'Raj', email: null, externalId: null },
  ],
  groups: [{ groupId: 'g-dev', displayName: 'Developers', description: null }],
  memberships: [
    { membershipId: 'm-jane', groupId: 'g-dev', userId: 'u-jane' },
    { membershipId: 'm-raj', groupId: 'g-dev', userId: 'u-raj' },
  ],
  permissionSets: [
    { arn: DEVELOPER, name: 'BedrockDeveloper', description: null, sessionDuration: null, inlinePolicy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}', managedPolicies: [{ name: 'AmazonBedrockFullAccess', arn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess' }], customerManagedPolicies: [], permissionsBoundary: null },
    { arn: DATA, name: 'DataScientist', description: null, sessionDuration: null, inlinePolicy: null, managedPolicies: [{ name: 'PowerUserAccess', arn: 'arn:aws:iam::aws:policy/PowerUserAccess' }], customerManagedPolicies: [], permissionsBoundary: null },
  ],
  assignments: [
    { accountId: '111122223333', permissionSetArn: DEVELOPER, principalType: 'GROUP', principalId: 'g-dev' },
    { accountId: '444455556666', permissionSetArn: DATA, principalType: 'GROUP', principalId: 'g-dev' },
    { accountId: '111122223333', permissionSetArn: DEVELOPER, principalType: 'USER', principalId: 'u-raj' },
  ],
};
const model = linkPeopleToRoles(directory, []);
const group = { kind: 'group' as const, groupId: 'g-dev', groupName: 'Developers' };

describe('planAssignmentRevocation', () => {
  it('removes a person from the group, names what else they lose and who keeps access, and can put them back', () => {
    const plan = planAssignmentRevocation(directory, model, { kind: 'assignment', userId: 'u-jane', accountId: '111122223333', permissionSetArn: DEVELOPER, via: group });
    expect(plan.kind).toBe('remove-from-group');
    expect(plan.calls).toEqual([{ service: 'identitystore', action: 'DeleteGroupMembership', input: { IdentityStoreId: 'd-9067a1b2c3', MembershipId: 'm-jane' } }]);
    expect(plan.rollbackCalls).toEqual([{ service: 'identitystore', action: 'CreateGroupMembership', input: { IdentityStoreId: 'd-9067a1b2c3', GroupId: 'g-dev', MemberId: { UserId: 'u-jane' } } }]);
    expect(plan.losing).toEqual([{ userId: 'u-jane', userName: 'jane', via: 'group:Developers', accountIds: ['111122223333', '444455556666'] }]);
    expect(plan.keeping.map((person) => person.userName)).toEqual(['raj']);
    expect(plan.notes.join(' ')).toContain('also loses, through Developers: DataScientist in 444455556666');
  });

  it('deletes a direct assignment and polls the deletion; says when the person keeps it through a group', () => {
    const plan = planAssignmentRevocation(directory, model, { kind: 'assignment', userId: 'u-raj', accountId: '111122223333', permissionSetArn: DEVELOPER, via: { kind: 'direct' } });
    expect(plan.kind).toBe('delete-assignment');
    expect(plan.calls.map((call) => call.action)).toEqual(['DeleteAccountAssignment', 'DescribeAccountAssignmentDeletionStatus']);
    expect(plan.calls[0].input).toEqual({ InstanceArn: INSTANCE, TargetId: '111122223333', TargetType: 'AWS_ACCOUNT', PermissionSetArn: DEVELOPER, PrincipalType: 'USER', PrincipalId: 'u-raj' });
    expect(plan.rollbackCalls[0]).toMatchObject({ action: 'CreateAccountAssignment', input: plan.calls[0].input });
    expect(plan.keeping.map((person) => `${person.userName} ${person.via}`)).toEqual(['jane group:Developers']);
    expect(plan.notes.join(' ')).toContain('raj keeps BedrockDeveloper in 111122223333 through group:Developers');
  });

  it('refuses an assignment that is not there any more', () => {
    expect(() => planAssignmentRevocation(directory, model, { kind: 'assignment', userId: 'u-jane', accountId: '111122223333', permissionSetArn: DEVELOPER, via: { kind: 'direct' } })).toThrow(IdentityCenterPlanError);
  });
});

describe('planPermissionSetRevocation', () => {
  it('detaches a Bedrock-only managed policy from the set and provisions it to every account, listing everyone it reaches', () => {
    const plan = planPermissionSetRevocation(directory, model, { kind: 'permission-set', permissionSetArn: DEVELOPER, actions: ['bedrock:InvokeModel'], managedPolicyArn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess', isManagedPolicyBedrockScoped: true, provisionedAccountIds: ['111122223333'] });
    expect(plan.kind).toBe('permission-set-detach');
    expect(plan.calls.map((call) => call.action)).toEqual(['DetachManagedPolicyFromPermissionSet', 'ProvisionPermissionSet', 'DescribePermissionSetProvisioningStatus']);
    expect(plan.calls[1].input).toMatchObject({ TargetType: 'ALL_PROVISIONED_ACCOUNTS' });
    expect(plan.rollbackCalls.map((call) => call.action)).toEqual(['AttachManagedPolicyToPermissionSet', 'ProvisionPermissionSet']);
    expect(plan.losing.map((person) => `${person.userName}: ${person.via}`)).toEqual(['jane: group:Developers', 'raj: direct, group:Developers']);
  });

  it('adds an explicit deny to the inline policy when the granting policy grants more than Bedrock, and restores the old inline policy on rollback', () => {
    const plan = planPermissionSetRevocation(directory, model, { kind: 'permission-set', permissionSetArn: DATA, actions: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'], managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess', isManagedPolicyBedrockScoped: false, provisionedAccountIds: ['444455556666'] });
    expect(plan.kind).toBe('permission-set-deny');
    const document = JSON.parse(String(plan.calls[0].input.InlinePolicy)) as { Statement: Array<{ Effect: string; Action: string[] }> };
    expect(document.Statement).toEqual([{ Sid: permissionSetDenySid(DATA, ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream']), Effect: 'Deny', Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'], Resource: '*' }]);
    expect(plan.rollbackCalls[0]).toMatchObject({ action: 'DeleteInlinePolicyFromPermissionSet' });
  });

  it('merges the deny into an existing inline policy, once however often it is planned', () => {
    const once = inlinePolicyWithDeny(directory.permissionSets[0].inlinePolicy, DEVELOPER, ['bedrock:InvokeModel']);
    const twice = inlinePolicyWithDeny(once, DEVELOPER, ['bedrock:InvokeModel']);
    expect(twice).toBe(once);
    expect((JSON.parse(once) as { Statement: unknown[] }).Statement).toHaveLength(2);
  });
});

describe('refuseIamWrite', () => {
  it('refuses AWSReservedSSO_* and service-linked roles with a reason, and lets other roles through', () => {
    expect(refuseIamWrite({ name: 'AWSReservedSSO_BedrockDeveloper_0123456789abcdef', path: '/aws-reserved/sso.amazonaws.com/eu-west-1/' })?.kind).toBe('identity-center');
    expect(refuseIamWrite({ name: 'AWSServiceRoleForAmazonBedrock', path: '/aws-service-role/bedrock.amazonaws.com/' })?.reason).toMatch(/service-linked/);
    expect(refuseIamWrite({ name: 'ml-pipeline', path: '/' })).toBeNull();
  });
});

describe('renderIdentityCenterScript', () => {
  it('writes aws identitystore / sso-admin commands, polls asynchronous requests, and keeps the rollback as comments', () => {
    const plan = planAssignmentRevocation(directory, model, { kind: 'assignment', userId: 'u-raj', accountId: '111122223333', permissionSetArn: DEVELOPER, via: { kind: 'direct' } });
    const script = renderIdentityCenterScript(plan, 'Revocation #7');
    expect(script).toContain(`request_0="$(aws sso-admin delete-account-assignment --instance-arn '${INSTANCE}' --target-id '111122223333' --target-type 'AWS_ACCOUNT' --permission-set-arn '${DEVELOPER}' --principal-type 'USER' --principal-id 'u-raj' --query 'AccountAssignmentDeletionStatus.RequestId' --output text)"`);
    expect(script).toContain(`aws sso-admin describe-account-assignment-deletion-status --instance-arn '${INSTANCE}' --account-assignment-deletion-request-id "$request_0"`);
    expect(script).toContain('#   request_0="$(aws sso-admin create-account-assignment');
    const group = renderIdentityCenterScript(planAssignmentRevocation(directory, model, { kind: 'assignment', userId: 'u-jane', accountId: '111122223333', permissionSetArn: DEVELOPER, via: { kind: 'group', groupId: 'g-dev', groupName: 'Developers' } }), 'x');
    expect(group).toContain("aws identitystore delete-group-membership --identity-store-id 'd-9067a1b2c3' --membership-id 'm-jane'");
    expect(group).toContain("#   aws identitystore create-group-membership --identity-store-id 'd-9067a1b2c3' --group-id 'g-dev' --member-id 'UserId=u-jane'");
  });
});
