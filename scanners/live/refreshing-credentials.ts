import type { AssumedCredentials } from './assume-role';

type AwsCredentialIdentity = AssumedCredentials;

/** How long before their Expiration assumed-role credentials are replaced. */
export const DEFAULT_REFRESH_BEFORE_MS = 10 * 60 * 1000;

export interface RefreshingCredentialsOptions {
  /** Replace the credentials when they expire within this many milliseconds (default 10 minutes). */
  refreshBeforeMs?: number;
  /** The clock, epoch milliseconds (tests). */
  now?: () => number;
}

/**
 * A credential provider for a long scan: the credentials come from `obtain` (an AssumeRole) and
 * are obtained again when they come within `refreshBeforeMs` of their Expiration. A session of a
 * role assumed with role credentials (role chaining) lasts one hour at most, while one account of
 * a large organisation can take longer to read; a static set would fail with ExpiredToken half way.
 * Concurrent callers share one AssumeRole. The SDK calls the provider before each request once the
 * identity is close to expiry (its own five-minute window), so the refresh happens in time.
 */
export function createRefreshingCredentials(obtain: () => Promise<AwsCredentialIdentity>, options: RefreshingCredentialsOptions = {}): () => Promise<AwsCredentialIdentity> {
  const refreshBeforeMs = options.refreshBeforeMs ?? DEFAULT_REFRESH_BEFORE_MS;
  const now = options.now ?? Date.now;
  let current: AwsCredentialIdentity | null = null;
  let pending: Promise<AwsCredentialIdentity> | null = null;
  const isFresh = (credentials: AwsCredentialIdentity) => credentials.expiration === undefined || credentials.expiration.getTime() - now() > refreshBeforeMs;
  return async () => {
    if (current && isFresh(current)) return current;
    pending ??= obtain()
      .then((credentials) => {
        current = credentials;
        return credentials;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  };
}
