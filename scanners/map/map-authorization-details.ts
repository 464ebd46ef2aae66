import type {
  AccountSnapshot,
  GroupFacts,
  InlinePolicyFacts,
  ManagedPolicyFacts,
  RoleFacts,
  UserCredentialFacts,
  UserFacts,
} from '../../lib/analysis/types';
import type { AuthorizationDetails, RawCredentialFile, RawManagedPolicyDetail, RawPolicyEmbedded, RawRoleDetail, RawTag, RawUserDetail } from '../raw-types';

/** The raw data cannot be mapped without losing access facts (e.g. a policy without its default version). */
export class AuthorizationDetailsMappingError extends Error {
  override name = 'AuthorizationDetailsMappingError';
  constructor(readonly accountId: string, message: string) {
    super(`account ${accountId}: ${message}`);
  }
}

const AWS_MANAGED_POLICY_ARN = /^arn:aws[a-z-]*:iam::aws:policy\//;
// Identity Center names the role after the permission set plus a 16-hex suffix; names may contain `_`.
const PERMISSION_SET_ROLE = /^AWSReservedSSO_(.+)_[0-9a-f]{16}$/;
const IDENTITY_CENTER_PATH_PREFIX = '/aws-reserved/sso.amazonaws.com/';
const SERVICE_LINKED_PATH_PREFIX = '/aws-service-role/';

/**
 * Dates as `toISOString()` prints them: the CLI prints `+00:00`, the SDK gives Date objects;
 * one form lets stored dates compare as strings. Unparseable text is kept as it came.
 */
