import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import type { RawControlsFile } from '../../lib/controls/raw-controls';
import type { AuthorizationDetails, OrganizationFile, RawCredentialFile } from '../raw-types';
import type { RawIdentityCenter } from '../raw-identity-center';
import { assumeRole } from './assume-role';
import { fetchIdentityCenter } from './fetch-identity-center';
import { createIdentitystoreClient, createOrganizationsClient, createSsoAdminClient, createStsClient, type ClientCredentials, type ClientSettings } from './aws-clients';
import { DEFAULT_ROLE_SESSION_NAME, type LiveScanConfig } from './config';
import { AccountFetchError, describeAwsError, OrganizationFetchError, ScanCancelledError } from './errors';
import { fetchAccount } from './fetch-account';
import type { CredentialReportWait } from './fetch-credentials';
import { fetchOrganization } from './fetch-organization';
import { runPool } from './promise-pool';
import type { RetryOptions } from './retry-strategy';

/** One account's outcome: its raw data, or why it could not be read. */
export type LiveAccountResult =
  | { accountId: string; status: 'ok'; details: AuthorizationDetails; credentials: RawCredentialFile; warnings: string[]; controls?: RawControlsFile }
  | { accountId: string; status: 'failed'; error: string };

/** The organisation and every account read, by account id. */
export interface LiveOrganizationResult {
  organization: OrganizationFile;
  accounts: LiveAccountResult[];
  /** Identity Center as read (null when not configured), or why it could not be read. */
  identityCenter: { status: 'ok'; data: RawIdentityCenter } | { status: 'failed'; error: string } | null;
}

/** Runtime options: callbacks and knobs that are not configuration. */
export interface FetchOrganizationLiveOptions {
  /** Called as each account finishes, ok or failed, with the progress so far. */
  onAccountDone?: (result: LiveAccountResult, progress: { done: number; total: number }) => void;
  /** Cancels the scan: no account starts after it aborts, running calls are aborted. */
  signal?: AbortSignal;
  /** Base credentials; default: the SDK's default provider chain. For tests and embedding. */
  credentials?: ClientCredentials;
  /** Backoff tuning beyond `config.maxAttempts` (tests shrink the delays). */
  retry?: Omit<RetryOptions, 'maxAttempts'>;
  /** MaxItems of GetAccountAuthorizationDetails (default 100). */
  iamPageSize?: number;
  /** MaxResults of Organizations list calls (default: the service's). */
  organizationsPageSize?: number;
  credentialReport?: CredentialReportWait;
  requestTimeoutMs?: number;
}

/** The live section as the scanner reads it: `roleSessionName` and `endpointOverrides` may be absent. */
export type LiveScanInput = Omit<LiveScanConfig, 'roleSessionName' | 'endpointOverrides'> & Partial<Pick<LiveScanConfig, 'roleSessionName' | 'endpointOverrides'>>;

async function fetchCallerAccountId(sts: STSClient, signal: AbortSignal | undefined): Promise<string> {
  try {
    const identity = await sts.send(new GetCallerIdentityCommand({}), { abortSignal: signal });
    if (!identity.Account) throw new Error('GetCallerIdentity returned no account');
    return identity.Account;
  } catch (error) {
    throw new OrganizationFetchError('GetCallerIdentity', `the base credentials cannot be used: ${describeAwsError(error)}`, { cause: error });
  }
}

/**
 * Reads the whole organisation live: the caller's identity (GetCallerIdentity) and the organisation
 * with the base credentials, then every
 * account not skipped and not SUSPENDED with at most `config.concurrency` at once. An account that
 * fails (AssumeRole refused, a call that keeps failing after retries, an answer that does not
 * parse) is recorded as failed with a one-line reason and the others go on. Throttling and 5xx are
 * retried by every client: `config.maxAttempts` attempts with full-jitter exponential backoff (see
 * retry-strategy.ts). Credentials are never written anywhere.
 *
 * @throws OrganizationFetchError when the organisation itself cannot be read.
 * @throws ScanCancelledError when `signal` aborted.
 */
