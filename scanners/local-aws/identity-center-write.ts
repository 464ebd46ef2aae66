import { createHash, randomUUID } from 'node:crypto';
import type { RawAccountAssignment, RawIdentityCenter, RawPermissionSet } from '../raw-identity-center';
import type { CallContext, JsonHandler } from './call-context';
import { AwsApiError } from './errors';
import { identityCenterOf, permissionSet, requiredString } from './identity-center-data';
import { provisionedAccountIds } from './sso-admin';

/**
 * The Identity Center writes that revocations use (and their rollbacks), so an assignment or a
 * permission set can be revoked for real against the endpoint. Asynchronous AWS operations
 * (account assignment creation/deletion, provisioning) complete at once here; their status calls
 * answer SUCCEEDED. ProvisionPermissionSet rewrites the set's `AWSReservedSSO_*` role in each
 * provisioned account from the set's policies, as Identity Center does, so a re-scan shows it.
 * Errors follow the services: ResourceNotFoundException, ConflictException, ValidationException.
 */

type RequestStatus = { RequestId: string; Status: 'SUCCEEDED'; CreatedDate: number } & Record<string, unknown>;
const requests = new WeakMap<RawIdentityCenter, Map<string, RequestStatus>>();

function remember(data: RawIdentityCenter, status: Omit<RequestStatus, 'RequestId' | 'Status' | 'CreatedDate'>): RequestStatus {
  const entry: RequestStatus = { RequestId: randomUUID(), Status: 'SUCCEEDED', CreatedDate: Math.floor(Date.now() / 1000), ...status };
  const known = requests.get(data) ?? new Map<string, RequestStatus>();
  known.set(entry.RequestId, entry);
  requests.set(data, known);
  return entry;
}

function recalled(data: RawIdentityCenter, requestId: string): RequestStatus {
  const entry = requests.get(data)?.get(requestId);
  if (!entry) throw new AwsApiError('ResourceNotFoundException', `Request ${requestId} does not exist`, 400);
  return entry;
}

function instance(context: CallContext, input: Record<string, unknown>): RawIdentityCenter {
  const data = identityCenterOf(context);
  if (requiredString(input, 'InstanceArn') !== data.InstanceArn) throw new AwsApiError('ResourceNotFoundException', `Instance ${String(input.InstanceArn)} does not exist`, 400);
  return data;
}

function store(context: CallContext, input: Record<string, unknown>): RawIdentityCenter {
  const data = identityCenterOf(context);
  if (requiredString(input, 'IdentityStoreId') !== data.IdentityStoreId) throw new AwsApiError('ResourceNotFoundException', `IdentityStore ${String(input.IdentityStoreId)} does not exist`, 400);
  return data;
}

function assignmentOf(data: RawIdentityCenter, input: Record<string, unknown>): RawAccountAssignment {
  if (requiredString(input, 'TargetType') !== 'AWS_ACCOUNT') throw new AwsApiError('ValidationException', 'TargetType must be AWS_ACCOUNT', 400);
  const principalType = requiredString(input, 'PrincipalType');
  if (principalType !== 'USER' && principalType !== 'GROUP') throw new AwsApiError('ValidationException', 'PrincipalType must be USER or GROUP', 400);
  const set = permissionSet(data, input);
  const principalId = requiredString(input, 'PrincipalId');
  const known = principalType === 'USER' ? data.Users.some((user) => user.UserId === principalId) : data.Groups.some((group) => group.GroupId === principalId);
  if (!known) throw new AwsApiError('ResourceNotFoundException', `${principalType} ${principalId} does not exist`, 400);
  return { AccountId: requiredString(input, 'TargetId'), PermissionSetArn: set.PermissionSetArn, PrincipalType: principalType, PrincipalId: principalId };
}

function sameAssignment(left: RawAccountAssignment, right: RawAccountAssignment): boolean {
  return left.AccountId === right.AccountId && left.PermissionSetArn === right.PermissionSetArn && left.PrincipalType === right.PrincipalType && left.PrincipalId === right.PrincipalId;
}

/** Identity Center writes the set onto its role in every provisioned account. */
function provision(context: CallContext, set: RawPermissionSet): void {
  const prefix = `AWSReservedSSO_${set.Name}_`;
  for (const accountId of provisionedAccountIds(context, set)) {
    const account = context.state.account(accountId);
    const role = account.details.RoleDetailList.find((candidate) => candidate.RoleName.startsWith(prefix) && candidate.Path.startsWith('/aws-reserved/sso.amazonaws.com/'));
    if (!role) continue;
    const customer = set.CustomerManagedPolicyReferences.map((reference) => ({ PolicyName: reference.Name, PolicyArn: `arn:aws:iam::${accountId}:policy${reference.Path ?? '/'}${reference.Name}` }));
    for (const policy of set.AttachedManagedPolicies) account.attachablePolicy(policy.Arn, context.state.managedPolicyCatalog);
    role.AttachedManagedPolicies = [...set.AttachedManagedPolicies.map((policy) => ({ PolicyName: policy.Name, PolicyArn: policy.Arn })), ...customer];
    role.RolePolicyList = set.InlinePolicy === '' ? [] : [{ PolicyName: 'AwsSSOInlinePolicy', PolicyDocument: encodeURIComponent(set.InlinePolicy) }];
  }
}

function parseInlinePolicy(text: string): void {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return;
  } catch {
    // answered below
  }
  throw new AwsApiError('ValidationException', 'The policy document is not valid JSON.', 400);
}

