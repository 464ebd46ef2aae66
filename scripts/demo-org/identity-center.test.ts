import { describe, expect, it } from 'vitest';
import { linkPeopleToRoles, type SsoRoleInput } from '../../lib/people/link-roles';
import { mapIdentityCenter } from '../../scanners/map/map-identity-center';
import { parsePermissionSetName } from '../../scanners/map/map-authorization-details';
import { generateOrganization } from './generate-organization';
import { generateIdentityCenter } from './identity-center';

const accounts = [...generateOrganization()];
const file = generateIdentityCenter(accounts);
const { directory, problems } = mapIdentityCenter(file.IdentityCenter);
const roles: SsoRoleInput[] = accounts.flatMap((account) =>
  account.authorizationDetails.RoleDetailList.map((role) => ({
    arn: role.Arn,
    accountId: account.accountId,
    name: role.RoleName,
    permissionSetName: parsePermissionSetName(role.RoleName, role.Path),
    attachedManagedPolicyArns: (role.AttachedManagedPolicies ?? []).map((policy) => policy.PolicyArn),
    inlinePolicies: (role.RolePolicyList ?? []).map((policy) => ({ name: policy.PolicyName, document: policy.PolicyDocument })),
    permissionsBoundaryArn: role.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
  })),
);

describe('the demo Identity Center', () => {
  if (!directory) throw new Error(problems.join('; '));
  const model = linkPeopleToRoles(directory, roles);

  it('is valid, links every SSO role without drift and names about 40 people', () => {
    expect(problems).toEqual([]);
    expect(model.warnings).toEqual([]);
    expect(directory.users).toHaveLength(40);
    expect(model.roleLinks.length).toBe(roles.filter((role) => role.permissionSetName !== null).length);
    expect(model.roleLinks.every((link) => link.permissionSetArn !== null && link.drift.length === 0)).toBe(true);
  });

  it('has people in several groups, direct assignments, and exactly one person in 6 accounts (the most)', () => {
    const groupsByUser = new Map<string, number>();
    for (const membership of directory.memberships) groupsByUser.set(membership.userId, (groupsByUser.get(membership.userId) ?? 0) + 1);
    expect([...groupsByUser.values()].filter((count) => count > 1).length).toBeGreaterThanOrEqual(5);
    expect(model.personAssignments.filter((assignment) => assignment.via.kind === 'direct').length).toBeGreaterThanOrEqual(5);
    const accountsByUser = new Map<string, Set<string>>();
    for (const assignment of model.personAssignments) accountsByUser.set(assignment.userId, (accountsByUser.get(assignment.userId) ?? new Set()).add(assignment.accountId));
    const counts = [...accountsByUser.values()].map((set) => set.size);
    expect(counts.filter((count) => count === 6)).toHaveLength(1);
    expect(Math.max(...counts)).toBe(6);
  });

  it('has one group with an assignment and no members, and a permission set provisioned where nobody is assigned', () => {
    expect(model.emptyGroupAssignments.map((assignment) => assignment.groupName)).toEqual(['LegacyContractors']);
    expect(model.unassignedProvisionedRoles.map((role) => `${role.permissionSetName}@${role.accountId}`)).toEqual(['PowerUserAccess@752930184726', 'AdministratorAccess@974102938475']);
  });
});
