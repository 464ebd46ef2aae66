/**
 * IAM Identity Center as the analysis sees it: the identity store's people and groups, the
 * instance's permission sets and account assignments. Plain data in camelCase; the scanners map
 * the AWS shapes (PascalCase, as the CLI and SDK print them) into it.
 */

/** An identity store user: a person. `userId` is the stable key (user names can be renamed). */
export interface IdentityCenterUser {
  userId: string;
  userName: string;
  displayName: string | null;
  /** The primary email, else the first. */
  email: string | null;
  /** The IdP's id (`ExternalIds[0].Id`) when users are provisioned by SCIM. */
  externalId: string | null;
}

export interface IdentityCenterGroup {
  groupId: string;
  displayName: string;
  description: string | null;
}

export interface GroupMembership {
  membershipId: string;
  groupId: string;
  userId: string;
}

/** A permissions boundary of a permission set: an AWS managed policy or a customer managed reference. */
export interface PermissionSetBoundary {
  managedPolicyArn: string | null;
  customerManagedPolicy: { name: string; path: string } | null;
}

export interface PermissionSet {
  arn: string;
  name: string;
  description: string | null;
  /** ISO 8601 duration, `PT1H` by default. */
  sessionDuration: string | null;
  /** The inline policy text; null when the set has none (the API answers an empty string). */
  inlinePolicy: string | null;
  managedPolicies: Array<{ name: string; arn: string }>;
  customerManagedPolicies: Array<{ name: string; path: string }>;
  permissionsBoundary: PermissionSetBoundary | null;
}

export const ASSIGNMENT_PRINCIPAL_TYPES = ['USER', 'GROUP'] as const;
export type AssignmentPrincipalType = (typeof ASSIGNMENT_PRINCIPAL_TYPES)[number];

export interface AccountAssignment {
  accountId: string;
  permissionSetArn: string;
  principalType: AssignmentPrincipalType;
  principalId: string;
}

/** Everything read from one Identity Center instance. */
export interface IdentityCenterDirectory {
  instanceArn: string;
  identityStoreId: string;
  users: IdentityCenterUser[];
  groups: IdentityCenterGroup[];
  memberships: GroupMembership[];
  permissionSets: PermissionSet[];
  assignments: AccountAssignment[];
}

/** How a person reaches an assignment: directly, or as a member of a group. */
export type AssignmentVia = { kind: 'direct' } | { kind: 'group'; groupId: string; groupName: string };

/** `direct` or `group:<GroupName>`, the form the export and the pages print. */
export function describeVia(via: AssignmentVia): string {
  return via.kind === 'direct' ? 'direct' : `group:${via.groupName}`;
}
