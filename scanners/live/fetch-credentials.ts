import {
  GenerateCredentialReportCommand,
  GetAccessKeyLastUsedCommand,
  GetCredentialReportCommand,
  GetLoginProfileCommand,
  GetUserCommand,
  ListAccessKeysCommand,
  ListMFADevicesCommand,
  ListServiceSpecificCredentialsCommand,
  type IAMClient,
  type ServiceSpecificCredentialMetadata,
} from '@aws-sdk/client-iam';
import type { RawCredentialFile } from '../raw-types';
import { collectPages } from './collect-pages';
import { parseCredentialReport, reportDateOrNull, type CredentialReportRow } from './credential-report-csv';
import { CredentialReportTimeoutError, describeAwsError, UnexpectedResponseError } from './errors';
import { formatCliDate } from './raw-json';
import { sleep } from './sleep';

/**
 * Bounds of the credential-report wait: IAM builds the report asynchronously. Polls start fast
 * (a report usually completes within a second) and back off to a ceiling.
 */
export interface CredentialReportWait {
  /** First pause between polls, doubled after each poll up to `maxPollIntervalMs`; default 250 ms. */
  pollIntervalMs?: number;
  /** Ceiling of the pause between polls; default 2 s. */
  maxPollIntervalMs?: number;
  /** Give up after this long; default 120 s. */
  maxWaitMs?: number;
  /** Pause; injectable for tests. Default: a timer that an abort ends early. */
  sleep?: (milliseconds: number, signal?: AbortSignal) => Promise<void>;
  /** Clock in milliseconds; injectable for tests. Default: Date.now. */
  now?: () => number;
}

/** The service name of Bedrock API keys (service-specific credentials). */
export const BEDROCK_SERVICE_NAME = 'bedrock.amazonaws.com';

/** IAM allows at most two access keys per user; the credential report has a column group for each. */
const REPORT_KEY_SLOTS = [1, 2] as const;

type User = RawCredentialFile['users'][number];
type AccessKey = User['accessKeys'][number];

function errorCode(error: unknown): string {
  return error instanceof Error ? (error as Error & { Code?: string }).Code ?? error.name : '';
}

/** Not ready, absent, or expired (older than four hours): generating again and polling fixes each. */
function isReportNotReady(error: unknown): boolean {
  return ['ReportInProgress', 'CredentialReportNotReadyException', 'ReportNotPresent', 'CredentialReportNotPresentException', 'ReportExpired', 'CredentialReportExpiredException'].includes(errorCode(error));
}

function isAccessDenied(error: unknown): boolean {
  return ['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation'].includes(errorCode(error));
}

/**
 * Generates the credential report and polls until it is COMPLETE, then returns its rows. The pause
 * between polls starts at `pollIntervalMs` and doubles up to `maxPollIntervalMs`; the last pause
 * is cut so that the whole wait stays within `maxWaitMs`.
 * @throws CredentialReportTimeoutError after `maxWaitMs`.
 */
export async function fetchCredentialReport(client: IAMClient, wait: CredentialReportWait = {}, signal?: AbortSignal): Promise<CredentialReportRow[]> {
  const maxWaitMs = wait.maxWaitMs ?? 120_000;
  let delayMs = wait.pollIntervalMs ?? 250;
  const ceilingMs = Math.max(delayMs, wait.maxPollIntervalMs ?? 2_000);
  const pause = wait.sleep ?? sleep;
  const now = wait.now ?? Date.now;
  const startedAt = now();
  for (;;) {
    const generated = await client.send(new GenerateCredentialReportCommand({}), { abortSignal: signal });
    if (generated.State === 'COMPLETE') {
      try {
        const report = await client.send(new GetCredentialReportCommand({}), { abortSignal: signal });
        if (!report.Content) throw new UnexpectedResponseError('GetCredentialReport returned no content');
        return parseCredentialReport(Buffer.from(report.Content).toString('utf8'));
      } catch (error) {
        // COMPLETE and yet not ready happens when another caller started a new report meanwhile.
        if (!isReportNotReady(error)) throw error;
      }
    }
    const remainingMs = maxWaitMs - (now() - startedAt);
    if (remainingMs <= 0) throw new CredentialReportTimeoutError(now() - startedAt);
    await pause(Math.min(delayMs, remainingMs), signal);
    signal?.throwIfAborted();
    delayMs = Math.min(ceilingMs, delayMs * 2);
  }
}

/**
 * Access key `slot` (1 or 2) of a report row, or null when the user has no key there. The report
 * carries no key id: the id is synthesised as `key 1`/`key 2` (nothing downstream needs the real
 * one, see the module comment). `undefined` means the row shows a key it does not date, which only
 * the per-user calls can describe.
 */
