import { z } from 'zod';
import { liveUsageSchema } from '../usage/usage-config';

/**
 * The one configuration file (`bedrock-access-review.config.json`, or the path in `BAR_CONFIG`).
 * Secrets never live here: AWS credentials come from the SDK's default provider chain and the
 * SMTP password and auth secrets from the environment.
 */
/**
 * Where the Identity Center calls run (#14): the region of the instance and the account that may
 * read it (the management account, or the delegated administrator, where the read-only role is
 * assumed). Without `instanceArn` the only instance that account sees is used.
 */
export const identityCenterScanSchema = z
  .object({
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be a region code such as us-east-1'),
    instanceArn: z
      .string()
      .regex(/^arn:aws[a-z-]*:sso:::instance\/(sso)?ins-[a-zA-Z0-9-.]{16}$/, 'must be an instance ARN such as arn:aws:sso:::instance/ssoins-1234567890abcdef')
      .optional(),
    accountId: z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id').optional(),
  })
  .strict();

export const liveScanSchema = z
  .object({
    managementAccountId: z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id'),
    readOnlyRoleName: z.string().min(1),
    externalId: z.string().min(2).optional(),
    regions: z.array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be a region code such as us-east-1')).default(['us-east-1']),
    skipAccountIds: z.array(z.string().regex(/^\d{12}$/)).default([]),
    concurrency: z.number().int().min(1).max(64).default(8),
    maxAttempts: z.number().int().min(1).max(20).default(8),
    /** IAM Identity Center (people behind the SSO roles); null or absent: not read. */
    identityCenter: identityCenterScanSchema.nullish(),
    /** Bedrock usage evidence (CloudTrail, Access Advisor): off unless `usage.enabled` (#18). */
    usage: liveUsageSchema.nullish(),
  })
  .strict();

/** Sign-in: proxies, email verification and roles from the directory (lib/auth). */
export const authConfigSchema = z
  .object({
    /** Proxies in front of the app that append to X-Forwarded-For (0: the app faces clients directly). */
    trustedProxyHops: z.number().int().min(0).max(10).default(0),
    /** Accept an ID token without `email_verified` (only for providers that never send the claim). `false` is always refused. */
    allowMissingEmailVerified: z.boolean().default(false),
    roleMapping: z
      .object({
        /** The ID-token or userinfo claim that carries groups or roles, e.g. `groups` or `roles`. */
        claim: z.string().min(1),
        /** Claim value -> app role; the most privileged match wins (admin, then auditor, then owner). */
        rules: z.array(z.object({ value: z.string().min(1), role: z.enum(['admin', 'auditor', 'owner']) }).strict()).min(1),
        /** Create users on first sign-in when a rule grants them a role. Off by default. */
        justInTimeProvisioning: z.boolean().default(false),
      })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();

export const appConfigSchema = z
  .object({
    scan: z
      .object({
        /** Cron expression (croner syntax) for scheduled scans; null disables the schedule. */
        schedule: z.string().nullable().default('0 */6 * * *'),
        /** Live scanning of the organisation; null when only offline imports are used. */
        live: liveScanSchema.nullable().default(null),
        /** Directory imported by scheduled scans when live is not configured. */
        offlineDirectory: z.string().nullable().default(null),
      })
      .strict()
      .default({ schedule: '0 */6 * * *', live: null, offlineDirectory: null }),
    /** Overrides of lib/analysis/blast-radius/weights.ts, validated there. */
    blastRadiusWeights: z.record(z.string(), z.unknown()).default({}),
    campaigns: z
      .object({
        fallbackReviewers: z.array(z.email()).default(['admin@example.com']),
        reminderDaysBeforeDue: z.number().int().min(0).max(60).default(3),
        microCertificationDueInDays: z.number().int().min(1).max(90).default(7),
      })
      .strict()
      .default({ fallbackReviewers: ['admin@example.com'], reminderDaysBeforeDue: 3, microCertificationDueInDays: 7 }),
    revocations: z
      .object({
        /**
         * Four-eyes: an admin other than the requester approves. On by default; a single-admin
         * installation turns it off here, explicitly, and the revocation pages say so.
         */
        requireFourEyes: z.boolean().default(true),
        /** Role assumed in member accounts to change IAM; separate from the read-only scan role. */
        remediationRoleName: z.string().min(1).default('BedrockAccessReviewRemediation'),
      })
      .strict()
      .default({ requireFourEyes: true, remediationRoleName: 'BedrockAccessReviewRemediation' }),
    auth: authConfigSchema.default({ trustedProxyHops: 0, allowMissingEmailVerified: false, roleMapping: null }),
    smtp: z
      .object({
        host: z.string().min(1),
        port: z.number().int().min(1).max(65535).default(587),
        secure: z.boolean().default(false),
        user: z.string().optional(),
        from: z.email(),
      })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();

export type AppConfig = z.infer<typeof appConfigSchema>;
export type LiveScanConfig = z.infer<typeof liveScanSchema>;
export type AuthConfig = z.infer<typeof authConfigSchema>;
export type IdentityCenterScanConfig = z.infer<typeof identityCenterScanSchema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Validates parsed JSON; the error names every offending field by its path. */
export function parseAppConfig(input: unknown, source = 'configuration'): AppConfig {
  const result = appConfigSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new ConfigError(`Invalid ${source}: ${problems.join('; ')}`);
}
