import type { RawGroupDetail, RawManagedPolicyDetail, RawRoleDetail, RawUserDetail } from '../raw-types';
import type { CallContext, QueryHandler } from './call-context';
import { buildCredentialReportCsv } from './credential-report';
import { AwsApiError, noSuchEntity } from './errors';
import { iamPage, integerParam, listParam, pageOf, requiredParam } from './paging';
import { encodePolicyDocument, formatWireDate, toWireObject } from './wire-format';
import { CREDENTIAL_REPORT_LIFETIME_MS } from './state';
import type { XmlValue } from './xml';

/** The `User` element of GetUser/GetGroup: the detail without its policy lists. */
function userElement(user: RawUserDetail): { [key: string]: XmlValue } {
  const { Path, UserName, UserId, Arn, CreateDate, PermissionsBoundary, Tags } = user;
  return toWireObject({ Path, UserName, UserId, Arn, CreateDate, PermissionsBoundary, Tags });
}

function roleElement(role: RawRoleDetail): { [key: string]: XmlValue } {
  const { Path, RoleName, RoleId, Arn, CreateDate, AssumeRolePolicyDocument, PermissionsBoundary, Tags, RoleLastUsed } = role;
  return toWireObject({ Path, RoleName, RoleId, Arn, CreateDate, AssumeRolePolicyDocument, MaxSessionDuration: 3600, PermissionsBoundary, Tags, RoleLastUsed });
}

function groupElement(group: RawGroupDetail): { [key: string]: XmlValue } {
  const { Path, GroupName, GroupId, Arn, CreateDate } = group;
  return toWireObject({ Path, GroupName, GroupId, Arn, CreateDate });
}

function policyElement(policy: RawManagedPolicyDetail): { [key: string]: XmlValue } {
  const { PolicyVersionList: _versions, ...summary } = policy;
  return toWireObject(summary);
}

const AUTHORIZATION_FILTERS = ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'] as const;

type DetailEntry =
  | { list: 'UserDetailList'; item: RawUserDetail }
  | { list: 'GroupDetailList'; item: RawGroupDetail }
  | { list: 'RoleDetailList'; item: RawRoleDetail }
  | { list: 'Policies'; item: RawManagedPolicyDetail };

/**
 * One page of GetAccountAuthorizationDetails. Like AWS, MaxItems counts entities of all four
 * lists together, in the order users, groups, roles, policies.
 */
const getAccountAuthorizationDetails: QueryHandler = (context, params) => {
  const details = context.state.account(context.accountId).details;
  const filters = listParam(params, 'Filter');
  for (const filter of filters) {
    if (!(AUTHORIZATION_FILTERS as readonly string[]).includes(filter)) throw new AwsApiError('ValidationError', `Value '${filter}' at 'filter' failed to satisfy constraint.`, 400);
  }
  const wants = (name: string) => filters.length === 0 || filters.includes(name);
  const entries: DetailEntry[] = [
    ...(wants('User') ? details.UserDetailList.map((item): DetailEntry => ({ list: 'UserDetailList', item })) : []),
    ...(wants('Group') ? details.GroupDetailList.map((item): DetailEntry => ({ list: 'GroupDetailList', item })) : []),
    ...(wants('Role') ? details.RoleDetailList.map((item): DetailEntry => ({ list: 'RoleDetailList', item })) : []),
    ...details.Policies.filter((policy) => wants(policy.Arn.startsWith('arn:aws:iam::aws:') ? 'AWSManagedPolicy' : 'LocalManagedPolicy')).map((item): DetailEntry => ({ list: 'Policies', item })),
  ];
  const page = pageOf(entries, params.get('Marker') ?? undefined, integerParam(params, 'MaxItems'), 100, 'InvalidInput');
  const of = (list: DetailEntry['list']) => page.items.filter((entry) => entry.list === list).map((entry) => toWireObject(entry.item));
  return { UserDetailList: of('UserDetailList'), GroupDetailList: of('GroupDetailList'), RoleDetailList: of('RoleDetailList'), Policies: of('Policies'), IsTruncated: page.nextToken !== undefined, Marker: page.nextToken };
};

function account(context: CallContext) {
  return context.state.account(context.accountId);
}

/** The account's policy, else an AWS managed policy of the catalogue (readable though unattached, as in AWS). */
function readablePolicy(context: CallContext, policyArn: string): RawManagedPolicyDetail {
  const catalogued = context.state.managedPolicyCatalog.get(policyArn);
  if (catalogued && !account(context).details.Policies.some((candidate) => candidate.Arn === policyArn)) return catalogued;
  return account(context).policy(policyArn);
}

function inlinePolicy(list: Array<{ PolicyName: string; PolicyDocument: unknown }> | undefined, policyName: string, owner: string) {
  const policy = list?.find((candidate) => candidate.PolicyName === policyName);
  if (!policy) throw noSuchEntity(`The ${owner} policy with name ${policyName} cannot be found.`);
  return encodePolicyDocument(policy.PolicyDocument);
}