/** The write actions of sso-admin. */
export const ssoAdminWriteHandlers: Record<string, JsonHandler> = {
  DeleteAccountAssignment: (context, input) => {
    const data = instance(context, input);
    const wanted = assignmentOf(data, input);
    const index = data.AccountAssignments.findIndex((candidate) => sameAssignment(candidate, wanted));
    if (index < 0) throw new AwsApiError('ResourceNotFoundException', 'The specified account assignment does not exist.', 400);
    data.AccountAssignments.splice(index, 1);
    const status = remember(data, { TargetId: wanted.AccountId, TargetType: 'AWS_ACCOUNT', PermissionSetArn: wanted.PermissionSetArn, PrincipalType: wanted.PrincipalType, PrincipalId: wanted.PrincipalId });
    return { AccountAssignmentDeletionStatus: status };
  },
  CreateAccountAssignment: (context, input) => {
    const data = instance(context, input);
    const wanted = assignmentOf(data, input);
    // Creating an assignment that exists succeeds and changes nothing, as in AWS.
    if (!data.AccountAssignments.some((candidate) => sameAssignment(candidate, wanted))) data.AccountAssignments.push(wanted);
    const status = remember(data, { TargetId: wanted.AccountId, TargetType: 'AWS_ACCOUNT', PermissionSetArn: wanted.PermissionSetArn, PrincipalType: wanted.PrincipalType, PrincipalId: wanted.PrincipalId });
    return { AccountAssignmentCreationStatus: status };
  },
  DescribeAccountAssignmentDeletionStatus: (context, input) => ({ AccountAssignmentDeletionStatus: recalled(instance(context, input), requiredString(input, 'AccountAssignmentDeletionRequestId')) }),
  DescribeAccountAssignmentCreationStatus: (context, input) => ({ AccountAssignmentCreationStatus: recalled(instance(context, input), requiredString(input, 'AccountAssignmentCreationRequestId')) }),
  PutInlinePolicyToPermissionSet: (context, input) => {
    const set = permissionSet(instance(context, input), input);
    const policy = requiredString(input, 'InlinePolicy');
    parseInlinePolicy(policy);
    if (policy.length > 32_768) throw new AwsApiError('ValidationException', 'InlinePolicy exceeds 32768 characters.', 400);
    set.InlinePolicy = policy;
    return {};
  },
  DeleteInlinePolicyFromPermissionSet: (context, input) => {
    permissionSet(instance(context, input), input).InlinePolicy = '';
    return {};
  },
  DetachManagedPolicyFromPermissionSet: (context, input) => {
    const set = permissionSet(instance(context, input), input);
    const arn = requiredString(input, 'ManagedPolicyArn');
    const index = set.AttachedManagedPolicies.findIndex((policy) => policy.Arn === arn);
    if (index < 0) throw new AwsApiError('ResourceNotFoundException', `Policy ${arn} is not attached to the permission set.`, 400);
    set.AttachedManagedPolicies.splice(index, 1);
    return {};
  },
  AttachManagedPolicyToPermissionSet: (context, input) => {
    const set = permissionSet(instance(context, input), input);
    const arn = requiredString(input, 'ManagedPolicyArn');
    if (set.AttachedManagedPolicies.some((policy) => policy.Arn === arn)) throw new AwsApiError('ConflictException', `Policy ${arn} is already attached to the permission set.`, 400);
    const template = context.state.managedPolicyCatalog.get(arn);
    set.AttachedManagedPolicies.push({ Name: template?.PolicyName ?? arn.split('/').pop() ?? arn, Arn: arn });
    return {};
  },
  ProvisionPermissionSet: (context, input) => {
    const data = instance(context, input);
    const set = permissionSet(data, input);
    if (requiredString(input, 'TargetType') !== 'ALL_PROVISIONED_ACCOUNTS') throw new AwsApiError('ValidationException', 'Only ALL_PROVISIONED_ACCOUNTS is served by this endpoint.', 400);
    provision(context, set);
    return { PermissionSetProvisioningStatus: remember(data, { PermissionSetArn: set.PermissionSetArn }) };
  },
  DescribePermissionSetProvisioningStatus: (context, input) => ({ PermissionSetProvisioningStatus: recalled(instance(context, input), requiredString(input, 'ProvisionPermissionSetRequestId')) }),
};

/** The write actions of identitystore. */
export const identityStoreWriteHandlers: Record<string, JsonHandler> = {
  DeleteGroupMembership: (context, input) => {
    const data = store(context, input);
    const membershipId = requiredString(input, 'MembershipId');
    const index = data.GroupMemberships.findIndex((membership) => membership.MembershipId === membershipId);
    if (index < 0) throw new AwsApiError('ResourceNotFoundException', `GROUP_MEMBERSHIP not found: ${membershipId}`, 400);
    data.GroupMemberships.splice(index, 1);
    return {};
  },
  CreateGroupMembership: (context, input) => {
    const data = store(context, input);
    const groupId = requiredString(input, 'GroupId');
    const member = input.MemberId as { UserId?: unknown } | undefined;
    const userId = typeof member?.UserId === 'string' ? member.UserId : '';
    if (!data.Groups.some((group) => group.GroupId === groupId)) throw new AwsApiError('ResourceNotFoundException', `GROUP not found: ${groupId}`, 400);
    if (!data.Users.some((user) => user.UserId === userId)) throw new AwsApiError('ResourceNotFoundException', `USER not found: ${userId}`, 400);
    if (data.GroupMemberships.some((membership) => membership.GroupId === groupId && membership.MemberId.UserId === userId)) {
      throw new AwsApiError('ConflictException', 'Member already exists in the group.', 400);
    }
    const hex = createHash('sha256').update(`${groupId}/${userId}/${data.GroupMemberships.length}`).digest('hex');
    const membershipId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
    data.GroupMemberships.push({ GroupId: groupId, MembershipId: membershipId, MemberId: { UserId: userId } });
    return { MembershipId: membershipId, IdentityStoreId: data.IdentityStoreId };
  },
};
