/**
 * The raw shapes the scanners read, before mapping into `SnapshotInput`.
 *
 * `AuthorizationDetails` is exactly what `aws iam get-account-authorization-details` prints
 * (all pages merged; policy documents as JSON objects in CLI output, URL-encoded strings from
 * the raw IAM API). The live scanner assembles the same shape from SDK pages, so one mapper
 * serves both sources.
 */
import type { RawEffectivePolicy } from '../lib/controls/raw-controls';

export interface RawTag {
  Key: string;
  Value: string;
}

export interface RawPolicyEmbedded {
  PolicyName: string;
  PolicyDocument: string | Record<string, unknown>;
}

export interface RawAttachedPolicy {
  PolicyName: string;
  PolicyArn: string;
}

export interface RawPermissionsBoundary {
  PermissionsBoundaryType: 'Policy' | string;
  PermissionsBoundaryArn: string;
}

export interface RawUserDetail {
  Path: string;
  UserName: string;
  UserId: string;
  Arn: string;
  CreateDate: string;
  UserPolicyList?: RawPolicyEmbedded[];
  GroupList?: string[];
  AttachedManagedPolicies?: RawAttachedPolicy[];
  PermissionsBoundary?: RawPermissionsBoundary;
  Tags?: RawTag[];
}

export interface RawGroupDetail {
  Path: string;
  GroupName: string;
  GroupId: string;
  Arn: string;
  CreateDate: string;
  GroupPolicyList?: RawPolicyEmbedded[];
  AttachedManagedPolicies?: RawAttachedPolicy[];
}

export interface RawInstanceProfile {
  Path: string;
  InstanceProfileName: string;
  InstanceProfileId: string;
  Arn: string;
  CreateDate: string;
  Roles: unknown[];
}

export interface RawRoleDetail {
  Path: string;
  RoleName: string;
  RoleId: string;
  Arn: string;
  CreateDate: string;
  AssumeRolePolicyDocument: string | Record<string, unknown>;
  InstanceProfileList?: RawInstanceProfile[];
  RolePolicyList?: RawPolicyEmbedded[];
  AttachedManagedPolicies?: RawAttachedPolicy[];
  PermissionsBoundary?: RawPermissionsBoundary;
  Tags?: RawTag[];
  RoleLastUsed?: { LastUsedDate?: string; Region?: string };
}

export interface RawPolicyVersion {
  Document: string | Record<string, unknown>;
  VersionId: string;
  IsDefaultVersion: boolean;
  CreateDate: string;
}

export interface RawManagedPolicyDetail {
  PolicyName: string;
  PolicyId: string;
  Arn: string;
  Path: string;
  DefaultVersionId: string;
  AttachmentCount: number;
  PermissionsBoundaryUsageCount?: number;
  IsAttachable: boolean;
  Description?: string;
  CreateDate: string;
  UpdateDate: string;
  PolicyVersionList: RawPolicyVersion[];
}

export interface AuthorizationDetails {
  UserDetailList: RawUserDetail[];
  GroupDetailList: RawGroupDetail[];
  RoleDetailList: RawRoleDetail[];
  Policies: RawManagedPolicyDetail[];
}

/**
 * Optional per-account credential facts, one file `credentials/<accountId>.json` beside the
 * authorization-details files. The live scanner builds the same from the IAM credential report
 * (passwords, MFA, both access-key slots) and ListServiceSpecificCredentials (Bedrock API keys);
 * ListAccessKeys/GetAccessKeyLastUsed only when the report cannot be had.
 */
export interface RawCredentialFile {
  accountId: string;
  users: Array<{
    userName: string;
    passwordEnabled: boolean;
    passwordLastUsed: string | null;
    mfaActive: boolean;
    accessKeys: Array<{
      accessKeyId: string;
      status: 'Active' | 'Inactive';
      createDate: string;
      lastUsedDate: string | null;
      lastUsedService: string | null;
    }>;
    serviceSpecificCredentials: Array<{
      serviceSpecificCredentialId: string;
      serviceName: string;
      status: 'Active' | 'Inactive';
      createDate: string;
      expirationDate: string | null;
    }>;
  }>;
}

/**
 * The organisation file (`organization.json`), documented in the README and produced by
 * `scripts/export-organization.sh` with the AWS CLI.
 */
export interface OrganizationFile {
  organization: { id: string; managementAccountId: string };
  roots: Array<{ id: string; name: string }>;
  organizationalUnits: Array<{ id: string; name: string; parentId: string }>;
  accounts: Array<{
    id: string;
    name: string;
    email: string;
    status: 'ACTIVE' | 'SUSPENDED' | string;
    parentId: string;
    /** Account tags; `environment` (prod|nonprod|sandbox) and `owner` (email) are read. */
    tags: Record<string, string>;
  }>;
  policies: Array<{
    id: string;
    name: string;
    /** `BEDROCK_POLICY` documents name the guardrail enforced per region (lib/controls); they grant nothing. */
    type: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY' | 'BEDROCK_POLICY';
    /** The policy text as `describe-policy` returns it (a JSON string) or parsed. */
    content: string | Record<string, unknown>;
    targetIds: string[];
  }>;
  /**
   * `describe-effective-policy --policy-type BEDROCK_POLICY` per account; absent from files written
   * before controls were read (the organisation guardrail is then unknown).
   */
  effectivePolicies?: RawEffectivePolicy[];
}
