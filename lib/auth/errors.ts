/** Raised when the caller is not signed in (401) or lacks the role (403). Routes translate it. */
export class AuthorizationError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
    this.name = 'AuthorizationError';
  }
}
