import type { STSClient } from '@aws-sdk/client-sts';
import type { AuthorizationDetails, RawCredentialFile } from '../raw-types';
import { assumeRole } from './assume-role';
import { createIamClient, type ClientSettings } from './aws-clients';
import { AccountFetchError, describeAwsError } from './errors';
import { fetchAuthorizationDetails } from './fetch-authorization-details';
import { fetchAccountControls } from './fetch-controls';
import type { RawControlsFile } from '../../lib/controls/raw-controls';
import { fetchCredentials, type CredentialReportWait } from './fetch-credentials';
import { createRefreshingCredentials } from './refreshing-credentials';

/** How one account is reached and read. */
export interface FetchAccountInput {
  accountId: string;
  /** True for the management account when the base credentials are its own: no AssumeRole then. */
  useBaseCredentials: boolean;
  readOnlyRoleName: string;
  externalId?: string;
  roleSessionName: string;
  settings: ClientSettings;
  sts: STSClient;
  iamPageSize?: number;
  credentialReport?: CredentialReportWait;
  signal?: AbortSignal;
  /** Regions whose Bedrock controls are read with the same credentials; absent: not read. */
  controlRegions?: string[];
  /** Assumed-role credentials are replaced this long before they expire (default 10 minutes). */
  credentialRefreshBeforeMs?: number;
}

/** What one account yields: the same raw shapes as the offline files. */
export interface FetchedAccount {
  details: AuthorizationDetails;
  credentials: RawCredentialFile;
  /** Degradations that did not fail the account (the credential report replaced by per-user calls). */
  warnings: string[];
  /** The Bedrock controls per region (`controls/<accountId>.json`), when `controlRegions` was given. */
  controls?: RawControlsFile;
}

async function step<T>(accountId: string, name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AccountFetchError) throw error;
    throw new AccountFetchError(accountId, name, describeAwsError(error), { cause: error });
  }
}

/**
 * Reads one account: AssumeRole into its read-only role (or the base credentials, see
 * `useBaseCredentials`), then all pages of GetAccountAuthorizationDetails and the credential facts.
 *
 * @throws AccountFetchError (or AssumeRoleDeniedError) naming the step that failed.
 */
export async function fetchAccount(input: FetchAccountInput): Promise<FetchedAccount> {
  let credentials = input.settings.credentials;
  if (!input.useBaseCredentials) {
    // Assumed again before expiry: reading a large account can outlast a (role-chained, one-hour) session.
    const provider = createRefreshingCredentials(
      () => assumeRole(input.sts, { accountId: input.accountId, roleName: input.readOnlyRoleName, roleSessionName: input.roleSessionName, externalId: input.externalId, signal: input.signal }),
      { refreshBeforeMs: input.credentialRefreshBeforeMs },
    );
    await provider(); // a refused AssumeRole fails the account here, before any IAM call
    credentials = provider;
  }
  const iam = createIamClient(input.settings, credentials);
  try {
    const details = await step(input.accountId, 'GetAccountAuthorizationDetails', () => fetchAuthorizationDetails(iam, { signal: input.signal, pageSize: input.iamPageSize }));
    const userNames = details.UserDetailList.map((user) => user.UserName);
    const fetched = await step(input.accountId, 'Credential report', () => fetchCredentials(iam, input.accountId, { wait: input.credentialReport, signal: input.signal, userNames }));
    const controls = input.controlRegions ? await fetchAccountControls(input.settings, credentials, input.accountId, input.controlRegions, input.signal) : undefined;
    return { details, credentials: fetched.credentials, warnings: fetched.warnings, ...(controls ? { controls } : {}) };
  } finally {
    iam.destroy();
  }
}