export async function fetchOrganizationLive(config: LiveScanInput, options: FetchOrganizationLiveOptions = {}): Promise<LiveOrganizationResult> {
  const settings: ClientSettings = {
    region: config.regions[0] ?? 'us-east-1',
    retry: { ...options.retry, maxAttempts: config.maxAttempts },
    endpointOverrides: config.endpointOverrides,
    credentials: options.credentials,
    requestTimeoutMs: options.requestTimeoutMs,
  };
  const organizations = createOrganizationsClient(settings);
  const sts = createStsClient(settings);
  try {
    // Who the base credentials are decides whether the management account needs AssumeRole.
    const callerAccountId = await fetchCallerAccountId(sts, options.signal);
    const organization = await fetchOrganization(organizations, { signal: options.signal, pageSize: options.organizationsPageSize });
    if (organization.organization.managementAccountId !== config.managementAccountId) {
      throw new OrganizationFetchError('DescribeOrganization', `the credentials belong to organisation ${organization.organization.id} managed by ${organization.organization.managementAccountId}, not the configured management account ${config.managementAccountId}`);
    }
    const skipped = new Set(config.skipAccountIds);
    // Suspended accounts cannot be assumed into and hold no usable access: they are left out, like skipped ones.
    // Sorted by id: scheduling and results are the same from one scan to the next.
    const targets = organization.accounts.filter((account) => !skipped.has(account.id) && account.status !== 'SUSPENDED').sort((left, right) => left.id.localeCompare(right.id));
    let done = 0;
    const accounts = await runPool(
      targets,
      config.concurrency,
      async (account): Promise<LiveAccountResult> => {
        let result: LiveAccountResult;
        try {
          const fetched = await fetchAccount({
            accountId: account.id,
            useBaseCredentials: account.id === config.managementAccountId && callerAccountId === config.managementAccountId,
            readOnlyRoleName: config.readOnlyRoleName,
            externalId: config.externalId,
            roleSessionName: config.roleSessionName ?? DEFAULT_ROLE_SESSION_NAME,
            settings,
            sts,
            iamPageSize: options.iamPageSize,
            credentialReport: options.credentialReport,
            signal: options.signal,
            controlRegions: config.regions,
          });
          result = { accountId: account.id, status: 'ok', ...fetched };
        } catch (error) {
          result = { accountId: account.id, status: 'failed', error: error instanceof AccountFetchError ? error.message : describeAwsError(error) };
        }
        done += 1;
        options.onAccountDone?.(result, { done, total: targets.length });
        return result;
      },
      options.signal,
    );
    if (options.signal?.aborted) throw new ScanCancelledError();
    const identityCenter = config.identityCenter ? await readIdentityCenter(config, config.identityCenter, settings, sts, callerAccountId, options.signal) : null;
    if (options.signal?.aborted) throw new ScanCancelledError();
    return { organization, accounts, identityCenter };
  } finally {
    organizations.destroy();
    sts.destroy();
  }
}

/**
 * Identity Center from the account configured for it (default: the management account): with the
 * base credentials when they belong to that account, else through the read-only role there. A
 * failure is returned, not thrown: the IAM data of the scan stays usable (the scan is partial).
 */
async function readIdentityCenter(
  config: LiveScanInput,
  identityCenter: NonNullable<LiveScanInput['identityCenter']>,
  settings: ClientSettings,
  sts: STSClient,
  callerAccountId: string,
  signal: AbortSignal | undefined,
): Promise<NonNullable<LiveOrganizationResult['identityCenter']>> {
  const accountId = identityCenter.accountId ?? config.managementAccountId;
  let ssoAdmin: ReturnType<typeof createSsoAdminClient> | null = null;
  let identityStore: ReturnType<typeof createIdentitystoreClient> | null = null;
  try {
    const credentials =
      accountId === callerAccountId
        ? settings.credentials
        : await assumeRole(sts, { accountId, roleName: config.readOnlyRoleName, roleSessionName: config.roleSessionName ?? DEFAULT_ROLE_SESSION_NAME, externalId: config.externalId, signal });
    ssoAdmin = createSsoAdminClient(settings, identityCenter.region, credentials);
    identityStore = createIdentitystoreClient(settings, identityCenter.region, credentials);
    const data = await fetchIdentityCenter(ssoAdmin, identityStore, { instanceArn: identityCenter.instanceArn, concurrency: config.concurrency, signal });
    return { status: 'ok', data };
  } catch (error) {
    return { status: 'failed', error: error instanceof Error && !('$metadata' in error) ? error.message : describeAwsError(error) };
  } finally {
    ssoAdmin?.destroy();
    identityStore?.destroy();
  }
}
