import type { RawGroupDetail, RawRoleDetail, RawUserDetail } from '../raw-types';
import { AwsApiError } from './errors';

/**
 * The rules real IAM applies to writes, so that a revocation the endpoint accepts is one IAM
 * would accept. Error codes and HTTP statuses are the IAM API's (the SDK model's `awsQueryError`
 * entries): UnmodifiableEntity 400, LimitExceeded 409, MalformedPolicyDocument 400,
 * DeleteConflict 409, ValidationError 400. Messages follow IAM's wording where AWS documents it.
 */

/** IAM's quotas (IAM User Guide, "IAM and AWS STS quotas"): defaults, as an account has them. */
export const LOCAL_IAM_QUOTAS = {
  UserPolicySize: 2048,
  RolePolicySize: 10240,
  GroupPolicySize: 5120,
  PoliciesPerUser: 10,
  PoliciesPerRole: 10,
  PoliciesPerGroup: 10,
  PolicyVersionsPerPolicy: 5,
  GroupsPerUser: 10,
  PolicySize: 6144,
} as const;

export function limitExceeded(quota: keyof typeof LOCAL_IAM_QUOTAS): AwsApiError {
  return new AwsApiError('LimitExceeded', `Cannot exceed quota for ${quota}: ${LOCAL_IAM_QUOTAS[quota]}`, 409);
}

export function deleteConflict(message: string): AwsApiError {
  return new AwsApiError('DeleteConflict', message, 409);
}

/**
 * Roles IAM will not let anyone but AWS change: Identity Center's `AWSReservedSSO_*` roles and
 * service-linked roles (path `/aws-service-role/`). Every write on them answers UnmodifiableEntity.
 */
export function assertRoleModifiable(role: RawRoleDetail): void {
  const isProtected = role.Path.startsWith('/aws-service-role/') || role.Path.startsWith('/aws-reserved/') || role.RoleName.startsWith('AWSReservedSSO_');
  if (isProtected) throw new AwsApiError('UnmodifiableEntity', `Cannot perform the operation on the protected role '${role.RoleName}' - this role is only modifiable by AWS`, 400);
}

const NAME_PATTERN = /^[\w+=,.@-]+$/;

/**
 * IAM's input validation of a name parameter (`policyName`, `userName`, `roleName`,
 * `groupName`): the Query API answers ValidationError with the constraint it checked.
 */
export function assertIamName(member: string, value: string, maxLength: number): void {
  if (value.length > maxLength) throw new AwsApiError('ValidationError', `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must have length less than or equal to ${maxLength}`, 400);
  if (!NAME_PATTERN.test(value)) throw new AwsApiError('ValidationError', `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`, 400);
}

const TOP_LEVEL_KEYS = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_KEYS = new Set(['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition', 'Principal', 'NotPrincipal']);

function malformed(message: string): AwsApiError {
  return new AwsApiError('MalformedPolicyDocument', message, 400);
}

/**
 * Parses and checks an identity-based policy document as IAM does on Put*Policy and
 * CreatePolicy[Version]: JSON object; only Version, Id, Statement at the top; a Statement (object
 * or non-empty list); each statement an Effect of Allow or Deny, an Action or NotAction, a
 * Resource or NotResource, and no Principal (identity policies name none).
 */
export function parseIdentityPolicyDocument(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw malformed('Syntax errors in policy.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw malformed('Syntax errors in policy.');
  const document = parsed as Record<string, unknown>;
  if (Object.keys(document).some((key) => !TOP_LEVEL_KEYS.has(key))) throw malformed('Syntax errors in policy.');
  if (document.Version !== undefined && document.Version !== '2012-10-17' && document.Version !== '2008-10-17') throw malformed('Syntax errors in policy.');
  const statements = [document.Statement].flat();
  if (document.Statement === undefined || statements.length === 0) throw malformed('Syntax errors in policy.');
  for (const statement of statements) {
    if (statement === null || typeof statement !== 'object' || Array.isArray(statement)) throw malformed('Syntax errors in policy.');
    const fields = statement as Record<string, unknown>;
    if (Object.keys(fields).some((key) => !STATEMENT_KEYS.has(key))) throw malformed('Syntax errors in policy.');
    if (fields.Effect !== 'Allow' && fields.Effect !== 'Deny') throw malformed('Syntax errors in policy.');
    if ('Principal' in fields || 'NotPrincipal' in fields) throw malformed('Policy document should not specify a principal.');
    if (!('Action' in fields) && !('NotAction' in fields)) throw malformed('Policy statement must contain actions.');
    if (!('Resource' in fields) && !('NotResource' in fields)) throw malformed('Policy statement must contain resources.');
  }
  return document;
}

/** What IAM counts of a policy document: its characters without whitespace. */
export function policyDocumentSize(document: unknown): number {
  const text = typeof document === 'string' ? document : JSON.stringify(document);
  return text.replace(/\s/g, '').length;
}

type InlineOwner = { kind: 'user'; entity: RawUserDetail } | { kind: 'role'; entity: RawRoleDetail } | { kind: 'group'; entity: RawGroupDetail };

function inlineList(owner: InlineOwner) {
  switch (owner.kind) {
    case 'user':
      return owner.entity.UserPolicyList ?? [];
    case 'role':
      return owner.entity.RolePolicyList ?? [];
    case 'group':
      return owner.entity.GroupPolicyList ?? [];
  }
}

/** LimitExceeded when putting `document` as `policyName` would take the entity over its aggregate inline-policy size. */
export function assertInlineSizeAfterPut(owner: InlineOwner, policyName: string, document: unknown): void {
  const others = inlineList(owner).filter((policy) => policy.PolicyName !== policyName);
  const total = others.reduce((sum, policy) => sum + policyDocumentSize(policy.PolicyDocument), 0) + policyDocumentSize(document);
  const quota = owner.kind === 'user' ? 'UserPolicySize' : owner.kind === 'role' ? 'RolePolicySize' : 'GroupPolicySize';
  if (total > LOCAL_IAM_QUOTAS[quota]) throw limitExceeded(quota);
}

/** LimitExceeded when attaching one more managed policy would exceed the entity's quota. */
export function assertAttachmentQuota(kind: 'user' | 'role' | 'group', attached: ReadonlyArray<{ PolicyArn: string }>, policyArn: string): void {
  if (attached.some((item) => item.PolicyArn === policyArn)) return;
  const quota = kind === 'user' ? 'PoliciesPerUser' : kind === 'role' ? 'PoliciesPerRole' : 'PoliciesPerGroup';
  if (attached.length + 1 > LOCAL_IAM_QUOTAS[quota]) throw limitExceeded(quota);
}

/** LimitExceeded when adding the user to one more group would exceed GroupsPerUser. */
export function assertGroupQuota(user: RawUserDetail, groupName: string): void {
  const groups = user.GroupList ?? [];
  if (!groups.includes(groupName) && groups.length + 1 > LOCAL_IAM_QUOTAS.GroupsPerUser) throw limitExceeded('GroupsPerUser');
}
