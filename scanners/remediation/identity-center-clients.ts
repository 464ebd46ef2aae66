import type { AppConfig } from '../../lib/config/schema';
import { assumeRole } from '../live/assume-role';
import { createIdentitystoreClient, createSsoAdminClient, createStsClient, type ClientCredentials } from '../live/aws-clients';
import type { IdentityCenterClients } from './execute-identity-center-plan';

export interface IdentityCenterRemediationOptions {
  /** The Identity Center administrator account: the delegated administrator, else the management account. */
  accountId: string;
  region: string;
  remediationRoleName: string;
  externalId?: string;
  /** Tests: the local AWS endpoint (STS, sso-admin and identitystore on one URL). */
  endpoint?: string;
  credentials?: ClientCredentials;
}

/**
 * sso-admin and identitystore clients acting as the remediation role in the Identity Center
 * administrator account (session `bedrock-access-review-remediation`, as for IAM revocations), never
 * the scanner's read-only role. The caller destroys both.
 */
export async function createIdentityCenterRemediationClients(options: IdentityCenterRemediationOptions): Promise<IdentityCenterClients> {
  const endpointOverrides = options.endpoint ? { sts: options.endpoint, ssoAdmin: options.endpoint, identitystore: options.endpoint } : undefined;
  const settings = { region: options.region, retry: { maxAttempts: 3 }, endpointOverrides, credentials: options.credentials };
  const sts = createStsClient(settings);
  try {
    const credentials = await assumeRole(sts, { accountId: options.accountId, roleName: options.remediationRoleName, roleSessionName: 'bedrock-access-review-remediation', externalId: options.externalId });
    return { ssoAdmin: createSsoAdminClient(settings, options.region, credentials), identityStore: createIdentitystoreClient(settings, options.region, credentials) };
  } finally {
    sts.destroy();
  }
}

/** From the app configuration: where the live scan reads Identity Center. Throws when it reads none. */
export function identityCenterRemediationFromConfig(config: AppConfig): Promise<IdentityCenterClients> {
  const live = config.scan.live;
  if (!live?.identityCenter) throw new Error('scan.live.identityCenter is not configured: there is no Identity Center to change.');
  return createIdentityCenterRemediationClients({
    accountId: live.identityCenter.accountId ?? live.managementAccountId,
    region: live.identityCenter.region,
    remediationRoleName: config.revocations.remediationRoleName,
    externalId: live.externalId,
  });
}
