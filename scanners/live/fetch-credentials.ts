import {
  GenerateCredentialReportCommand,
  GetAccessKeyLastUsedCommand,
  GetCredentialReportCommand,
  ListAccessKeysCommand,
  ListServiceSpecificCredentialsCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import type { RawCredentialFile } from '../raw-types';
import { collectPages } from './collect-pages';
import { parseCredentialReport, reportDateOrNull, type CredentialReportRow } from './credential-report-csv';
import { CredentialReportTimeoutError, UnexpectedResponseError } from './errors';
import { formatCliDate } from './raw-json';

/** Bounds of the credential-report wait: IAM builds the report asynchronously. */
export interface CredentialReportWait {
  /** Pause between polls; default 2 s. */
  pollIntervalMs?: number;
  /** Give up after this long; default 120 s. */
  maxWaitMs?: number;
}

/** The service name of Bedrock API keys (service-specific credentials). */
export const BEDROCK_SERVICE_NAME = 'bedrock.amazonaws.com';

type User = RawCredentialFile['users'][number];

function sleep(milliseconds: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, milliseconds);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

function isReportNotReady(error: unknown): boolean {
  const code = error instanceof Error ? (error as Error & { Code?: string }).Code ?? error.name : '';
  return ['ReportInProgress', 'CredentialReportNotReadyException', 'ReportNotPresent', 'CredentialReportNotPresentException'].includes(code);
}

/**
 * Generates the credential report and polls until it is COMPLETE, then returns its rows.
 * @throws CredentialReportTimeoutError after `maxWaitMs`.
 */
export async function fetchCredentialReport(client: IAMClient, wait: CredentialReportWait = {}, signal?: AbortSignal): Promise<CredentialReportRow[]> {
  const pollIntervalMs = wait.pollIntervalMs ?? 2_000;
  const maxWaitMs = wait.maxWaitMs ?? 120_000;
  const startedAt = Date.now();
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
    if (Date.now() - startedAt + pollIntervalMs > maxWaitMs) throw new CredentialReportTimeoutError(Date.now() - startedAt);
    await sleep(pollIntervalMs, signal);
    signal?.throwIfAborted();
  }
}

function hasAccessKeys(row: CredentialReportRow): boolean {
  return reportDateOrNull(row.access_key_1_last_rotated) !== null || reportDateOrNull(row.access_key_2_last_rotated) !== null;
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

async function fetchBedrockApiKeys(client: IAMClient, userName: string, signal?: AbortSignal): Promise<User['serviceSpecificCredentials']> {
  const credentials = await collectPages(async (Marker) => {
    const page = await client.send(new ListServiceSpecificCredentialsCommand({ UserName: userName, ServiceName: BEDROCK_SERVICE_NAME, Marker }), { abortSignal: signal });
    return { items: page.ServiceSpecificCredentials ?? [], nextToken: page.IsTruncated ? page.Marker : undefined };
  });
  return credentials.map((credential) => {
    if (!credential.ServiceSpecificCredentialId || !credential.CreateDate) throw new UnexpectedResponseError(`ListServiceSpecificCredentials for ${userName} returned a credential without id or date`);
    return {
      serviceSpecificCredentialId: credential.ServiceSpecificCredentialId,
      serviceName: credential.ServiceName ?? BEDROCK_SERVICE_NAME,
      status: credential.Status === 'Active' ? 'Active' : 'Inactive',
      createDate: formatCliDate(credential.CreateDate),
      expirationDate: credential.ExpirationDate ? formatCliDate(credential.ExpirationDate) : null,
    };
  });
}

/**
 * The account's credential facts: password and MFA from the credential report; access key ids
 * (which the report lacks) from ListAccessKeys for users the report shows with keys, their last
 * use from GetAccessKeyLastUsed; Bedrock API keys from ListServiceSpecificCredentials per user.
 */
export async function fetchCredentials(client: IAMClient, accountId: string, options: { wait?: CredentialReportWait; signal?: AbortSignal } = {}): Promise<RawCredentialFile> {
  const rows = await fetchCredentialReport(client, options.wait, options.signal);
  const users: User[] = [];
  for (const row of rows.filter((candidate) => candidate.user !== '<root_account>')) {
    const passwordEnabled = row.password_enabled === 'true';
    users.push({
      userName: row.user,
      passwordEnabled,
      passwordLastUsed: passwordEnabled ? reportDateOrNull(row.password_last_used) : null,
      mfaActive: row.mfa_active === 'true',
      accessKeys: hasAccessKeys(row) ? await fetchAccessKeys(client, row.user, options.signal) : [],
      serviceSpecificCredentials: await fetchBedrockApiKeys(client, row.user, options.signal),
    });
  }
  return { accountId, users };
}