export function normalizeDate(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

function normalizeOptionalDate(value: string | null | undefined): string | null {
  return value === null || value === undefined || value === '' ? null : normalizeDate(value);
}

function toTagRecord(tags: RawTag[] | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  for (const tag of tags ?? []) record[tag.Key] = tag.Value;
  return record;
}

// Documents pass through untouched (object or URL-encoded string): decoding is the engine's job.
function toInlinePolicies(policies: RawPolicyEmbedded[] | undefined): InlinePolicyFacts[] {
  return (policies ?? []).map((policy) => ({ name: policy.PolicyName, document: policy.PolicyDocument }));
}

/** True for `arn:aws:iam::aws:policy/...` (any partition). */
export function isAwsManagedPolicyArn(arn: string): boolean {
  return AWS_MANAGED_POLICY_ARN.test(arn);
}

/** `AWSReservedSSO_BedrockDeveloper_0123456789abcdef` under the Identity Center path -> `BedrockDeveloper`. */
export function parsePermissionSetName(roleName: string, rolePath: string): string | null {
  if (!rolePath.startsWith(IDENTITY_CENTER_PATH_PREFIX)) return null;
  return PERMISSION_SET_ROLE.exec(roleName)?.[1] ?? null;
}

function mapManagedPolicy(accountId: string, policy: RawManagedPolicyDetail): ManagedPolicyFacts {
  // Only the default version is in force; older versions may grant more and must not count.
  const defaultVersion =
    policy.PolicyVersionList.find((version) => version.IsDefaultVersion) ?? policy.PolicyVersionList.find((version) => version.VersionId === policy.DefaultVersionId);
  if (!defaultVersion) {
    throw new AuthorizationDetailsMappingError(accountId, `managed policy ${policy.Arn} has no default version (${policy.DefaultVersionId}) in PolicyVersionList`);
  }
  return {
    arn: policy.Arn,
    name: policy.PolicyName,
    path: policy.Path,
    isAwsManaged: isAwsManagedPolicyArn(policy.Arn),
    defaultVersionId: defaultVersion.VersionId,
    document: defaultVersion.Document,
  };
}

/**
 * The facts users and roles share, in the order both list them. IAM names the id, the name and the
 * inline policy list after the kind (UserId, RoleName, ...), so the caller passes those.
 */
function sharedPrincipalFacts(accountId: string, principal: RawUserDetail | RawRoleDetail, named: { id: string; name: string; inlinePolicies: RawPolicyEmbedded[] | undefined }) {
  return {
    arn: principal.Arn,
    id: named.id,
    name: named.name,
    path: principal.Path,
    accountId,
    createDate: normalizeDate(principal.CreateDate),
    inlinePolicies: toInlinePolicies(named.inlinePolicies),
    attachedManagedPolicyArns: (principal.AttachedManagedPolicies ?? []).map((policy) => policy.PolicyArn),
    permissionsBoundaryArn: principal.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
    tags: toTagRecord(principal.Tags),
  };
}

type CredentialUser = RawCredentialFile['users'][number];

function mapCredentials(user: CredentialUser | undefined): UserCredentialFacts | null {
  if (!user) return null;
  return {
    accessKeys: user.accessKeys.map((key) => ({
      id: key.accessKeyId,
      status: key.status,
      createDate: normalizeDate(key.createDate),
      lastUsedDate: normalizeOptionalDate(key.lastUsedDate),
      lastUsedService: key.lastUsedService,
    })),
    serviceCredentials: user.serviceSpecificCredentials.map((credential) => ({
      id: credential.serviceSpecificCredentialId,
      serviceName: credential.serviceName,
      status: credential.status,
      createDate: normalizeDate(credential.createDate),
      expirationDate: normalizeOptionalDate(credential.expirationDate),
    })),
    hasConsolePassword: user.passwordEnabled,
    passwordLastUsed: normalizeOptionalDate(user.passwordLastUsed),
    hasMfa: user.mfaActive,
  };
}

/** Input of `mapAuthorizationDetails`: the same whether it came from a file or from the live scanner. */
export interface MapAuthorizationDetailsInput {
  accountId: string;
  details: AuthorizationDetails;
  /** Credential facts of the account; null or absent leaves every user's `credentials` null. */
  credentials?: RawCredentialFile | null;
}

/**
 * Maps one account's `get-account-authorization-details` output (and optional credential
 * facts) to the engine's `AccountSnapshot`. Pure: the input is not mutated and shares no
 * arrays with the output. Throws `AuthorizationDetailsMappingError` when a managed policy's
 * default version is missing, since dropping it would understate access.
 */
export function mapAuthorizationDetails(input: MapAuthorizationDetailsInput): AccountSnapshot {
  const { accountId, details } = input;
  const credentialUsers = new Map((input.credentials?.users ?? []).map((user) => [user.userName, user]));
  const hasCredentialData = input.credentials !== null && input.credentials !== undefined;

  const users: UserFacts[] = details.UserDetailList.map((user) => ({
    type: 'user',
    ...sharedPrincipalFacts(accountId, user, { id: user.UserId, name: user.UserName, inlinePolicies: user.UserPolicyList }),
    groupNames: [...(user.GroupList ?? [])],
    // A user missing from the credential data was created after it was captured: unknown, not "none".
    credentials: hasCredentialData ? mapCredentials(credentialUsers.get(user.UserName)) : null,
  }));

  const roles: RoleFacts[] = details.RoleDetailList.map((role) => ({
    type: 'role',
    ...sharedPrincipalFacts(accountId, role, { id: role.RoleId, name: role.RoleName, inlinePolicies: role.RolePolicyList }),
    trustPolicy: role.AssumeRolePolicyDocument,
    lastUsedDate: normalizeOptionalDate(role.RoleLastUsed?.LastUsedDate),
    lastUsedRegion: role.RoleLastUsed?.Region ?? null,
    permissionSetName: parsePermissionSetName(role.RoleName, role.Path),
    isServiceLinked: role.Path.startsWith(SERVICE_LINKED_PATH_PREFIX),
  }));

  const groups: GroupFacts[] = details.GroupDetailList.map((group) => ({
    arn: group.Arn,
    id: group.GroupId,
    name: group.GroupName,
    path: group.Path,
    inlinePolicies: toInlinePolicies(group.GroupPolicyList),
    attachedManagedPolicyArns: (group.AttachedManagedPolicies ?? []).map((policy) => policy.PolicyArn),
  }));

  return { accountId, users, groups, roles, managedPolicies: details.Policies.map((policy) => mapManagedPolicy(accountId, policy)) };
}
