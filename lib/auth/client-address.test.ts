import { describe, expect, it } from 'vitest';
import { clientAddressFrom } from './client-address';

describe('clientAddressFrom (issue 17, security 4)', () => {
  it('takes the entry the trusted proxies appended, never the forgeable first one', () => {
    // Client sent "203.0.113.9"; the load balancer appended the real peer 198.51.100.7.
    expect(clientAddressFrom('203.0.113.9, 198.51.100.7', 1)).toBe('198.51.100.7');
    // Two proxies: CDN appended the client, the load balancer appended the CDN.
    expect(clientAddressFrom('203.0.113.9, 198.51.100.7, 10.0.0.5', 2)).toBe('198.51.100.7');
  });

  it('with no proxy, keeps the single socket address Next.js sets and buckets forged lists together', () => {
    expect(clientAddressFrom('198.51.100.7', 0)).toBe('198.51.100.7');
    expect(clientAddressFrom('203.0.113.1, 198.51.100.7', 0)).toBe('forged-forwarded-for');
    expect(clientAddressFrom('203.0.113.2, 198.51.100.8', 0)).toBe('forged-forwarded-for');
  });

  it('handles missing, empty and short headers', () => {
    expect(clientAddressFrom(undefined, 1)).toBe('unknown');
    expect(clientAddressFrom(' , ', 1)).toBe('unknown');
    expect(clientAddressFrom('198.51.100.7', 2)).toBe('unknown');
    expect(clientAddressFrom(['203.0.113.9', '198.51.100.7'], 1)).toBe('198.51.100.7');
  });
});
