import type { RawAttachedPolicy, RawPolicyEmbedded } from '../raw-types';
import type { CallContext, QueryHandler } from './call-context';
import { noSuchEntity } from './errors';
import { requiredParam } from './paging';
import { assertAttachmentQuota, assertGroupQuota, assertIamName, assertInlineSizeAfterPut, assertRoleModifiable, parseIdentityPolicyDocument } from './iam-rules';

/**
 * IAM mutations, so revocations run for real against the endpoint. They change the in-memory
 * account; the next GetAccountAuthorizationDetails shows the change. Error codes follow IAM:
 * NoSuchEntity (404) for a missing principal, policy or attachment, and the rules of iam-rules.ts:
 * UnmodifiableEntity on SSO and service-linked roles, LimitExceeded for the inline-size,
 * attachment and group quotas, MalformedPolicyDocument, ValidationError for names.
 */

function account(context: CallContext) {
  return context.state.account(context.accountId);
}

function attach(context: CallContext, attached: RawAttachedPolicy[], policyArn: string): void {
  const policy = account(context).attachablePolicy(policyArn, context.state.managedPolicyCatalog);
  if (attached.some((item) => item.PolicyArn === policyArn)) return; // IAM: attaching twice succeeds and changes nothing
  attached.push({ PolicyName: policy.PolicyName, PolicyArn: policy.Arn });
  policy.AttachmentCount += 1;
}

type AttachmentKind = Parameters<typeof assertAttachmentQuota>[0];

/** AttachUserPolicy, AttachRolePolicy and AttachGroupPolicy: within the kind's attachment quota. */
function attachTo(context: CallContext, kind: AttachmentKind, principal: { AttachedManagedPolicies?: RawAttachedPolicy[] }, params: URLSearchParams): void {
  principal.AttachedManagedPolicies ??= [];
  const policyArn = requiredParam(params, 'PolicyArn');
  assertAttachmentQuota(kind, principal.AttachedManagedPolicies, policyArn);
  attach(context, principal.AttachedManagedPolicies, policyArn);
}

function detach(context: CallContext, attached: RawAttachedPolicy[], policyArn: string): void {
  const index = attached.findIndex((item) => item.PolicyArn === policyArn);
  if (index < 0) throw noSuchEntity(`Policy ${policyArn} was not found.`);
  attached.splice(index, 1);
  const policy = account(context).details.Policies.find((candidate) => candidate.Arn === policyArn);
  if (policy) policy.AttachmentCount = Math.max(0, policy.AttachmentCount - 1);
}

type InlineOwner = Parameters<typeof assertInlineSizeAfterPut>[0];

/** The owner's inline policy list, created empty when the entity has none yet. */
function createdInlineList(owner: InlineOwner): RawPolicyEmbedded[] {
  switch (owner.kind) {
    case 'user':
      return (owner.entity.UserPolicyList ??= []);
    case 'role':
      return (owner.entity.RolePolicyList ??= []);
    case 'group':
      return (owner.entity.GroupPolicyList ??= []);
  }
}

function putInline(owner: InlineOwner, params: URLSearchParams): void {
  const list = createdInlineList(owner);
  const policyName = requiredParam(params, 'PolicyName');
  assertIamName('policyName', policyName, 128);
  const document = parseIdentityPolicyDocument(requiredParam(params, 'PolicyDocument'));
  assertInlineSizeAfterPut(owner, policyName, document);
  const existing = list.find((item) => item.PolicyName === policyName);
  if (existing) existing.PolicyDocument = document;
  else list.push({ PolicyName: policyName, PolicyDocument: document });
}

function deleteInline(list: RawPolicyEmbedded[], params: URLSearchParams, owner: string): void {
  const policyName = requiredParam(params, 'PolicyName');
  assertIamName('policyName', policyName, 128);
  const index = list.findIndex((item) => item.PolicyName === policyName);
  if (index < 0) throw noSuchEntity(`The ${owner} policy with name ${policyName} cannot be found.`);
  list.splice(index, 1);
}

type Bounded = { PermissionsBoundary?: { PermissionsBoundaryType: string; PermissionsBoundaryArn: string } };

