import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts';
import { AccountFetchError, AssumeRoleDeniedError, describeAwsError } from './errors';

/** Temporary credentials as STS returns them (assignable to the SDK clients' `credentials`). */
export interface AssumedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** Which role to assume where. */
export interface AssumeRoleInput {
  accountId: string;
  roleName: string;
  roleSessionName: string;
  externalId?: string;
  signal?: AbortSignal;
}

// Codes by which STS says "not you": a trust policy, an SCP, a missing role, a disabled region.
const DENIED_CODES = new Set(['AccessDenied', 'AccessDeniedException', 'InvalidClientTokenId', 'RegionDisabledException']);

/**
 * Temporary credentials of `arn:aws:iam::<accountId>:role/<roleName>`. They live only in the
 * returned object and the clients built from it; they are never logged or persisted.
 *
 * @throws AssumeRoleDeniedError when STS refuses; AccountFetchError for any other failure.
 */
export async function assumeRole(sts: STSClient, input: AssumeRoleInput): Promise<AssumedCredentials> {
  const roleArn = `arn:aws:iam::${input.accountId}:role/${input.roleName}`;
  try {
    const output = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: input.roleSessionName, ExternalId: input.externalId, DurationSeconds: 3600 }), { abortSignal: input.signal });
    const credentials = output.Credentials;
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey) throw new AccountFetchError(input.accountId, 'AssumeRole', 'STS returned no credentials');
    return { accessKeyId: credentials.AccessKeyId, secretAccessKey: credentials.SecretAccessKey, sessionToken: credentials.SessionToken, expiration: credentials.Expiration };
  } catch (error) {
    if (error instanceof AccountFetchError) throw error;
    if (error instanceof Error && DENIED_CODES.has(error.name)) throw new AssumeRoleDeniedError(input.accountId, roleArn, describeAwsError(error), { cause: error });
    throw new AccountFetchError(input.accountId, 'AssumeRole', describeAwsError(error), { cause: error });
  }
}
