import { describe, expect, it } from 'vitest';
import { FullJitterRetryStrategy } from './retry-strategy';

describe('FullJitterRetryStrategy', () => {
  it('draws each delay uniformly below min(cap, base * 2^retry), with a larger base for throttling', () => {
    const strategy = new FullJitterRetryStrategy({ maxAttempts: 5, baseDelayMs: 100, throttlingBaseDelayMs: 500, maxDelayMs: 3_000, random: () => 0.999 });
    expect([0, 1, 2, 3].map((retry) => strategy.delayFor(retry, 'TRANSIENT'))).toEqual([99, 199, 399, 799]);
    expect([0, 1, 2, 3].map((retry) => strategy.delayFor(retry, 'THROTTLING'))).toEqual([499, 999, 1998, 2997]);
    expect(new FullJitterRetryStrategy({ maxAttempts: 5, random: () => 0 }).delayFor(4, 'THROTTLING')).toBe(0);
  });

  it('retries throttling and server errors until maxAttempts, never client errors', async () => {
    const strategy = new FullJitterRetryStrategy({ maxAttempts: 3, random: () => 0.5 });
    let token = await strategy.acquireInitialRetryToken('');
    token = await strategy.refreshRetryTokenForRetry(token, { errorType: 'THROTTLING' });
    expect(token.getRetryCount()).toBe(1);
    token = await strategy.refreshRetryTokenForRetry(token, { errorType: 'SERVER_ERROR' });
    expect(token.getRetryCount()).toBe(2);
    await expect(strategy.refreshRetryTokenForRetry(token, { errorType: 'THROTTLING' })).rejects.toThrow();
    await expect(strategy.refreshRetryTokenForRetry(await strategy.acquireInitialRetryToken(''), { errorType: 'CLIENT_ERROR' })).rejects.toThrow();
  });
});