function putBoundary(context: CallContext, principal: Bounded, params: URLSearchParams): void {
  const arn = requiredParam(params, 'PermissionsBoundary');
  const policy = account(context).attachablePolicy(arn, context.state.managedPolicyCatalog);
  deleteBoundary(context, principal);
  principal.PermissionsBoundary = { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: arn };
  policy.PermissionsBoundaryUsageCount = (policy.PermissionsBoundaryUsageCount ?? 0) + 1;
}

function deleteBoundary(context: CallContext, principal: Bounded): void {
  const previous = principal.PermissionsBoundary?.PermissionsBoundaryArn;
  if (!previous) return; // IAM: deleting an absent boundary succeeds
  delete principal.PermissionsBoundary;
  const policy = account(context).details.Policies.find((candidate) => candidate.Arn === previous);
  if (policy) policy.PermissionsBoundaryUsageCount = Math.max(0, (policy.PermissionsBoundaryUsageCount ?? 0) - 1);
}

function named(params: URLSearchParams, parameter: string, member: string, maxLength: number): string {
  const value = requiredParam(params, parameter);
  assertIamName(member, value, maxLength);
  return value;
}

const user = (context: CallContext, params: URLSearchParams) => account(context).user(named(params, 'UserName', 'userName', 64));
const group = (context: CallContext, params: URLSearchParams) => account(context).group(named(params, 'GroupName', 'groupName', 128));
/** Every role write goes through here: IAM refuses changes to SSO and service-linked roles. */
const role = (context: CallContext, params: URLSearchParams) => {
  const target = account(context).role(named(params, 'RoleName', 'roleName', 64));
  assertRoleModifiable(target);
  return target;
};

/** The mutating IAM actions, by action name; all answer an empty result. */
export const iamWriteHandlers: Record<string, QueryHandler> = {
  AttachUserPolicy: (context, params) => (attachTo(context, 'user', user(context, params), params), null),
  AttachRolePolicy: (context, params) => (attachTo(context, 'role', role(context, params), params), null),
  AttachGroupPolicy: (context, params) => (attachTo(context, 'group', group(context, params), params), null),
  DetachUserPolicy: (context, params) => (detach(context, user(context, params).AttachedManagedPolicies ?? [], requiredParam(params, 'PolicyArn')), null),
  DetachRolePolicy: (context, params) => (detach(context, role(context, params).AttachedManagedPolicies ?? [], requiredParam(params, 'PolicyArn')), null),
  DetachGroupPolicy: (context, params) => (detach(context, group(context, params).AttachedManagedPolicies ?? [], requiredParam(params, 'PolicyArn')), null),
  PutUserPolicy: (context, params) => (putInline({ kind: 'user', entity: user(context, params) }, params), null),
  PutRolePolicy: (context, params) => (putInline({ kind: 'role', entity: role(context, params) }, params), null),
  PutGroupPolicy: (context, params) => (putInline({ kind: 'group', entity: group(context, params) }, params), null),
  DeleteUserPolicy: (context, params) => (deleteInline(user(context, params).UserPolicyList ?? [], params, 'user'), null),
  DeleteRolePolicy: (context, params) => (deleteInline(role(context, params).RolePolicyList ?? [], params, 'role'), null),
  DeleteGroupPolicy: (context, params) => (deleteInline(group(context, params).GroupPolicyList ?? [], params, 'group'), null),
  AddUserToGroup: (context, params) => {
    const target = group(context, params);
    const member = user(context, params);
    member.GroupList ??= [];
    assertGroupQuota(member, target.GroupName);
    if (!member.GroupList.includes(target.GroupName)) member.GroupList.push(target.GroupName);
    return null;
  },
  RemoveUserFromGroup: (context, params) => {
    const target = group(context, params);
    const member = user(context, params);
    const index = member.GroupList?.indexOf(target.GroupName) ?? -1;
    if (index < 0 || !member.GroupList) throw noSuchEntity(`The user with name ${member.UserName} cannot be found in group ${target.GroupName}.`);
    member.GroupList.splice(index, 1);
    return null;
  },
  PutRolePermissionsBoundary: (context, params) => (putBoundary(context, role(context, params), params), null),
  PutUserPermissionsBoundary: (context, params) => (putBoundary(context, user(context, params), params), null),
  DeleteRolePermissionsBoundary: (context, params) => (deleteBoundary(context, role(context, params)), null),
  DeleteUserPermissionsBoundary: (context, params) => (deleteBoundary(context, user(context, params)), null),
};
