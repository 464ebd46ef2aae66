import { z } from 'zod';
import type { AuthorizationDetails, OrganizationFile, RawCredentialFile } from '../raw-types';

/**
 * Schemas of the three file kinds of an offline import. They check structure only: policy
 * documents stay as they came (a JSON object from the CLI, a URL-encoded string from the raw
 * API) because parsing them is the engine's job. Objects are loose so fields AWS adds later
 * do not break an import.
 */

const policyDocumentSchema = z.union([z.string(), z.record(z.string(), z.unknown())]);
const tagSchema = z.looseObject({ Key: z.string(), Value: z.string() });
const embeddedPolicySchema = z.looseObject({ PolicyName: z.string(), PolicyDocument: policyDocumentSchema });
const attachedPolicySchema = z.looseObject({ PolicyName: z.string(), PolicyArn: z.string() });
const boundarySchema = z.looseObject({ PermissionsBoundaryType: z.string(), PermissionsBoundaryArn: z.string() });

const userSchema = z.looseObject({
  Path: z.string(),
  UserName: z.string(),
  UserId: z.string(),
  Arn: z.string(),
  CreateDate: z.string(),
  UserPolicyList: z.array(embeddedPolicySchema).optional(),
  GroupList: z.array(z.string()).optional(),
  AttachedManagedPolicies: z.array(attachedPolicySchema).optional(),
  PermissionsBoundary: boundarySchema.optional(),
  Tags: z.array(tagSchema).optional(),
});

const groupSchema = z.looseObject({
  Path: z.string(),
  GroupName: z.string(),
  GroupId: z.string(),
  Arn: z.string(),
  CreateDate: z.string(),
  GroupPolicyList: z.array(embeddedPolicySchema).optional(),
  AttachedManagedPolicies: z.array(attachedPolicySchema).optional(),
});

const instanceProfileSchema = z.looseObject({
  Path: z.string(),
  InstanceProfileName: z.string(),
  InstanceProfileId: z.string(),
  Arn: z.string(),
  CreateDate: z.string(),
  Roles: z.array(z.unknown()),
});

const roleSchema = z.looseObject({
  Path: z.string(),
  RoleName: z.string(),
  RoleId: z.string(),
  Arn: z.string(),
  CreateDate: z.string(),
  AssumeRolePolicyDocument: policyDocumentSchema,
  InstanceProfileList: z.array(instanceProfileSchema).optional(),
  RolePolicyList: z.array(embeddedPolicySchema).optional(),
  AttachedManagedPolicies: z.array(attachedPolicySchema).optional(),
  PermissionsBoundary: boundarySchema.optional(),
  Tags: z.array(tagSchema).optional(),
  RoleLastUsed: z.looseObject({ LastUsedDate: z.string().optional(), Region: z.string().optional() }).optional(),
});

const policyVersionSchema = z.looseObject({
  Document: policyDocumentSchema,
  VersionId: z.string(),
  IsDefaultVersion: z.boolean(),
  CreateDate: z.string(),
});

const managedPolicySchema = z.looseObject({
  PolicyName: z.string(),
  PolicyId: z.string(),
  Arn: z.string(),
  Path: z.string(),
  DefaultVersionId: z.string(),
  AttachmentCount: z.number(),
  PermissionsBoundaryUsageCount: z.number().optional(),
  IsAttachable: z.boolean(),
  Description: z.string().optional(),
  CreateDate: z.string(),
  UpdateDate: z.string(),
  PolicyVersionList: z.array(policyVersionSchema),
});

/** The top-level keys that identify `get-account-authorization-details` output. */
export const AUTHORIZATION_DETAILS_KEYS = ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'] as const;

/**
 * Output of `aws iam get-account-authorization-details`. A list missing from the file (the
 * `--filter` option omits some) counts as empty; `IsTruncated: true` marks a single raw API
 * page, which would silently hide principals, so it is refused.
 */
export const authorizationDetailsSchema = z
  .looseObject({
    UserDetailList: z.array(userSchema).default([]),
    GroupDetailList: z.array(groupSchema).default([]),
    RoleDetailList: z.array(roleSchema).default([]),
    Policies: z.array(managedPolicySchema).default([]),
    IsTruncated: z.boolean().optional(),
  })
  .refine((value) => value.IsTruncated !== true, { message: 'IsTruncated is true: this is one page of a paginated listing; merge all pages (the AWS CLI does by default)' });

export const credentialFileSchema = z.looseObject({
  accountId: z.string().regex(/^\d{12}$/, 'accountId must be 12 digits'),
  users: z.array(
    z.looseObject({
      userName: z.string(),
      passwordEnabled: z.boolean(),
      passwordLastUsed: z.string().nullable(),
      mfaActive: z.boolean(),
      accessKeys: z.array(
        z.looseObject({
          accessKeyId: z.string(),
          status: z.enum(['Active', 'Inactive']),
          createDate: z.string(),
          lastUsedDate: z.string().nullable(),
          lastUsedService: z.string().nullable(),
        }),
      ),
      serviceSpecificCredentials: z.array(
        z.looseObject({
          serviceSpecificCredentialId: z.string(),
          serviceName: z.string(),
          status: z.enum(['Active', 'Inactive']),
          createDate: z.string(),
          expirationDate: z.string().nullable(),
        }),
      ),
    }),
  ),
});

const effectivePolicySchema = z.looseObject({
  targetId: z.string().regex(/^\d{12}$/, 'targetId must be a 12-digit account id'),
  policyType: z.literal('BEDROCK_POLICY'),
  content: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

export const organizationFileSchema = z.looseObject({
  organization: z.looseObject({ id: z.string(), managementAccountId: z.string() }),
  roots: z.array(z.looseObject({ id: z.string(), name: z.string() })),
  organizationalUnits: z.array(z.looseObject({ id: z.string(), name: z.string(), parentId: z.string() })),
  accounts: z.array(
    z.looseObject({
      id: z.string().regex(/^\d{12}$/, 'account id must be 12 digits'),
      name: z.string(),
      email: z.string(),
      status: z.string(),
      parentId: z.string(),
      tags: z.record(z.string(), z.string()).default({}),
    }),
  ),
  policies: z
    .array(
      z.looseObject({
        id: z.string(),
        name: z.string(),
        type: z.enum(['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY', 'BEDROCK_POLICY']),
        content: policyDocumentSchema,
        targetIds: z.array(z.string()),
      }),
    )
    .default([]),
  effectivePolicies: z.array(effectivePolicySchema).optional(),
});

// Compile-time proof that what the schemas accept is what the mappers expect.
type Assert<T extends true> = T;
export type SchemaMatchesRawTypes = [
  Assert<z.output<typeof authorizationDetailsSchema> extends AuthorizationDetails ? true : false>,
  Assert<z.output<typeof credentialFileSchema> extends RawCredentialFile ? true : false>,
  Assert<z.output<typeof organizationFileSchema> extends OrganizationFile ? true : false>,
];
