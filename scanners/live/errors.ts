/**
 * Errors of the live scanner. Messages name the account and the step and never carry credentials.
 */

/** The organisation itself cannot be read: the scan cannot start. */
export class OrganizationFetchError extends Error {
  constructor(
    readonly step: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`Organizations ${step} failed: ${message}`, options);
    this.name = 'OrganizationFetchError';
  }
}

/** One account could not be read; the scan records it as failed and goes on. */
export class AccountFetchError extends Error {
  constructor(
    readonly accountId: string,
    readonly step: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${step} failed: ${message}`, options);
    this.name = 'AccountFetchError';
  }
}

/** AssumeRole into the account's read-only role was refused (trust policy, SCP, missing role). */
export class AssumeRoleDeniedError extends AccountFetchError {
  constructor(accountId: string, roleArn: string, message: string, options?: { cause?: unknown }) {
    super(accountId, 'AssumeRole', `cannot assume ${roleArn}: ${message}`, options);
    this.name = 'AssumeRoleDeniedError';
  }
}

/** An answer that parsed but is not the shape AWS documents (a proxy page, a truncated body). */
export class UnexpectedResponseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnexpectedResponseError';
  }
}

/** The credential report did not complete within the bounded wait. */
export class CredentialReportTimeoutError extends Error {
  constructor(waitedMs: number) {
    super(`the credential report was not ready after ${Math.round(waitedMs / 1000)} s`);
    this.name = 'CredentialReportTimeoutError';
  }
}

/** The scan was cancelled through its AbortSignal. */
export class ScanCancelledError extends Error {
  constructor() {
    super('The live scan was cancelled.');
    this.name = 'ScanCancelledError';
  }
}

/**
 * A one-line description of an SDK error: `Code: message`, with the HTTP status when known. SDK
 * errors never contain the request's credentials; the first line is enough and keeps logs tidy.
 */
export function describeAwsError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const status = (error as Error & { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const firstLine = error.message.split('\n')[0]?.trim() || 'no message';
  const name = error.name && error.name !== 'Error' ? `${error.name}: ` : '';
  return `${name}${firstLine}${status ? ` (HTTP ${status})` : ''}`;
}
