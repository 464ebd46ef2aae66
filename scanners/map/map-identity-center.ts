import { z } from 'zod';
import type { AccountAssignment, GroupMembership, IdentityCenterDirectory, IdentityCenterGroup, IdentityCenterUser, PermissionSet } from '../../lib/people/types';

/**
 * Validation and mapping of Identity Center data (the `identity-center.json` shape, which the live
 * scanner also builds). Each record is checked on its own: a bad one is reported with its field
 * path and skipped, and the rest is kept, so one broken user never hides the organisation.
 */

const nonEmpty = z.string().min(1);
const externalIds = z.array(z.object({ Issuer: z.string(), Id: z.string() }).loose()).optional();

const userSchema = z
  .object({
    UserId: nonEmpty,
    UserName: nonEmpty,
    DisplayName: z.string().optional(),
    Name: z.object({ Formatted: z.string().optional(), GivenName: z.string().optional(), FamilyName: z.string().optional() }).loose().optional(),
    Emails: z.array(z.object({ Value: z.string().optional(), Type: z.string().optional(), Primary: z.boolean().optional() }).loose()).optional(),
    ExternalIds: externalIds,
  })
  .loose();

const groupSchema = z.object({ GroupId: nonEmpty, DisplayName: z.string().optional(), Description: z.string().optional(), ExternalIds: externalIds }).loose();

const membershipSchema = z.object({ GroupId: nonEmpty, MembershipId: nonEmpty, MemberId: z.object({ UserId: nonEmpty }).loose() }).loose();

const PERMISSION_SET_ARN = /^arn:aws[a-z-]*:sso:::permissionSet\/ssoins-[0-9a-f]{16}\/ps-[0-9a-f]{16}$/;
const policyReference = z.object({ Name: nonEmpty, Path: z.string().optional() }).loose();

const permissionSetSchema = z
  .object({
    Name: nonEmpty,
    PermissionSetArn: z.string().regex(PERMISSION_SET_ARN, 'must be a permission set ARN (arn:aws:sso:::permissionSet/ssoins-.../ps-...)'),
    Description: z.string().optional(),
    SessionDuration: z.string().optional(),
    InlinePolicy: z.string(),
    AttachedManagedPolicies: z.array(z.object({ Name: nonEmpty, Arn: z.string().startsWith('arn:') }).loose()),
    CustomerManagedPolicyReferences: z.array(policyReference),
    PermissionsBoundary: z.object({ CustomerManagedPolicyReference: policyReference.optional(), ManagedPolicyArn: z.string().startsWith('arn:').optional() }).loose().nullable(),
  })
  .loose();

const assignmentSchema = z
  .object({
    AccountId: z.string().regex(/^\d{12}$/, 'must be a 12-digit account id'),
    PermissionSetArn: z.string().regex(PERMISSION_SET_ARN, 'must be a permission set ARN'),
    PrincipalType: z.enum(['USER', 'GROUP']),
    PrincipalId: nonEmpty,
  })
  .loose();