export function accessKeyFromReport(row: CredentialReportRow, slot: 1 | 2): AccessKey | null | undefined {
  const prefix = `access_key_${slot}_`;
  const isActive = row[`${prefix}active`] === 'true';
  const createDate = reportDateOrNull(row[`${prefix}last_rotated`]);
  const lastUsedDate = reportDateOrNull(row[`${prefix}last_used_date`]);
  if (createDate === null) return isActive || lastUsedDate !== null ? undefined : null;
  const service = row[`${prefix}last_used_service`];
  return {
    accessKeyId: `key ${slot}`,
    status: isActive ? 'Active' : 'Inactive',
    createDate,
    lastUsedDate,
    lastUsedService: lastUsedDate && service && service !== 'N/A' ? service : null,
  };
}

async function fetchAccessKeys(client: IAMClient, userName: string, signal?: AbortSignal): Promise<User['accessKeys']> {
  const keys = await collectPages(async (Marker) => {
    const page = await client.send(new ListAccessKeysCommand({ UserName: userName, Marker }), { abortSignal: signal });
    return { items: page.AccessKeyMetadata ?? [], nextToken: page.IsTruncated ? page.Marker : undefined };
  });
  const result: User['accessKeys'] = [];
  for (const key of keys) {
    if (!key.AccessKeyId || !key.CreateDate) throw new UnexpectedResponseError(`ListAccessKeys for ${userName} returned a key without id or date`);
    const lastUsed = await client.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.AccessKeyId }), { abortSignal: signal });
    const date = lastUsed.AccessKeyLastUsed?.LastUsedDate;
    const service = lastUsed.AccessKeyLastUsed?.ServiceName;
    result.push({
      accessKeyId: key.AccessKeyId,
      status: key.Status === 'Active' ? 'Active' : 'Inactive',
      createDate: formatCliDate(key.CreateDate),
      lastUsedDate: date ? formatCliDate(date) : null,
      lastUsedService: date && service && service !== 'N/A' ? service : null,
    });
  }
  return result;
}

type BedrockApiKey = User['serviceSpecificCredentials'][number];

function toBedrockApiKey(credential: ServiceSpecificCredentialMetadata, userName: string): BedrockApiKey {
  if (!credential.ServiceSpecificCredentialId || !credential.CreateDate) throw new UnexpectedResponseError(`ListServiceSpecificCredentials for ${userName} returned a credential without id or date`);
  return {
    serviceSpecificCredentialId: credential.ServiceSpecificCredentialId,
    serviceName: credential.ServiceName ?? BEDROCK_SERVICE_NAME,
    status: credential.Status === 'Active' ? 'Active' : 'Inactive',
    createDate: formatCliDate(credential.CreateDate),
    expirationDate: credential.ExpirationDate ? formatCliDate(credential.ExpirationDate) : null,
  };
}

/** Bedrock API keys of one user: ListServiceSpecificCredentials filtered to bedrock.amazonaws.com. */
async function fetchBedrockApiKeys(client: IAMClient, userName: string, signal?: AbortSignal): Promise<BedrockApiKey[]> {
  const credentials = await collectPages(async (Marker) => {
    const page = await client.send(new ListServiceSpecificCredentialsCommand({ UserName: userName, ServiceName: BEDROCK_SERVICE_NAME, Marker }), { abortSignal: signal });
    return { items: page.ServiceSpecificCredentials ?? [], nextToken: page.IsTruncated ? page.Marker : undefined };
  });
  return credentials.map((credential) => toBedrockApiKey(credential, userName));
}

/**
 * The Bedrock API keys of every user of the account in one paged call (`AllUsers`), instead of
 * one call per user (7,000 calls for 200 accounts). Null when the endpoint refuses the
 * parameter (an older partition or IAM-compatible endpoint): the caller then asks user by user.
 */
async function fetchAllBedrockApiKeys(client: IAMClient, signal?: AbortSignal): Promise<Map<string, BedrockApiKey[]> | null> {
  let credentials: ServiceSpecificCredentialMetadata[];
  try {
    credentials = await collectPages(async (Marker) => {
      const page = await client.send(new ListServiceSpecificCredentialsCommand({ AllUsers: true, ServiceName: BEDROCK_SERVICE_NAME, Marker }), { abortSignal: signal });
      return { items: page.ServiceSpecificCredentials ?? [], nextToken: page.IsTruncated ? page.Marker : undefined };
    });
  } catch (error) {
    signal?.throwIfAborted();
    if (['ValidationError', 'InvalidInput', 'InvalidParameterValue', 'InvalidAction', 'UnknownOperationException'].includes(errorCode(error))) return null;
    throw error;
  }
  const byUser = new Map<string, BedrockApiKey[]>();
  for (const credential of credentials) {
    const userName = credential.UserName;
    if (!userName) throw new UnexpectedResponseError('ListServiceSpecificCredentials (all users) returned a credential without its user name');
    const list = byUser.get(userName) ?? [];
    list.push(toBedrockApiKey(credential, userName));
    byUser.set(userName, list);
  }
  return byUser;
}

