/**
 * Exponential back-off for failed password sign-ins to one account (issue 17, security 4).
 *
 * A hard lock after N failures lets anyone lock a named user out by failing on purpose. Instead,
 * the first few failures are free, then each further attempt must wait twice as long as the
 * previous one since the last failure, up to a cap. Attempts refused during the wait are not
 * counted, so an attacker cannot push the wait beyond the cap, and the owner of the account is
 * delayed by at most the cap, never locked out.
 */
export interface BackoffPolicy {
  /** Failures within the window that cost nothing. */
  freeFailures: number;
  /** Wait after the first failure beyond the free ones. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_BACKOFF_POLICY: BackoffPolicy = { freeFailures: 4, baseDelayMs: 1000, maxDelayMs: 5 * 60 * 1000 };

/** Milliseconds to wait before the next attempt counts (0: go ahead). */
export function backoffRemainingMs(failureCount: number, lastFailureAt: number | null, now: number, policy: BackoffPolicy = DEFAULT_BACKOFF_POLICY): number {
  if (lastFailureAt === null || failureCount <= policy.freeFailures) return 0;
  const exponent = Math.min(failureCount - policy.freeFailures - 1, 30);
  const delay = Math.min(policy.baseDelayMs * 2 ** exponent, policy.maxDelayMs);
  return Math.max(0, lastFailureAt + delay - now);
}
