import { z } from 'zod';
import { liveUsageSchema } from '../../lib/usage/usage-config';
import { identityCenterScanSchema } from '../../lib/config/schema';

const accountIdSchema = z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id');

/**
 * Endpoint overrides per service, for the local AWS endpoint (`npm run aws:local`) or a VPC
 * endpoint. The SDK also honours `AWS_ENDPOINT_URL_IAM` / `_STS` / `_ORGANIZATIONS` by itself.
 */
export const endpointOverridesSchema = z
  .object({
    iam: z.url().optional(),
    sts: z.url().optional(),
    organizations: z.url().optional(),
    bedrock: z.url().optional(),
    ssoAdmin: z.url().optional(),
    identitystore: z.url().optional(),
  })
  .strict();

/**
 * The live section of the app's configuration (`scan.live`). Credentials are never part of it:
 * they come from the SDK's default provider chain (environment, profile, SSO, instance role).
 */
export const liveScanConfigSchema = z
  .object({
    /**
     * The organisation's management account. When the base credentials belong to it, it is read
     * with them; otherwise (a scanner in a delegated-administrator account) the role is assumed there too.
     */
    managementAccountId: accountIdSchema,
    /**
     * Read-only role assumed in every member account (`arn:aws:iam::<acct>:role/<name>`). A role
     * with a path is named with it, as its ARN spells it: `security/BedrockAccessReviewReadOnly`.
     */
    readOnlyRoleName: z.string().regex(/^([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/, 'must be a role name, optionally with its path (path/name)'),
    /** Passed to AssumeRole when the role's trust policy requires `sts:ExternalId`. */
    externalId: z.string().min(2).max(1224).optional(),
    /** Session name shown in CloudTrail of the member accounts; default `bedrock-access-review`. */
    roleSessionName: z.string().regex(/^[\w+=,.@-]{2,64}$/, 'must be 2-64 characters of [A-Za-z0-9_+=,.@-]').optional(),
    /** The first region hosts the regional STS endpoint; IAM and Organizations are global. */
    regions: z.array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be a region code such as us-east-1')).min(1).default(['us-east-1']),
    /** Accounts left out of the scan entirely (not recorded as failed). */
    skipAccountIds: z.array(accountIdSchema).default([]),
    /** How many accounts are read at the same time. */
    concurrency: z.number().int().min(1).max(64).default(8),
    /** SDK attempts per call, the first included; throttling and 5xx are retried with full-jitter backoff. */
    maxAttempts: z.number().int().min(1).max(20).default(8),
    endpointOverrides: endpointOverridesSchema.optional(),
    /** IAM Identity Center: where its read-only calls run; absent or null: not read. */
    identityCenter: identityCenterScanSchema.nullish(),
    /** Bedrock usage evidence (CloudTrail, Access Advisor): off unless `usage.enabled` (#18). */
    usage: liveUsageSchema.nullish(),
  })
  .strict();

/** The live configuration after defaults. */
export type LiveScanConfig = z.output<typeof liveScanConfigSchema>;
/** Endpoint overrides per service. */
export type EndpointOverrides = z.output<typeof endpointOverridesSchema>;

/** Default RoleSessionName: names the product in the member accounts' CloudTrail. */
export const DEFAULT_ROLE_SESSION_NAME = 'bedrock-access-review';
