/**
 * IAM Identity Center as the AWS CLI prints it, aggregated into one object (`identity-center.json`,
 * see scanners/offline/FORMAT.md). Field names are the API's own: `Users` are `identitystore
 * list-users` items, `Groups` `list-groups` items, `GroupMemberships` `list-group-memberships`
 * items; a permission set is `sso-admin describe-permission-set` plus its policies; assignments
 * are `list-account-assignments` items. The live scanner builds the same object from the SDK.
 */
export interface RawIdentityStoreUser {
  UserId: string;
  UserName: string;
  IdentityStoreId?: string;
  DisplayName?: string;
  Name?: { Formatted?: string; FamilyName?: string; GivenName?: string; MiddleName?: string; HonorificPrefix?: string; HonorificSuffix?: string };
  Emails?: Array<{ Value?: string; Type?: string; Primary?: boolean }>;
  ExternalIds?: Array<{ Issuer: string; Id: string }>;
  [field: string]: unknown;
}

export interface RawIdentityStoreGroup {
  GroupId: string;
  DisplayName?: string;
  Description?: string;
  IdentityStoreId?: string;
  ExternalIds?: Array<{ Issuer: string; Id: string }>;
  [field: string]: unknown;
}

export interface RawGroupMembership {
  GroupId: string;
  MembershipId: string;
  MemberId: { UserId: string };
  IdentityStoreId?: string;
}

export interface RawPermissionSet {
  Name: string;
  PermissionSetArn: string;
  Description?: string;
  SessionDuration?: string;
  CreatedDate?: string | number;
  RelayState?: string;
  /** `get-inline-policy-for-permission-set` answers `""` when there is none. */
  InlinePolicy: string;
  AttachedManagedPolicies: Array<{ Name: string; Arn: string }>;
  CustomerManagedPolicyReferences: Array<{ Name: string; Path?: string }>;
  PermissionsBoundary: { CustomerManagedPolicyReference?: { Name: string; Path?: string }; ManagedPolicyArn?: string } | null;
}

export interface RawAccountAssignment {
  AccountId: string;
  PermissionSetArn: string;
  PrincipalType: 'USER' | 'GROUP';
  PrincipalId: string;
}

export interface RawIdentityCenter {
  InstanceArn: string;
  IdentityStoreId: string;
  Users: RawIdentityStoreUser[];
  Groups: RawIdentityStoreGroup[];
  GroupMemberships: RawGroupMembership[];
  PermissionSets: RawPermissionSet[];
  AccountAssignments: RawAccountAssignment[];
}

/** The whole file: one top-level key, so the offline reader recognises it by content. */
export interface RawIdentityCenterFile {
  IdentityCenter: RawIdentityCenter;
}
