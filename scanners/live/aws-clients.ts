import { BedrockClient } from '@aws-sdk/client-bedrock';
import { IAMClient, type IAMClientConfig } from '@aws-sdk/client-iam';
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { EndpointOverrides } from './config';
import { FullJitterRetryStrategy, type RetryOptions } from './retry-strategy';

/** Credentials as the SDK clients accept them: a static identity or a provider. */
export type ClientCredentials = NonNullable<IAMClientConfig['credentials']>;

/** What every client of one scan shares. */
export interface ClientSettings {
  region: string;
  retry: RetryOptions;
  endpointOverrides?: EndpointOverrides;
  /** Base credentials; absent: the SDK's default provider chain. Never persisted or logged. */
  credentials?: ClientCredentials;
  /** Per-request socket timeout; a hung endpoint becomes a retryable error instead of a stuck scan. */
  requestTimeoutMs?: number;
}

function commonConfig(settings: ClientSettings) {
  return {
    region: settings.region,
    maxAttempts: settings.retry.maxAttempts,
    retryStrategy: new FullJitterRetryStrategy(settings.retry),
    requestHandler: new NodeHttpHandler({ requestTimeout: settings.requestTimeoutMs ?? 60_000, connectionTimeout: 10_000 }),
  };
}

/** STS client with the base credentials (AssumeRole is called from the management account). */
export function createStsClient(settings: ClientSettings): STSClient {
  return new STSClient({ ...commonConfig(settings), endpoint: settings.endpointOverrides?.sts, credentials: settings.credentials });
}

/** Organizations client with the base credentials. Organizations is global: us-east-1 signs it. */
export function createOrganizationsClient(settings: ClientSettings): OrganizationsClient {
  return new OrganizationsClient({ ...commonConfig(settings), region: 'us-east-1', endpoint: settings.endpointOverrides?.organizations, credentials: settings.credentials });
}

/** IAM client; `credentials` are the assumed role's for a member account, the base ones otherwise. */
export function createIamClient(settings: ClientSettings, credentials: ClientCredentials | undefined): IAMClient {
  return new IAMClient({ ...commonConfig(settings), region: 'us-east-1', endpoint: settings.endpointOverrides?.iam, credentials });
}

/** Bedrock control-plane client of one region, with the account's (assumed) credentials. */
export function createBedrockClient(settings: ClientSettings, credentials: ClientCredentials | undefined, region: string): BedrockClient {
  return new BedrockClient({ ...commonConfig(settings), region, endpoint: settings.endpointOverrides?.bedrock, credentials });
}

/** Identity Center admin client in the instance's region (sso-admin is regional). */
export function createSsoAdminClient(settings: ClientSettings, region: string, credentials: ClientCredentials | undefined): SSOAdminClient {
  return new SSOAdminClient({ ...commonConfig(settings), region, endpoint: settings.endpointOverrides?.ssoAdmin, credentials });
}

/** Identity store client in the instance's region. */
export function createIdentitystoreClient(settings: ClientSettings, region: string, credentials: ClientCredentials | undefined): IdentitystoreClient {
  return new IdentitystoreClient({ ...commonConfig(settings), region, endpoint: settings.endpointOverrides?.identitystore, credentials });
}
