import type { IAMClient } from '@aws-sdk/client-iam';
import type { ClientCredentials } from '../live/aws-clients';
import { createRemediationIamClient, remediationClientConfigSchema } from '../live/remediation-client';

export interface RemediationClientOptions {
  accountId: string;
  /** `revocations.remediationRoleName`; may include a path (`security/Name`). */
  remediationRoleName: string;
  externalId?: string;
  /** Tests: the local AWS endpoint (IAM and STS on one URL). Production: absent. */
  endpoint?: string;
  /** Base credentials; absent: the SDK default provider chain. */
  credentials?: ClientCredentials;
}

/** An IAM client assumed into the remediation role of the account (never the scanner's read-only role). */
export function createRevocationIamClient(options: RemediationClientOptions): Promise<IAMClient> {
  const config = remediationClientConfigSchema.parse({
    remediationRoleName: options.remediationRoleName,
    externalId: options.externalId,
    maxAttempts: 3,
    endpointOverrides: options.endpoint ? { iam: options.endpoint, sts: options.endpoint } : undefined,
  });
  return createRemediationIamClient(config, options.accountId, { credentials: options.credentials });
}
