/**
 * Retries for every SDK client of the live scanner: exponential backoff with full jitter
 * (delay = random(0, min(cap, base * 2^retry)), the AWS Architecture Blog's recommendation for
 * many clients hitting one throttled API), for throttling, transient and 5xx errors only. Client
 * errors (AccessDenied, NoSuchEntity, a response that does not parse) fail at once.
 *
 * Unlike the SDK's standard strategy there is no client-wide retry quota: an organisation scan is a
 * bounded batch whose calls must all eventually succeed, and a token bucket drained by one
 * throttling storm would fail every later account. `maxAttempts` bounds each call instead.
 */

/** Tuning of the backoff; the defaults suit AWS, tests shrink the delays. */
export interface RetryOptions {
  /** Attempts per call, the first included. */
  maxAttempts: number;
  /** Base of the exponential backoff in milliseconds (AWS SDKs use 100, 500 for throttling). */
  baseDelayMs?: number;
  /** Throttling base delay in milliseconds. */
  throttlingBaseDelayMs?: number;
  /** Cap of one delay in milliseconds. */
  maxDelayMs?: number;
  /** Random source in [0, 1), injectable for tests. */
  random?: () => number;
}

type RetryErrorType = 'TRANSIENT' | 'THROTTLING' | 'SERVER_ERROR' | 'CLIENT_ERROR';

class RetryToken {
  constructor(
    private readonly retryCount: number,
    private readonly retryDelay: number,
  ) {}

  getRetryCount(): number {
    return this.retryCount;
  }

  getRetryDelay(): number {
    return this.retryDelay;
  }
}

/** A `RetryStrategyV2` for the SDK's `retryStrategy` client option. */
export class FullJitterRetryStrategy {
  readonly mode = 'standard';
  private readonly baseDelayMs: number;
  private readonly throttlingBaseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly random: () => number;

  constructor(private readonly options: RetryOptions) {
    this.baseDelayMs = options.baseDelayMs ?? 100;
    this.throttlingBaseDelayMs = options.throttlingBaseDelayMs ?? Math.max(this.baseDelayMs, 500);
    this.maxDelayMs = options.maxDelayMs ?? 20_000;
    this.random = options.random ?? Math.random;
  }

  /** The delay before retry number `retry` (0-based). */
  delayFor(retry: number, errorType: RetryErrorType): number {
    const base = errorType === 'THROTTLING' ? this.throttlingBaseDelayMs : this.baseDelayMs;
    return Math.floor(this.random() * Math.min(this.maxDelayMs, base * 2 ** retry));
  }

  async acquireInitialRetryToken(_scope: string): Promise<RetryToken> {
    return new RetryToken(0, 0);
  }

  /** Throws (ending the call with its last error) when the error is not retryable or attempts are spent. */
  async refreshRetryTokenForRetry(token: RetryToken, errorInfo: { errorType: RetryErrorType; retryAfterHint?: Date }): Promise<RetryToken> {
    const isRetryable = errorInfo.errorType !== 'CLIENT_ERROR';
    if (!isRetryable || token.getRetryCount() + 1 >= this.options.maxAttempts) throw new Error('No retry token available');
    let delay = this.delayFor(token.getRetryCount(), errorInfo.errorType);
    // A server that says when to come back is believed, within the cap.
    if (errorInfo.retryAfterHint) delay = Math.max(delay, Math.min(this.maxDelayMs, errorInfo.retryAfterHint.getTime() - Date.now()));
    return new RetryToken(token.getRetryCount() + 1, delay);
  }

  recordSuccess(_token: RetryToken): void {
    // No quota to refill: see the module comment.
  }
}