function accessKeyOwner(context: CallContext, accessKeyId: string) {
  for (const user of account(context).credentials?.users ?? []) {
    const key = user.accessKeys.find((candidate) => candidate.accessKeyId === accessKeyId);
    if (key) return { user, key };
  }
  throw new AwsApiError('AccessDenied', `The access key ${accessKeyId} does not belong to account ${context.accountId}.`, 403);
}

/** The read-only IAM actions, by action name. */
/** IAM serves a credential report for four hours; after that GetCredentialReport answers ReportExpired. */
function isReportExpired(context: CallContext): boolean {
  const state = account(context);
  return state.credentialReport === 'complete' && state.credentialReportGeneratedAt !== null && context.state.now() - state.credentialReportGeneratedAt.getTime() > CREDENTIAL_REPORT_LIFETIME_MS;
}

export const iamReadHandlers: Record<string, QueryHandler> = {
  GetAccountAuthorizationDetails: getAccountAuthorizationDetails,
  GetUser: (context, params) => {
    const userName = params.get('UserName');
    if (!userName) throw new AwsApiError('ValidationError', 'This endpoint needs UserName: calls are not made as an IAM user.', 400);
    const state = account(context);
    const user = userElement(state.user(userName));
    // AWS adds PasswordLastUsed when the user's password has been used.
    const passwordLastUsed = state.userCredentials(userName)?.passwordLastUsed;
    return { User: passwordLastUsed ? { ...user, PasswordLastUsed: formatWireDate(passwordLastUsed) } : user };
  },
  GetLoginProfile: (context, params) => {
    const userName = requiredParam(params, 'UserName');
    const state = account(context);
    const user = state.user(userName);
    if (!state.userCredentials(userName)?.passwordEnabled) throw noSuchEntity(`Login Profile for User ${userName} cannot be found.`);
    return { LoginProfile: { UserName: userName, CreateDate: formatWireDate(user.CreateDate), PasswordResetRequired: false } };
  },
  ListMFADevices: (context, params) => {
    const userName = requiredParam(params, 'UserName');
    const state = account(context);
    const user = state.user(userName);
    // One virtual device for a user whose credential facts say MFA is active.
    const devices = state.userCredentials(userName)?.mfaActive ? [{ UserName: userName, SerialNumber: `arn:aws:iam::${context.accountId}:mfa/${userName}`, EnableDate: formatWireDate(user.CreateDate) }] : [];
    return iamPage(params, devices, 'MFADevices', (device) => ({ ...device }));
  },
  GetRole: (context, params) => ({ Role: roleElement(account(context).role(requiredParam(params, 'RoleName'))) }),
  GetGroup: (context, params) => {
    const state = account(context);
    const group = state.group(requiredParam(params, 'GroupName'));
    const members = state.details.UserDetailList.filter((user) => user.GroupList?.includes(group.GroupName));
    return { Group: groupElement(group), ...iamPage(params, members, 'Users', userElement) };
  },
  GetPolicy: (context, params) => ({ Policy: policyElement(readablePolicy(context, requiredParam(params, 'PolicyArn'))) }),
  GetPolicyVersion: (context, params) => {
    const policy = readablePolicy(context, requiredParam(params, 'PolicyArn'));
    const versionId = requiredParam(params, 'VersionId');
    const version = policy.PolicyVersionList.find((candidate) => candidate.VersionId === versionId);
    if (!version) throw noSuchEntity(`Policy ${policy.Arn} version ${versionId} does not exist or is not attachable.`);
    return { PolicyVersion: toWireObject(version) };
  },
  GetRolePolicy: (context, params) => {
    const role = account(context).role(requiredParam(params, 'RoleName'));
    const policyName = requiredParam(params, 'PolicyName');
    return { RoleName: role.RoleName, PolicyName: policyName, PolicyDocument: inlinePolicy(role.RolePolicyList, policyName, 'role') };
  },
  GetUserPolicy: (context, params) => {
    const user = account(context).user(requiredParam(params, 'UserName'));
    const policyName = requiredParam(params, 'PolicyName');
    return { UserName: user.UserName, PolicyName: policyName, PolicyDocument: inlinePolicy(user.UserPolicyList, policyName, 'user') };
  },
  GetGroupPolicy: (context, params) => {
    const group = account(context).group(requiredParam(params, 'GroupName'));
    const policyName = requiredParam(params, 'PolicyName');
    return { GroupName: group.GroupName, PolicyName: policyName, PolicyDocument: inlinePolicy(group.GroupPolicyList, policyName, 'group') };
  },
  ListAttachedRolePolicies: (context, params) => iamPage(params, account(context).role(requiredParam(params, 'RoleName')).AttachedManagedPolicies ?? [], 'AttachedPolicies', (item) => ({ ...item })),
  ListAttachedUserPolicies: (context, params) => iamPage(params, account(context).user(requiredParam(params, 'UserName')).AttachedManagedPolicies ?? [], 'AttachedPolicies', (item) => ({ ...item })),
  ListAttachedGroupPolicies: (context, params) => iamPage(params, account(context).group(requiredParam(params, 'GroupName')).AttachedManagedPolicies ?? [], 'AttachedPolicies', (item) => ({ ...item })),
  ListRolePolicies: (context, params) => iamPage(params, account(context).role(requiredParam(params, 'RoleName')).RolePolicyList ?? [], 'PolicyNames', (item) => item.PolicyName),
  ListUserPolicies: (context, params) => iamPage(params, account(context).user(requiredParam(params, 'UserName')).UserPolicyList ?? [], 'PolicyNames', (item) => item.PolicyName),
  ListGroupPolicies: (context, params) => iamPage(params, account(context).group(requiredParam(params, 'GroupName')).GroupPolicyList ?? [], 'PolicyNames', (item) => item.PolicyName),
  ListGroupsForUser: (context, params) => {
    const state = account(context);
    const user = state.user(requiredParam(params, 'UserName'));
    return iamPage(params, (user.GroupList ?? []).map((name) => state.group(name)), 'Groups', groupElement);
  },
  ListAccessKeys: (context, params) => {
    const userName = requiredParam(params, 'UserName');
    account(context).user(userName);
    const keys = account(context).userCredentials(userName)?.accessKeys ?? [];
    return iamPage(params, keys, 'AccessKeyMetadata', (key) => ({ UserName: userName, AccessKeyId: key.accessKeyId, Status: key.status, CreateDate: formatWireDate(key.createDate) }));
  },
  GetAccessKeyLastUsed: (context, params) => {
    const { user, key } = accessKeyOwner(context, requiredParam(params, 'AccessKeyId'));
    // AWS answers "N/A" for the service and region of a key never used, and leaves the date out.
    const used = key.lastUsedDate !== null;
    return { UserName: user.userName, AccessKeyLastUsed: { LastUsedDate: used ? formatWireDate(key.lastUsedDate ?? '') : undefined, ServiceName: used ? (key.lastUsedService ?? 'N/A') : 'N/A', Region: used ? 'us-east-1' : 'N/A' } };
  },
  ListServiceSpecificCredentials: (context, params) => {
    const state = account(context);
    const serviceName = params.get('ServiceName');
    const allUsers = params.get('AllUsers') === 'true';
    const userName = params.get('UserName');
    if (userName) state.user(userName);
    const users = (state.credentials?.users ?? []).filter((user) => allUsers || user.userName === userName);
    const credentials = users.flatMap((user) => user.serviceSpecificCredentials.filter((credential) => !serviceName || credential.serviceName === serviceName).map((credential) => ({ user: user.userName, credential })));
    return iamPage(params, credentials, 'ServiceSpecificCredentials', ({ user, credential }) => ({
      UserName: user,
      Status: credential.status,
      ServiceUserName: `${user}-at-${context.accountId}`,
      CreateDate: formatWireDate(credential.createDate),
      ExpirationDate: credential.expirationDate ? formatWireDate(credential.expirationDate) : undefined,
      ServiceSpecificCredentialId: credential.serviceSpecificCredentialId,
      ServiceName: credential.serviceName,
    }));
  },
  GenerateCredentialReport: (context) => {
    // STARTED, then INPROGRESS, then COMPLETE: callers must poll, as with AWS. An expired report starts anew.
    const state = account(context);
    if (state.credentialReport === 'absent' || isReportExpired(context)) {
      state.credentialReport = 'started';
      return { State: 'STARTED', Description: 'No report exists. Starting a new report generation task' };
    }
    if (state.credentialReport === 'started') {
      state.credentialReport = 'inprogress';
      return { State: 'INPROGRESS' };
    }
    if (state.credentialReport === 'inprogress') {
      state.credentialReport = 'complete';
      state.credentialReportGeneratedAt = new Date(context.state.now());
    }
    return { State: 'COMPLETE' };
  },
  GetCredentialReport: (context) => {
    const state = account(context);
    if (state.credentialReport === 'absent') throw new AwsApiError('ReportNotPresent', 'Credential report does not exist. Use GenerateCredentialReport to generate a report.', 410);
    if (state.credentialReport === 'started' || state.credentialReport === 'inprogress') throw new AwsApiError('ReportInProgress', 'Report generation in progress. Please retry later.', 404);
    if (isReportExpired(context)) throw new AwsApiError('ReportExpired', 'The credential report is expired. To generate a new report, use GenerateCredentialReport.', 410);
    return { Content: Buffer.from(buildCredentialReportCsv(state)).toString('base64'), ReportFormat: 'text/csv', GeneratedTime: formatWireDate(state.credentialReportGeneratedAt ?? new Date()) };
  },
};
