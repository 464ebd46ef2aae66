import { z } from 'zod';
import type { AuthorizationDetails, OrganizationFile, RawCredentialFile } from '../raw-types';

/**
 * Schemas of the three file kinds of an offline import. They check structure only: policy
 * documents stay as they came (a JSON object from the CLI, a URL-encoded string from the raw
 * API) because parsing them is the engine's job. Objects are loose so fields AWS adds later
 * do not break an import.
 */

const policyDocumentSchema = z.union([z.string(), z.record(z.string(), z.unknown())]);

/*
 * What the analysis needs is checked strictly: names, ARNs, policy documents, versions, the
 * trust policy, attachments. Everything else that AWS prints but the analysis never reads
 * (counts, ids, dates, descriptions, instance profiles) is tolerated when null or missing, as
 * real files of different CLI and SDK eras have it (`PermissionsBoundaryUsageCount: null` in
 * widely shared exports; no `Tags` or `PermissionsBoundary` keys before 2018). Such gaps are
 * reported as warnings by `describeToleratedGaps`, not refused.
 */

/** A list the analysis reads but may be absent or null: empty then. */
function optionalList<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((value) => value ?? undefined);
}

/** A string the analysis does not need: null or missing becomes `fallback`. */
function tolerantString(fallback: string) {
  return z
    .string()
    .nullish()
    .transform((value) => value ?? fallback);
}

/** A date the analysis shows but never decides on: null or missing is '' (unknown); boto3 and CLI forms both parse later. */
const tolerantDate = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => (value === null || value === undefined ? '' : typeof value === 'number' ? new Date(value * 1000).toISOString() : value));

const tagSchema = z.looseObject({ Key: z.string(), Value: tolerantString('') });
const embeddedPolicySchema = z.looseObject({ PolicyName: z.string(), PolicyDocument: policyDocumentSchema });
const attachedPolicySchema = z.looseObject({ PolicyName: tolerantString(''), PolicyArn: z.string() });
const boundarySchema = z.looseObject({ PermissionsBoundaryType: tolerantString('Policy'), PermissionsBoundaryArn: z.string() });
/** A boundary key printed as null means no boundary. */
const optionalBoundary = boundarySchema.nullish().transform((value) => value ?? undefined);

const userSchema = z.looseObject({
  Path: tolerantString('/'),
  UserName: z.string(),
  UserId: tolerantString(''),
  Arn: z.string(),
  CreateDate: tolerantDate,
  UserPolicyList: optionalList(embeddedPolicySchema),
  GroupList: optionalList(z.string()),
  AttachedManagedPolicies: optionalList(attachedPolicySchema),
  PermissionsBoundary: optionalBoundary,
  Tags: optionalList(tagSchema),
});

const groupSchema = z.looseObject({
  Path: tolerantString('/'),
  GroupName: z.string(),
  GroupId: tolerantString(''),
  Arn: z.string(),
  CreateDate: tolerantDate,
  GroupPolicyList: optionalList(embeddedPolicySchema),
  AttachedManagedPolicies: optionalList(attachedPolicySchema),
});

// Instance profiles are not read by the analysis: any shape is kept as it came.
const instanceProfileSchema = z.looseObject({
  Path: tolerantString('/'),
  InstanceProfileName: tolerantString(''),
  InstanceProfileId: tolerantString(''),
  Arn: tolerantString(''),
  CreateDate: tolerantDate,
  Roles: z
    .array(z.unknown())
    .nullish()
    .transform((value) => value ?? []),
});

const roleSchema = z.looseObject({
  Path: tolerantString('/'),
  RoleName: z.string(),
  RoleId: tolerantString(''),
  Arn: z.string(),
  CreateDate: tolerantDate,
  AssumeRolePolicyDocument: policyDocumentSchema,
  InstanceProfileList: optionalList(instanceProfileSchema),
  RolePolicyList: optionalList(embeddedPolicySchema),
  AttachedManagedPolicies: optionalList(attachedPolicySchema),
  PermissionsBoundary: optionalBoundary,
  Tags: optionalList(tagSchema),
  RoleLastUsed: z
    .looseObject({
      LastUsedDate: z
        .union([z.string(), z.number()])
        .nullish()
        .transform((value) => (value === null || value === undefined ? undefined : typeof value === 'number' ? new Date(value * 1000).toISOString() : value)),
      Region: z
        .string()
        .nullish()
        .transform((value) => value ?? undefined),
    })
    .nullish()
    .transform((value) => value ?? undefined),
});

const policyVersionSchema = z.looseObject({
  Document: policyDocumentSchema,
  VersionId: z.string(),
  // The mapper falls back to DefaultVersionId when the flag is missing.
  IsDefaultVersion: z
    .boolean()
    .nullish()
    .transform((value) => value ?? false),
  CreateDate: tolerantDate,
});

const tolerantCount = z
  .number()
  .nullish()
  .transform((value) => value ?? undefined);

const managedPolicySchema = z.looseObject({
  PolicyName: z.string(),
  PolicyId: tolerantString(''),
  Arn: z.string(),
  Path: tolerantString('/'),
  DefaultVersionId: tolerantString(''),
  // Not read by the analysis; 0 stands for "not printed".
  AttachmentCount: z
    .number()
    .nullish()
    .transform((value) => value ?? 0),
  PermissionsBoundaryUsageCount: tolerantCount,
  IsAttachable: z
    .boolean()
    .nullish()
    .transform((value) => value ?? true),
  Description: z
    .string()
    .nullish()
    .transform((value) => value ?? undefined),
  CreateDate: tolerantDate,
  UpdateDate: tolerantDate,
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
