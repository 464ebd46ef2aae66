import type { RawIdentityCenter, RawPermissionSet } from '../raw-identity-center';
import type { CallContext, JsonHandler } from './call-context';
import { AwsApiError } from './errors';
import { identityCenterOf, jsonPage, permissionSet, requiredString } from './identity-center-data';

/**
 * IAM Identity Center admin actions (`sso-admin`, JSON 1.1, `X-Amz-Target: SWBExternalService.<Action>`),
 * the read side the scanner calls. Where a permission set is provisioned is what IAM shows: an
 * account that has its `AWSReservedSSO_<Name>_*` role. Timestamps are epoch seconds.
 */

const CREATED = Date.parse('2023-03-01T09:00:00Z') / 1000;

function instance(context: CallContext, input: Record<string, unknown>): RawIdentityCenter {
  const data = identityCenterOf(context);
  const instanceArn = requiredString(input, 'InstanceArn');
  if (instanceArn !== data.InstanceArn) throw new AwsApiError('ResourceNotFoundException', `Instance ${instanceArn} does not exist`, 400);
  return data;
}

/** Accounts whose IAM holds the set's role: where Identity Center provisioned it. */
export function provisionedAccountIds(context: CallContext, set: RawPermissionSet): string[] {
  const prefix = `AWSReservedSSO_${set.Name}_`;
  const accountIds: string[] = [];
  for (const [accountId, account] of context.state.accounts) {
    const hasRole = account.details.RoleDetailList.some((role) => role.RoleName.startsWith(prefix) && role.Path.startsWith('/aws-reserved/sso.amazonaws.com/') && /^[0-9a-f]{16}$/.test(role.RoleName.slice(prefix.length)));
    if (hasRole) accountIds.push(accountId);
  }
  return accountIds.sort();
}

/** The read actions of sso-admin, by action name. */
export const ssoAdminReadHandlers: Record<string, JsonHandler> = {
  ListInstances: (context, input) => {
    const data = identityCenterOf(context);
    const page = jsonPage(input, [data], 10);
    return {
      Instances: page.items.map((item) => ({ InstanceArn: item.InstanceArn, IdentityStoreId: item.IdentityStoreId, OwnerAccountId: context.state.managementAccountId, Name: 'northwind', Status: 'ACTIVE', CreatedDate: CREATED })),
      ...(page.NextToken ? { NextToken: page.NextToken } : {}),
    };
  },
  ListPermissionSets: (context, input) => {
    const data = instance(context, input);
    const page = jsonPage(input, data.PermissionSets, 100);
    return { PermissionSets: page.items.map((set) => set.PermissionSetArn), ...(page.NextToken ? { NextToken: page.NextToken } : {}) };
  },
  DescribePermissionSet: (context, input) => {
    const set = permissionSet(instance(context, input), input);
    return {
      PermissionSet: {
        Name: set.Name,
        PermissionSetArn: set.PermissionSetArn,
        ...(set.Description !== undefined ? { Description: set.Description } : {}),
        CreatedDate: CREATED,
        SessionDuration: set.SessionDuration ?? 'PT1H',
      },
    };
  },
  GetInlinePolicyForPermissionSet: (context, input) => ({ InlinePolicy: permissionSet(instance(context, input), input).InlinePolicy }),
  ListManagedPoliciesInPermissionSet: (context, input) => {
    const page = jsonPage(input, permissionSet(instance(context, input), input).AttachedManagedPolicies, 100);
    return { AttachedManagedPolicies: page.items, ...(page.NextToken ? { NextToken: page.NextToken } : {}) };
  },
  ListCustomerManagedPolicyReferencesInPermissionSet: (context, input) => {
    const page = jsonPage(input, permissionSet(instance(context, input), input).CustomerManagedPolicyReferences, 100);
    return { CustomerManagedPolicyReferences: page.items, ...(page.NextToken ? { NextToken: page.NextToken } : {}) };
  },
  GetPermissionsBoundaryForPermissionSet: (context, input) => {
    const set = permissionSet(instance(context, input), input);
    if (!set.PermissionsBoundary) throw new AwsApiError('ResourceNotFoundException', 'Policy does not exist', 400);
    return { PermissionsBoundary: set.PermissionsBoundary };
  },
  ListAccountsForProvisionedPermissionSet: (context, input) => {
    const set = permissionSet(instance(context, input), input);
    const page = jsonPage(input, provisionedAccountIds(context, set), 100);
    return { AccountIds: page.items, ...(page.NextToken ? { NextToken: page.NextToken } : {}) };
  },
  ListAccountAssignments: (context, input) => {
    const data = instance(context, input);
    const accountId = requiredString(input, 'AccountId');
    const set = permissionSet(data, input);
    const page = jsonPage(
      input,
      data.AccountAssignments.filter((assignment) => assignment.AccountId === accountId && assignment.PermissionSetArn === set.PermissionSetArn),
      100,
    );
    return { AccountAssignments: page.items, ...(page.NextToken ? { NextToken: page.NextToken } : {}) };
  },
};
