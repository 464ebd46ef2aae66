/**
 * Errors of the local AWS endpoint. `AwsApiError` is what a handler throws to answer with an AWS
 * error document; the router turns it into the protocol's error shape (Query XML or JSON 1.1).
 */

/** An error answered to the client in the wire format of the called service. */
export class AwsApiError extends Error {
  /** @param code AWS error code (`NoSuchEntity`, `AccessDenied`, ...). @param status HTTP status. */
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly fault: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender',
  ) {
    super(message);
    this.name = 'AwsApiError';
  }
}

/** The data directory or the fault configuration cannot be loaded. */
export class LocalAwsDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalAwsDataError';
  }
}

/** IAM's 404 for a missing user, role, group, policy or key. */
export function noSuchEntity(message: string): AwsApiError {
  return new AwsApiError('NoSuchEntity', message, 404);
}

/** A required parameter is missing or malformed (IAM and STS answer `ValidationError`). */
export function validationError(message: string): AwsApiError {
  return new AwsApiError('ValidationError', message, 400);
}
