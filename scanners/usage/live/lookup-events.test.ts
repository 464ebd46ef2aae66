import { describe, expect, it } from 'vitest';
import { defaultLookupInterval, LOOKUP_EVENTS_INTERVAL_MS } from './lookup-events';

describe('defaultLookupInterval', () => {
  it('paces AWS at its 2 requests per second, not the loopback endpoint', () => {
    expect(defaultLookupInterval(undefined)).toBe(LOOKUP_EVENTS_INTERVAL_MS);
    expect(defaultLookupInterval('https://cloudtrail.us-east-1.amazonaws.com')).toBe(LOOKUP_EVENTS_INTERVAL_MS);
    expect(defaultLookupInterval('http://127.0.0.1:4566')).toBe(0);
    expect(defaultLookupInterval('http://localhost:4566')).toBe(0);
  });
});