/** A user's facts from the report row; the per-user key calls only for a key the row cannot date. */
async function userFromReport(client: IAMClient, row: CredentialReportRow, allApiKeys: Map<string, BedrockApiKey[]> | null, signal?: AbortSignal): Promise<User> {
  const passwordEnabled = row.password_enabled === 'true';
  const slots = REPORT_KEY_SLOTS.map((slot) => accessKeyFromReport(row, slot));
  const accessKeys = slots.includes(undefined) ? await fetchAccessKeys(client, row.user, signal) : slots.filter((key): key is AccessKey => key !== null && key !== undefined);
  return {
    userName: row.user,
    passwordEnabled,
    passwordLastUsed: passwordEnabled ? reportDateOrNull(row.password_last_used) : null,
    mfaActive: row.mfa_active === 'true',
    accessKeys,
    serviceSpecificCredentials: allApiKeys ? (allApiKeys.get(row.user) ?? []) : await fetchBedrockApiKeys(client, row.user, signal),
  };
}

/** A user's facts without the report: GetUser, GetLoginProfile, ListMFADevices and the key calls. */
async function userFromPerUserCalls(client: IAMClient, userName: string, signal?: AbortSignal): Promise<User> {
  const user = await client.send(new GetUserCommand({ UserName: userName }), { abortSignal: signal });
  let passwordEnabled = true;
  try {
    await client.send(new GetLoginProfileCommand({ UserName: userName }), { abortSignal: signal });
  } catch (error) {
    if (errorCode(error) !== 'NoSuchEntity' && errorCode(error) !== 'NoSuchEntityException') throw error;
    passwordEnabled = false;
  }
  const mfaDevices = await collectPages(async (Marker) => {
    const page = await client.send(new ListMFADevicesCommand({ UserName: userName, Marker }), { abortSignal: signal });
    return { items: page.MFADevices ?? [], nextToken: page.IsTruncated ? page.Marker : undefined };
  });
  const passwordLastUsed = user.User?.PasswordLastUsed;
  return {
    userName,
    passwordEnabled,
    passwordLastUsed: passwordEnabled && passwordLastUsed ? formatCliDate(passwordLastUsed) : null,
    mfaActive: mfaDevices.length > 0,
    accessKeys: await fetchAccessKeys(client, userName, signal),
    serviceSpecificCredentials: await fetchBedrockApiKeys(client, userName, signal),
  };
}

/** The account's credential facts, and what was degraded on the way (empty when nothing was). */
export interface FetchedCredentials {
  credentials: RawCredentialFile;
  /** One line per degradation, e.g. the credential report could not be had and per-user calls were used. */
  warnings: string[];
}

/**
 * The account's credential facts. From the credential report: password, MFA and both access-key
 * slots (status, creation, last use and its service). The report has no access key ids: they are
 * synthesised as `key 1`/`key 2`, since the analysis only counts, dates and sorts keys and no page
 * shows an id. ListAccessKeys/GetAccessKeyLastUsed are called only for a user whose row shows a
 * key without a date. Bedrock API keys: one ListServiceSpecificCredentials for all users
 * (AllUsers, ServiceName bedrock.amazonaws.com), per user where the endpoint refuses AllUsers.
 *
 * When the report cannot be had (AccessDenied, or not ready within `maxWaitMs`), every user of
 * `userNames` is read with per-user calls instead (GetUser, GetLoginProfile, ListMFADevices,
 * ListAccessKeys, GetAccessKeyLastUsed), with real key ids, and a warning says so.
 */
export async function fetchCredentials(
  client: IAMClient,
  accountId: string,
  options: { wait?: CredentialReportWait; signal?: AbortSignal; userNames?: readonly string[] } = {},
): Promise<FetchedCredentials> {
  let rows: CredentialReportRow[];
  try {
    rows = await fetchCredentialReport(client, options.wait, options.signal);
  } catch (error) {
    options.signal?.throwIfAborted();
    if (!(error instanceof CredentialReportTimeoutError) && !isAccessDenied(error)) throw error;
    if (!options.userNames) throw error;
    const users: User[] = [];
    for (const userName of options.userNames) users.push(await userFromPerUserCalls(client, userName, options.signal));
    return {
      credentials: { accountId, users },
      warnings: [`account ${accountId}: the credential report could not be had (${describeAwsError(error)}); credential facts were read user by user`],
    };
  }
  const users: User[] = [];
  const allApiKeys = await fetchAllBedrockApiKeys(client, options.signal);
  for (const row of rows.filter((candidate) => candidate.user !== '<root_account>')) users.push(await userFromReport(client, row, allApiKeys, options.signal));
  return { credentials: { accountId, users }, warnings: [] };
}
