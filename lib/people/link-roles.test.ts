import { describe, expect, it } from 'vitest';
import { linkPeopleToRoles, type SsoRoleInput } from './link-roles';
import type { IdentityCenterDirectory, PermissionSet } from './types';
import { DEVELOPER, INSTANCE } from './test-support/identity-center-ids';

const INLINE = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"bedrock:InvokeModel","Resource":"*"}]}';

const developer: PermissionSet = {
  arn: DEVELOPER,
  name: 'BedrockDeveloper',
  description: null,
  sessionDuration: 'PT8H',
  inlinePolicy: INLINE,
  managedPolicies: [{ name: 'AmazonBedrockReadOnly', arn: 'arn:aws:iam::aws:policy/AmazonBedrockReadOnly' }],
  customerManagedPolicies: [{ name: 'guardrail-invoke', path: '/bedrock/' }],
  permissionsBoundary: null,
};

function directory(overrides: Partial<IdentityCenterDirectory> = {}): IdentityCenterDirectory {
  return {
    instanceArn: INSTANCE,
    identityStoreId: 'd-9067a1b2c3',
    users: [
      { userId: 'u-jane', userName: 'jane', displayName: 'Jane Doe', email: 'jane@example.com', externalId: null },
      { userId: 'u-raj', userName: 'raj', displayName: 'Raj Kumar', email: 'raj@example.com', externalId: null },
    ],
    groups: [
      { groupId: 'g-dev', displayName: 'Developers', description: null },
      { groupId: 'g-empty', displayName: 'Contractors', description: null },
    ],
    memberships: [
      { membershipId: 'm1', groupId: 'g-dev', userId: 'u-jane' },
      { membershipId: 'm2', groupId: 'g-dev', userId: 'u-raj' },
    ],
    permissionSets: [developer],
    assignments: [
      { accountId: '111122223333', permissionSetArn: DEVELOPER, principalType: 'GROUP', principalId: 'g-dev' },
      { accountId: '111122223333', permissionSetArn: DEVELOPER, principalType: 'USER', principalId: 'u-jane' },
    ],
    ...overrides,
  };
}

function role(accountId: string, overrides: Partial<SsoRoleInput> = {}): SsoRoleInput {
  return {
    arn: `arn:aws:iam::${accountId}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_BedrockDeveloper_0123456789abcdef`,
    accountId,
    name: 'AWSReservedSSO_BedrockDeveloper_0123456789abcdef',
    permissionSetName: 'BedrockDeveloper',
    attachedManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonBedrockReadOnly', `arn:aws:iam::${accountId}:policy/bedrock/guardrail-invoke`],
    // IAM returns documents URL-encoded, with its own key order.
    inlinePolicies: [{ name: 'AwsSSOInlinePolicy', document: encodeURIComponent('{"Statement":[{"Resource":"*","Action":"bedrock:InvokeModel","Effect":"Allow"}],"Version":"2012-10-17"}') }],
    permissionsBoundaryArn: null,
    ...overrides,
  };
}

describe('linkPeopleToRoles', () => {
  it('puts every person behind the role, once per way they reach it (direct and through a group)', () => {
    const model = linkPeopleToRoles(directory(), [role('111122223333')]);
    expect(model.roleLinks).toEqual([{ roleArn: role('111122223333').arn, accountId: '111122223333', permissionSetName: 'BedrockDeveloper', permissionSetArn: DEVELOPER, drift: [] }]);
    expect(model.personAssignments.map((assignment) => [assignment.userId, assignment.via.kind === 'group' ? assignment.via.groupName : 'direct', assignment.roleArn])).toEqual([
      ['u-jane', 'Developers', role('111122223333').arn],
      ['u-raj', 'Developers', role('111122223333').arn],
      ['u-jane', 'direct', role('111122223333').arn],
    ]);
    expect(model.warnings).toEqual([]);
  });

  it('marks a role whose permission set is not in the instance as unlinked, with a warning', () => {
    const model = linkPeopleToRoles(directory(), [role('111122223333', { permissionSetName: 'DeletedSet' })]);
    expect(model.roleLinks[0]).toMatchObject({ permissionSetArn: null, permissionSetName: 'DeletedSet' });
    expect(model.warnings[0]).toMatch(/no permission set named DeletedSet .* unlinked/);
  });

  it('reports drift between the permission set and the role, item by item', () => {
    const drifted = role('111122223333', {
      attachedManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonBedrockFullAccess', 'arn:aws:iam::111122223333:policy/bedrock/guardrail-invoke'],
      inlinePolicies: [{ name: 'AwsSSOInlinePolicy', document: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"bedrock:*","Resource":"*"}]}' }],
      permissionsBoundaryArn: 'arn:aws:iam::aws:policy/AmazonBedrockReadOnly',
    });
    expect(linkPeopleToRoles(directory(), [drifted]).roleLinks[0].drift).toEqual([
      'the permission set attaches arn:aws:iam::aws:policy/AmazonBedrockReadOnly, the role does not have it',
      'the role has arn:aws:iam::aws:policy/AmazonBedrockFullAccess attached, the permission set does not',
      "the role's AwsSSOInlinePolicy differs from the permission set's inline policy",
      'permissions boundary: the permission set says none, the role has arn:aws:iam::aws:policy/AmazonBedrockReadOnly',
    ]);
  });

  it('finds assignments to empty groups and roles nobody is assigned any more', () => {
    const model = linkPeopleToRoles(
      directory({ assignments: [{ accountId: '444455556666', permissionSetArn: DEVELOPER, principalType: 'GROUP', principalId: 'g-empty' }] }),
      [role('444455556666'), role('111122223333')],
    );
    expect(model.emptyGroupAssignments).toEqual([{ accountId: '444455556666', permissionSetArn: DEVELOPER, principalType: 'GROUP', principalId: 'g-empty', groupName: 'Contractors' }]);
    expect(model.unassignedProvisionedRoles.map((entry) => entry.accountId)).toEqual(['444455556666', '111122223333']);
    expect(model.personAssignments).toEqual([]);
  });

  it('keeps an assignment whose account has no such role, with no role, and warns about dangling ids', () => {
    const model = linkPeopleToRoles(
      directory({
        assignments: [
          { accountId: '999988887777', permissionSetArn: DEVELOPER, principalType: 'USER', principalId: 'u-raj' },
          { accountId: '999988887777', permissionSetArn: DEVELOPER, principalType: 'USER', principalId: 'u-gone' },
        ],
        memberships: [{ membershipId: 'm9', groupId: 'g-dev', userId: 'u-gone' }],
      }),
      [],
    );
    expect(model.personAssignments).toEqual([{ userId: 'u-raj', accountId: '999988887777', permissionSetArn: DEVELOPER, permissionSetName: 'BedrockDeveloper', via: { kind: 'direct' }, roleArn: null }]);
    expect(model.warnings).toHaveLength(2);
    expect(model.warnings.join('\n')).toContain('u-gone');
  });
});
