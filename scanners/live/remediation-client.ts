import type { IAMClient } from '@aws-sdk/client-iam';
import { z } from 'zod';
import { createIamClient, createStsClient, type ClientCredentials } from './aws-clients';
import { endpointOverridesSchema } from './config';
import { assumeRole } from './assume-role';

/**
 * Where revocations act: a remediation role separate from the scanner's read-only role, so that
 * the scan's credentials can never change IAM.
 */
export const remediationClientConfigSchema = z
  .object({
    remediationRoleName: z.string().min(1).max(64),
    externalId: z.string().min(2).optional(),
    region: z.string().default('us-east-1'),
    maxAttempts: z.number().int().min(1).max(20).default(8),
    endpointOverrides: endpointOverridesSchema.optional(),
  })
  .strict();

/** Remediation client configuration after defaults. */
export type RemediationClientConfig = z.output<typeof remediationClientConfigSchema>;

/**
 * An IAM client acting as `remediationRoleName` in `accountId` (AssumeRole with session name
 * `bedrock-access-review-remediation`, so CloudTrail tells revocations from scans). In the
 * management account the role is assumed too: the base credentials are the scanner's and must stay
 * read-only in practice. The caller destroys the client when done.
 */
export async function createRemediationIamClient(config: RemediationClientConfig, accountId: string, options: { credentials?: ClientCredentials; signal?: AbortSignal } = {}): Promise<IAMClient> {
  const settings = { region: config.region, retry: { maxAttempts: config.maxAttempts }, endpointOverrides: config.endpointOverrides, credentials: options.credentials };
  const sts = createStsClient(settings);
  try {
    const credentials = await assumeRole(sts, {
      accountId,
      roleName: config.remediationRoleName,
      roleSessionName: 'bedrock-access-review-remediation',
      externalId: config.externalId,
      signal: options.signal,
    });
    return createIamClient(settings, credentials);
  } finally {
    sts.destroy();
  }
}