const headerSchema = z
  .object({
    InstanceArn: z.string().regex(/^arn:aws[a-z-]*:sso:::instance\/ssoins-[0-9a-f]{16}$/, 'must be an instance ARN (arn:aws:sso:::instance/ssoins-...)'),
    IdentityStoreId: z.string().regex(/^d-[0-9a-f]{10}$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be an identity store id (d-...)'),
  })
  .loose();

export interface MapIdentityCenterResult {
  /** Null when the instance or identity store id itself is unusable. */
  directory: IdentityCenterDirectory | null;
  /** One line per skipped record or missing list, each naming the field (`IdentityCenter.Users[3].UserName: ...`). */
  problems: string[];
}

function describe(prefix: string, error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${[prefix, ...issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))].join('').replace(/\.\[/g, '[')}: ${issue.message}`)
    .join('; ');
}

function mapList<T, U>(source: Record<string, unknown>, field: string, schema: z.ZodType<T>, map: (item: T) => U, problems: string[]): U[] {
  const list = source[field];
  if (!Array.isArray(list)) {
    problems.push(`IdentityCenter.${field}: ${list === undefined ? 'missing' : 'not a list'}; read as empty`);
    return [];
  }
  const result: U[] = [];
  list.forEach((item: unknown, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) result.push(map(parsed.data));
    else problems.push(`${describe(`IdentityCenter.${field}[${index}]`, parsed.error)}; this record is skipped`);
  });
  return result;
}

function mapUser(user: z.infer<typeof userSchema>): IdentityCenterUser {
  const emails = user.Emails ?? [];
  const email = (emails.find((entry) => entry.Primary) ?? emails[0])?.Value ?? null;
  return {
    userId: user.UserId,
    userName: user.UserName,
    displayName: user.DisplayName ?? user.Name?.Formatted ?? null,
    email,
    externalId: user.ExternalIds?.[0]?.Id ?? null,
  };
}

function mapPermissionSet(set: z.infer<typeof permissionSetSchema>): PermissionSet {
  const boundary = set.PermissionsBoundary;
  return {
    arn: set.PermissionSetArn,
    name: set.Name,
    description: set.Description ?? null,
    sessionDuration: set.SessionDuration ?? null,
    inlinePolicy: set.InlinePolicy === '' ? null : set.InlinePolicy,
    managedPolicies: set.AttachedManagedPolicies.map((policy) => ({ name: policy.Name, arn: policy.Arn })),
    customerManagedPolicies: set.CustomerManagedPolicyReferences.map((reference) => ({ name: reference.Name, path: reference.Path ?? '/' })),
    permissionsBoundary:
      boundary === null || (boundary.ManagedPolicyArn === undefined && boundary.CustomerManagedPolicyReference === undefined)
        ? null
        : {
            managedPolicyArn: boundary.ManagedPolicyArn ?? null,
            customerManagedPolicy: boundary.CustomerManagedPolicyReference ? { name: boundary.CustomerManagedPolicyReference.Name, path: boundary.CustomerManagedPolicyReference.Path ?? '/' } : null,
          },
  };
}

/**
 * Maps the `IdentityCenter` object (the value under the file's top-level key) into the directory
 * the analysis reads. Records that fail validation are skipped with a problem naming their field;
 * duplicate ids keep the first record.
 */
export function mapIdentityCenter(value: unknown): MapIdentityCenterResult {
  const problems: string[] = [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { directory: null, problems: ['IdentityCenter: not an object'] };
  const header = headerSchema.safeParse(value);
  if (!header.success) return { directory: null, problems: [describe('IdentityCenter', header.error)] };
  const source = value as Record<string, unknown>;
  const unique = <T>(items: T[], key: (item: T) => string, what: string): T[] => {
    const seen = new Set<string>();
    return items.filter((item) => {
      const id = key(item);
      if (seen.has(id)) {
        problems.push(`IdentityCenter.${what}: ${id} appears twice; the first is kept`);
        return false;
      }
      seen.add(id);
      return true;
    });
  };
  const users = unique(mapList(source, 'Users', userSchema, mapUser, problems), (user) => user.userId, 'Users');
  const groups = unique(
    mapList(source, 'Groups', groupSchema, (group): IdentityCenterGroup => ({ groupId: group.GroupId, displayName: group.DisplayName ?? group.GroupId, description: group.Description ?? null }), problems),
    (group) => group.groupId,
    'Groups',
  );
  const memberships = unique(
    mapList(source, 'GroupMemberships', membershipSchema, (membership): GroupMembership => ({ membershipId: membership.MembershipId, groupId: membership.GroupId, userId: membership.MemberId.UserId }), problems),
    (membership) => membership.membershipId,
    'GroupMemberships',
  );
  const permissionSets = unique(mapList(source, 'PermissionSets', permissionSetSchema, mapPermissionSet, problems), (set) => set.arn, 'PermissionSets');
  const assignments = unique(
    mapList(source, 'AccountAssignments', assignmentSchema, (assignment): AccountAssignment => ({ accountId: assignment.AccountId, permissionSetArn: assignment.PermissionSetArn, principalType: assignment.PrincipalType, principalId: assignment.PrincipalId }), problems),
    (assignment) => `${assignment.accountId}|${assignment.permissionSetArn}|${assignment.principalType}|${assignment.principalId}`,
    'AccountAssignments',
  );
  return { directory: { instanceArn: header.data.InstanceArn, identityStoreId: header.data.IdentityStoreId, users, groups, memberships, permissionSets, assignments }, problems };
}
